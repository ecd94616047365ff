/**
 * Citizens who reported a problem already on record: instead of a second request the agent
 * links them to the open one, and they are told when it is solved (migration 0011).
 */
import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { citizens } from './schema-citizens.js';
import { requests } from './schema-requests.js';
import { users } from './schema-staff.js';

export const requestFollowers = pgTable(
  'request_followers',
  {
    requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => requests.id),
    citizenId: integer('citizen_id').notNull().references(() => citizens.id),
    channel: text('channel').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.citizenId] }), index('request_followers_citizen_idx').on(t.citizenId)],
);
