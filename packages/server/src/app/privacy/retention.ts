/**
 * The retention policy (KVKK art. 7 and the Regulation on Erasure, Destruction or
 * Anonymisation of Personal Data art. 11: periodic destruction at most every 6 months).
 * Years per data class are an admin setting; each run, dry or real, is one row in
 * retention_runs, which the database keeps append-only.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { DEFAULT_RETENTION_POLICY, RETENTION_CLASSES, TERMINAL_STATUSES, checkRetentionPolicy, retentionCutoffs, type RetentionClass, type RetentionPolicy, type RetentionTrigger } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { statusList } from '../../db/status-sql.js';
import { retentionRuns, settings } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';
import { anonymiseCitizens } from './anonymise.js';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.js';

export const RETENTION_POLICY_KEY = 'privacy.retention_policy';
/** Advisory lock: one retention run at a time across every process. */

export async function getRetentionPolicy(ex: Executor): Promise<RetentionPolicy> {
  const [row] = await ex.select({ value: settings.value }).from(settings).where(eq(settings.key, RETENTION_POLICY_KEY));
  return { ...DEFAULT_RETENTION_POLICY, ...(row?.value as Partial<RetentionPolicy> | undefined) };
}

export async function setRetentionPolicy(ex: Executor, actor: Actor, input: Record<string, unknown>): Promise<RetentionPolicy> {
  const previous = await getRetentionPolicy(ex);
  const policy = checkRetentionPolicy({ ...previous, ...input });
  await ex.insert(settings).values({ key: RETENTION_POLICY_KEY, value: policy }).onConflictDoUpdate({ target: settings.key, set: { value: policy, updatedAt: new Date() } });
  await recordAudit(ex, { actor, action: 'settings.retention_policy', subjectType: 'settings', subjectId: RETENTION_POLICY_KEY, data: { previous, policy } });
  return policy;
}

export interface RetentionRun {
  id: number;
  startedAt: string;
  finishedAt: string;
  dryRun: boolean;
  trigger: RetentionTrigger;
  actorId: number | null;
  policy: RetentionPolicy;
  cutoffs: Record<RetentionClass, string>;
  counts: Record<RetentionClass, number>;
}

const toRun = (row: typeof retentionRuns.$inferSelect): RetentionRun => ({
  id: row.id,
  startedAt: row.startedAt.toISOString(),
  finishedAt: row.finishedAt.toISOString(),
  dryRun: row.dryRun,
  // Only runRetention writes the column, with one of the triggers.
  trigger: row.trigger as RetentionTrigger,
  actorId: row.actorId,
  policy: row.policy as RetentionPolicy,
  cutoffs: row.cutoffs as Record<RetentionClass, string>,
  counts: row.counts as Record<RetentionClass, number>,
});

export async function listRetentionRuns(ex: Executor, limit = 100): Promise<RetentionRun[]> {
  return (await ex.select().from(retentionRuns).orderBy(desc(retentionRuns.startedAt), desc(retentionRuns.id)).limit(limit)).map(toRun);
}

/** Citizens with nothing open and nothing newer than the cut-off. */
async function expiredCitizens(ex: Executor, cutoff: Date): Promise<number[]> {
  const result = (await ex.execute(sql`
    select c.id from citizens c
    where c.anonymised_at is null and c.updated_at < ${cutoff}
      and not exists (select 1 from requests r where r.citizen_id = c.id
        and (r.updated_at >= ${cutoff} or r.status not in ${statusList(TERMINAL_STATUSES)}))
      and not exists (select 1 from contacts k where k.citizen_id = c.id and k.offered_at >= ${cutoff})
    order by c.id`)) as unknown as { rows: { id: number }[] };
  return result.rows.map((r) => Number(r.id));
}

