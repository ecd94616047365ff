/**
 * Contacts: every call, message or visit, with its outcome.
 */
import { bigint, bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ContactChannel, ContactOutcome } from '@cozum/domain';
import { createdAt } from './schema-columns.js';
import { citizens } from './schema-citizens.js';
import { kbArticles } from './schema-knowledge-base.js';
import { requests } from './schema-requests.js';
import { users } from './schema-staff.js';

export const contacts = pgTable(
  'contacts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').$type<ContactChannel>().notNull(),
    queue: text('queue'),
    externalId: text('external_id'),
    callerNumber: text('caller_number'),
    citizenId: integer('citizen_id').references(() => citizens.id),
    agentId: integer('agent_id').references(() => users.id),
    agentName: text('agent_name'),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    waitSeconds: integer('wait_seconds'),
    talkSeconds: integer('talk_seconds'),
    holdSeconds: integer('hold_seconds').notNull().default(0),
    wrapSeconds: integer('wrap_seconds').notNull().default(0),
    exitReason: text('exit_reason'),
    outcome: text('outcome').$type<ContactOutcome>(),
    kbArticleId: integer('kb_article_id').references(() => kbArticles.id),
    requestId: bigint('request_id', { mode: 'number' }).references(() => requests.id),
    notes: text('notes'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('contacts_external_key').on(t.channel, t.externalId),
    index('contacts_offered_idx').on(t.offeredAt),
    index('contacts_citizen_idx').on(t.citizenId),
    index('contacts_caller_idx').on(t.callerNumber),
    index('contacts_agent_idx').on(t.agentId, t.offeredAt),
  ],
);
