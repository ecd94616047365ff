/**
 * Privacy and security: each run of the retention policy (KVKK: what was anonymised, kept at
 * least 3 years, never updated), and the staff's optional second factor (TOTP, RFC 6238).
 */
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, bigint } from 'drizzle-orm/pg-core';
import { users } from './schema-staff.js';

export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    dryRun: boolean('dry_run').notNull(),
    /** schedule, cli or api. */
    trigger: text('trigger').notNull(),
    actorId: integer('actor_id'),
    /** Years per data class as applied. */
    policy: jsonb('policy').notNull(),
    /** The cut-off date per data class. */
    cutoffs: jsonb('cutoffs').notNull(),
    /** Rows anonymised (or, in a dry run, that would be) per data class. */
    counts: jsonb('counts').notNull(),
  },
  (t) => [index('retention_runs_started_idx').on(t.startedAt)],
);

export const userTotp = pgTable('user_totp', {
  userId: integer('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  /** The shared secret, AES-256-GCM under a key derived from SESSION_SECRET. */
  secretSealed: text('secret_sealed').notNull(),
  /** Null until the user proves the authenticator works; only then does login ask for codes. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The last 30-second step accepted: a code is good once. */
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
