/**
 * The KPI rollup: contacts summed per 15-minute interval × queue × agent (table contact_rollup),
 * so a year of KPIs reads tens of thousands of rows instead of a million calls. Triggers on
 * contacts keep it in the writer's transaction (migration 0004): inserts add to their intervals,
 * updates and deletes rebuild the intervals they touch. It counts with the service-level
 * threshold T and the short-abandon limit S of the settings, so changing them rebuilds it.
 */
import { eq, sql } from 'drizzle-orm';
import { fieldError } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { settings } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';

export const KPI_LIMITS_KEY = 'contact_centre.kpi';

export interface KpiLimits {
  /** Service-level threshold T, seconds (DESIGN.md section 8). */
  thresholdSeconds: number;
  /** Short-abandon limit S, seconds. */
  shortAbandonSeconds: number;
}

export const DEFAULT_KPI_LIMITS: KpiLimits = { thresholdSeconds: 20, shortAbandonSeconds: 5 };

export async function kpiLimits(ex: Executor): Promise<KpiLimits> {
  const [row] = await ex.select({ value: settings.value }).from(settings).where(eq(settings.key, KPI_LIMITS_KEY));
  return { ...DEFAULT_KPI_LIMITS, ...(row?.value as Partial<KpiLimits> | undefined) };
}

/**
 * Rebuilds the rollup of the contacts offered in [from, to) (all of them without a range).
 * Writers that bypass the triggers (a bulk load with triggers disabled, a restored dump) call it
 * for the period they wrote.
 */
export async function rebuildContactRollup(ex: Executor, range: { from?: Date; to?: Date } = {}): Promise<void> {
  const from = range.from ? sql`${range.from.toISOString()}::timestamptz` : sql`'-infinity'::timestamptz`;
  const to = range.to ? sql`${range.to.toISOString()}::timestamptz` : sql`'infinity'::timestamptz`;
  await ex.execute(sql`select contact_rollup_rebuild(${from}, ${to})`);
}

const check = (field: keyof KpiLimits, value: number) => {
  if (!Number.isInteger(value) || value < 0 || value > 3600) throw fieldError(field, 'not_whole_in_range', 'must be whole seconds from 0 to 3600', { min: 0, max: 3600 });
};

/** Changes T and S for every report and rebuilds the rollup with them, in the caller's transaction. */
export async function setKpiLimits(ex: Executor, actor: Actor, limits: KpiLimits): Promise<KpiLimits> {
  check('thresholdSeconds', limits.thresholdSeconds);
  check('shortAbandonSeconds', limits.shortAbandonSeconds);
  const value = { thresholdSeconds: limits.thresholdSeconds, shortAbandonSeconds: limits.shortAbandonSeconds };
  const before = await kpiLimits(ex);
  await ex.insert(settings).values({ key: KPI_LIMITS_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
  if (before.thresholdSeconds !== value.thresholdSeconds || before.shortAbandonSeconds !== value.shortAbandonSeconds) await rebuildContactRollup(ex);
  await recordAudit(ex, { actor, action: 'settings.kpi_limits', subjectType: 'settings', subjectId: KPI_LIMITS_KEY, data: { before, after: value } });
  return value;
}