async function count(ex: Executor, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await ex.execute(query)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

export interface RunRetentionInput {
  now: Date;
  dryRun: boolean;
  trigger: RetentionTrigger;
  actor: Actor | null;
  /** For the schedule: skip when another run happened within this many days. */
  onlyIfNoRunWithinDays?: number;
}

/** Runs the policy inside the caller's transaction; null when skipped (another run holds the lock or ran recently). */
export async function runRetention(ex: Executor, input: RunRetentionInput): Promise<RetentionRun | null> {
  const locked = (await ex.execute(sql`select pg_try_advisory_xact_lock(${ADVISORY_LOCKS.retention}) as ok`)) as unknown as { rows: { ok: boolean }[] };
  if (!locked.rows[0]?.ok) return null;
  if (input.onlyIfNoRunWithinDays !== undefined) {
    const [last] = await ex.select({ at: retentionRuns.startedAt }).from(retentionRuns).where(eq(retentionRuns.dryRun, false)).orderBy(desc(retentionRuns.startedAt)).limit(1);
    if (last && input.now.getTime() - last.at.getTime() < input.onlyIfNoRunWithinDays * 86_400_000) return null;
  }
  const policy = await getRetentionPolicy(ex);
  const cutoffs = retentionCutoffs(policy, input.now);
  const counts = Object.fromEntries(Object.keys(RETENTION_CLASSES).map((k) => [k, 0])) as Record<RetentionClass, number>;

  const citizenIds = await expiredCitizens(ex, cutoffs.citizens);
  const contactsWhere = sql`offered_at < ${cutoffs.contacts} and (caller_number is not null or notes is not null)`;
  const messagesWhere = sql`kind in ('email','sms') and status in ('sent','failed') and created_at < ${cutoffs.messages} and not (payload ? 'anonymised')`;
  const sessionsWhere = sql`created_at < ${cutoffs.sessions} and (ip is not null or user_agent is not null)`;
  if (input.dryRun) {
    counts.citizens = citizenIds.length;
    counts.contacts = await count(ex, sql`select count(*)::int as n from contacts where ${contactsWhere}`);
    counts.messages = await count(ex, sql`select count(*)::int as n from outbox where ${messagesWhere}`);
    counts.sessions = await count(ex, sql`select count(*)::int as n from sessions where ${sessionsWhere}`);
  } else {
    for (let i = 0; i < citizenIds.length; i += 1000) counts.citizens += (await anonymiseCitizens(ex, citizenIds.slice(i, i + 1000), input.now)).citizens;
    counts.contacts = await count(ex, sql`with u as (update contacts set caller_number = null, notes = null where ${contactsWhere} returning 1) select count(*)::int as n from u`);
    counts.messages = await count(ex, sql`with u as (update outbox set payload = jsonb_build_object('anonymised', true) where ${messagesWhere} returning 1) select count(*)::int as n from u`);
    counts.sessions = await count(ex, sql`with u as (update sessions set ip = null, user_agent = null where ${sessionsWhere} returning 1) select count(*)::int as n from u`);
  }
  const [row] = await ex
    .insert(retentionRuns)
    .values({
      startedAt: input.now,
      finishedAt: new Date(Math.max(Date.now(), input.now.getTime())),
      dryRun: input.dryRun,
      trigger: input.trigger,
      actorId: input.actor?.id ?? null,
      policy,
      cutoffs: Object.fromEntries(Object.entries(cutoffs).map(([k, d]) => [k, d.toISOString()])),
      counts,
    })
    .returning();
  await recordAudit(ex, { actor: input.actor, action: input.dryRun ? 'privacy.retention_dry_run' : 'privacy.retention_run', subjectType: 'retention_run', subjectId: row!.id, data: { trigger: input.trigger, counts } });
  return toRun(row!);
}

/** The workers' schedule: a real run when the last one is `intervalDays` old; null otherwise. */
export async function applyRetentionWhenDue(db: Executor, now: Date, intervalDays: number): Promise<RetentionRun | null> {
  return db.transaction((tx) => runRetention(tx, { now, dryRun: false, trigger: 'schedule', actor: null, onlyIfNoRunWithinDays: intervalDays }));
}
