/** Sign-in throttling and spent proofs of work (migration 0015). */
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per failed staff sign-in, twice: under the HMAC of the username and of the address. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_failures_key_idx').on(t.key, t.at), index('sign_in_failures_at_idx').on(t.at)],
);

/** A proof of work's challenge id, once used; kept until the challenge would have expired. */
export const proofsSpent = pgTable(
  'proofs_spent',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('proofs_spent_expires_idx').on(t.expiresAt)],
);
