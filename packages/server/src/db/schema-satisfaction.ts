/**
 * How satisfied citizens were with a solution: one rating per request, from whichever channel
 * asked (the portal, a survey link in an SMS or e-mail, an agent's call-back, a field tablet).
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, smallint, text, timestamp, uniqueIndex, bigserial } from 'drizzle-orm/pg-core';
import { requests } from './schema-requests.js';

export const SATISFACTION_CHANNELS = ['portal', 'sms_link', 'email_link', 'callback', 'field', 'open311', 'import'] as const;

export const satisfactionRatings = pgTable(
  'satisfaction_ratings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => requests.id),
    /** 1 (very dissatisfied) to 5 (very satisfied). */
    score: smallint('score').notNull(),
    comment: text('comment'),
    channel: text('channel').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('satisfaction_ratings_request_uq').on(t.requestId),
    index('satisfaction_ratings_created_idx').on(t.createdAt),
    check('satisfaction_ratings_score_ck', sql`${t.score} between 1 and 5`),
    check('satisfaction_ratings_channel_ck', sql`${t.channel} in ('portal','sms_link','email_link','callback','field','open311','import')`),
  ],
);
