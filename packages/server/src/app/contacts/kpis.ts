/**
 * Contact-centre KPIs over recorded contacts, per period, in SQL (a year of calls is a
 * million rows). The definitions are DESIGN.md section 8's, the same as computeKpis in
 * packages/domain/src/kpi.ts, which the tests use to check these figures.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

export const KPI_BUCKETS = ['year', 'month', 'day', 'hour', '30min', '15min'] as const;
export type KpiBucket = (typeof KPI_BUCKETS)[number];

export interface KpiRow {
  period: string;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  answerRate: number | null;
  serviceLevel: number | null;
  serviceLevelOfAnswered: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  longestWaitSeconds: number | null;
}

export interface KpiQuery {
  from: Date;
  to: Date;
  by: KpiBucket;
  queue?: string;
  thresholdSeconds?: number;
  shortAbandonSeconds?: number;
}

/** Periods are Türkiye's local time (UTC+3). */
function bucketExpression(by: KpiBucket) {
  const local = sql`(offered_at at time zone 'UTC' + interval '3 hours')`;
  switch (by) {
    case '30min':
      return sql`date_trunc('hour', ${local}) + floor(extract(minute from ${local}) / 30) * interval '30 minutes'`;
    case '15min':
      return sql`date_trunc('hour', ${local}) + floor(extract(minute from ${local}) / 15) * interval '15 minutes'`;
    default:
      return sql`date_trunc(${by}, ${local})`;
  }
}

export async function contactKpis(ex: Executor, query: KpiQuery): Promise<KpiRow[]> {
  const t = query.thresholdSeconds ?? 20;
  const s = query.shortAbandonSeconds ?? 5;
  const bucket = bucketExpression(query.by);
  const result = (await ex.execute(sql`
    select to_char(${bucket}, 'YYYY-MM-DD"T"HH24:MI') as period,
           count(*)::int as offered,
           count(answered_at)::int as answered,
           count(*) filter (where exit_reason = 'abandoned')::int as abandoned,
           count(*) filter (where exit_reason = 'abandoned' and coalesce(wait_seconds, 0) < ${s})::int as short_abandoned,
           count(*) filter (where answered_at is not null and coalesce(wait_seconds, 0) <= ${t})::int as within,
           sum(coalesce(wait_seconds, 0)) filter (where answered_at is not null)::float8 as total_wait,
           sum(talk_seconds + hold_seconds + wrap_seconds) filter (where answered_at is not null and talk_seconds is not null)::float8 as handle,
           count(*) filter (where answered_at is not null and talk_seconds is not null)::int as handled,
           max(wait_seconds)::int as longest
    from contacts
    where offered_at >= ${query.from.toISOString()}::timestamptz and offered_at < ${query.to.toISOString()}::timestamptz
      and coalesce(exit_reason, '') <> 'not_entered'
      ${query.queue ? sql`and queue = ${query.queue}` : sql``}
    group by 1 order by 1`)) as unknown as {
    rows: { period: string; offered: number; answered: number; abandoned: number; short_abandoned: number; within: number; total_wait: number | null; handle: number | null; handled: number; longest: number | null }[];
  };
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return result.rows.map((r) => ({
    period: r.period,
    offered: r.offered,
    answered: r.answered,
    abandoned: r.abandoned,
    shortAbandoned: r.short_abandoned,
    answerRate: ratio(r.answered, r.offered),
    serviceLevel: ratio(r.within, r.offered),
    serviceLevelOfAnswered: ratio(r.within, r.answered),
    asaSeconds: ratio(r.total_wait ?? 0, r.answered),
    ahtSeconds: ratio(r.handle ?? 0, r.handled),
    longestWaitSeconds: r.longest,
  }));
}
