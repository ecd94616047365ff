/**
 * The contact centre's agents and figures: each agent's current state, the append-only history
 * of state changes (for occupancy and the wallboard), and the KPI rollup of contacts per
 * 15-minute interval × queue × agent that the reports read instead of every call.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './schema-staff.js';

const STATE_CHECK = `in ('logged_out','available','on_call','wrap_up','paused')`;

/** One row per agent: the username when the PBX's agent name matches a user, else the PBX's name. */
export const agentStates = pgTable(
  'agent_states',
  {
    agent: text('agent').primaryKey(),
    userId: integer('user_id').references(() => users.id),
    state: text('state').notNull(),
    reason: text('reason'),
    since: timestamp('since', { withTimezone: true }).notNull(),
    queues: text('queues').array().notNull().default(sql`'{}'::text[]`),
    /** The PBX call id while on a call. */
    callId: text('call_id'),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agent_states_user_idx').on(t.userId),
    check('agent_states_state_ck', sql.raw(`"state" ${STATE_CHECK}`)),
    check('agent_states_source_ck', sql`${t.source} in ('queue_log','cti','console')`),
  ],
);

/** Append-only: every state change as reported, in or out of order. */
export const agentStateEvents = pgTable(
  'agent_state_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agent: text('agent').notNull(),
    userId: integer('user_id').references(() => users.id),
    state: text('state').notNull(),
    /** What was reported: login, logoff, add_member, remove_member, pause, unpause, set. */
    kind: text('kind').notNull(),
    reason: text('reason'),
    queue: text('queue'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The same change reported again (a queue_log imported twice) is one row.
    uniqueIndex('agent_state_events_once_uq').on(t.agent, t.at, t.kind, t.source, sql`coalesce(${t.reason}, '')`, sql`coalesce(${t.queue}, '')`),
    index('agent_state_events_at_idx').on(t.at),
    check('agent_state_events_state_ck', sql.raw(`"state" ${STATE_CHECK}`)),
    check('agent_state_events_source_ck', sql`${t.source} in ('queue_log','cti','console')`),
  ],
);

/**
 * Contacts summed per 15-minute interval (by offered time), queue and agent ('' for none), with
 * the service-level threshold and short-abandon limit from the settings. Kept by triggers on
 * contacts in the writer's transaction; rebuildContactRollup rebuilds it.
 */
export const contactRollup = pgTable(
  'contact_rollup',
  {
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    queue: text('queue').notNull(),
    agent: text('agent').notNull(),
    offered: integer('offered').notNull(),
    answered: integer('answered').notNull(),
    abandoned: integer('abandoned').notNull(),
    shortAbandoned: integer('short_abandoned').notNull(),
    withinThreshold: integer('within_threshold').notNull(),
    totalWait: bigint('total_wait', { mode: 'number' }).notNull(),
    handle: bigint('handle', { mode: 'number' }).notNull(),
    handled: integer('handled').notNull(),
    longestWait: integer('longest_wait'),
  },
  (t) => [primaryKey({ name: 'contact_rollup_pk', columns: [t.bucket, t.queue, t.agent] })],
);
