/**
 * The outbox: what to send or do after a transaction commits, claimed by the dispatcher.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { OutboxKind, OutboxStatus } from '@cozum/domain';
import { createdAt } from './schema-columns.js';
import { requests } from './schema-requests.js';

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** What to do: email, sms, escalation, … A handler per kind, idempotent by id. */
    kind: text('kind').$type<OutboxKind>().notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Marked sent by the development sender (DEV_OUTBOX): it never left the server. */
    devOutbox: boolean('dev_outbox').notNull().default(false),
    requestId: bigint('request_id', { mode: 'number' }).references(() => requests.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_pending_idx').on(t.availableAt).where(sql`${t.status} = 'pending'`),
    index('outbox_request_idx').on(t.requestId),
    check('outbox_status_check', sql`${t.status} in ('pending','sent','failed')`),
  ],
);
