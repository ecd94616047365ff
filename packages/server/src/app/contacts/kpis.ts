/**
 * Contact-centre KPIs over recorded contacts, per period, in SQL (a year of calls is a
 * million rows). The definitions are DESIGN.md section 8's, the same as computeKpis in
 * packages/domain/src/kpi.ts, which the tests use to check these figures.
 *
 * With the settings' T and S and a period made of whole 15-minute intervals (every API and CLI
 * query), the figures come from the rollup (kpi-rollup.ts); other thresholds or periods read
 * the contacts themselves. Both give the same numbers.
 *
 * Occupancy = handling time (talk + hold + wrap-up) / staffed time (logged in, not paused), from
 * the agent-state history: an agent's handling counts where that agent was staffed in the
 * period, a call's handling in the interval it arrived in. Agents serve several queues, so
 * staffed time is not split between queues and occupancy is not given per queue.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { KpiBucket, KpiGroup } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { kpiLimits } from './kpi-rollup.js';

export interface KpiRow {
  period: string;
  /** With group 'queue': the queue ('' and no queue are null). */
  queue?: string | null;
  /** With group 'agent': the agent (username, or the PBX's name), null for contacts no agent took. */
  agent?: string | null;
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
  /** Talk + hold + wrap-up of the answered contacts, seconds. */
  handleSeconds: number;
  /** Logged-in, not paused seconds of the agents (null per queue or with a queue filter). */
  staffedSeconds: number | null;
  /** Handling time of staffed agents / their staffed time (null when nobody was staffed). */
  occupancy: number | null;
}

export interface KpiQuery {
  from: Date;
  to: Date;
  by: KpiBucket;
  /** The city's IANA time zone: periods are its local days, months and hours. */
  timeZone: string;
  queue?: string;
  agent?: string;
  group?: KpiGroup;
  /** Defaults to the settings (20 s and 5 s unless changed). */
  thresholdSeconds?: number;
  shortAbandonSeconds?: number;
  /** Where the last open agent state ends (default: the clock). */
  now?: Date;
}

const STEP: Record<KpiBucket, string> = { year: '1 year', month: '1 month', day: '1 day', hour: '1 hour', '30min': '30 minutes', '15min': '15 minutes' };

/** The start of the period holding a local timestamp (wall-clock time in the city). */
function periodStart(by: KpiBucket, local: SQL): SQL {
  switch (by) {
    case '30min':
      return sql`date_trunc('hour', ${local}) + floor(extract(minute from ${local}) / 30) * interval '30 minutes'`;
    case '15min':
      return sql`date_trunc('hour', ${local}) + floor(extract(minute from ${local}) / 15) * interval '15 minutes'`;
    default:
      return sql`date_trunc(${by}, ${local})`;
  }
}
/** A timestamptz as the city's wall-clock time; `fromLocal` turns such a time back into an instant. */
const toLocal = (column: SQL, zone: string) => sql`(${column} at time zone ${zone}::text)`;
const fromLocal = (local: SQL, zone: string) => sql`(${local} at time zone ${zone}::text)`;

interface SumRow {
  period: string;
  key: string | null;
  offered: number;
  answered: number;
  abandoned: number;
  short_abandoned: number;
  within: number;
  total_wait: number | null;
  handle: number | null;
  handled: number;
  longest: number | null;
}

const QUARTER_MS = 900_000;

async function sums(ex: Executor, q: KpiQuery, group: KpiGroup | undefined, limits: { t: number; s: number; fromRollup: boolean }): Promise<SumRow[]> {
  const from = sql`${q.from.toISOString()}::timestamptz`;
  const to = sql`${q.to.toISOString()}::timestamptz`;
  if (limits.fromRollup) {
    const key = group === 'queue' ? sql`queue` : group === 'agent' ? sql`agent` : sql`null::text`;
    const result = await ex.execute(sql`
      select to_char(${periodStart(q.by, toLocal(sql`bucket`, q.timeZone))}, 'YYYY-MM-DD"T"HH24:MI') as period, ${key} as key,
             sum(offered)::int as offered, sum(answered)::int as answered, sum(abandoned)::int as abandoned,
             sum(short_abandoned)::int as short_abandoned, sum(within_threshold)::int as within,
             sum(total_wait)::float8 as total_wait, sum(handle)::float8 as handle, sum(handled)::int as handled, max(longest_wait)::int as longest
      from contact_rollup
      where bucket >= ${from} and bucket < ${to}
        ${q.queue !== undefined ? sql`and queue = ${q.queue}` : sql``}
        ${q.agent !== undefined ? sql`and agent = ${q.agent}` : sql``}
      group by 1, 2 order by 1, 2`);
    return (result as unknown as { rows: SumRow[] }).rows;
  }
  const key = group === 'queue' ? sql`coalesce(queue, '')` : group === 'agent' ? sql`coalesce(agent_name, '')` : sql`null::text`;
  const result = await ex.execute(sql`
    select to_char(${periodStart(q.by, toLocal(sql`offered_at`, q.timeZone))}, 'YYYY-MM-DD"T"HH24:MI') as period, ${key} as key,
           count(*)::int as offered,
           count(answered_at)::int as answered,
           count(*) filter (where exit_reason = 'abandoned')::int as abandoned,
           count(*) filter (where exit_reason = 'abandoned' and coalesce(wait_seconds, 0) < ${limits.s})::int as short_abandoned,
           count(*) filter (where answered_at is not null and coalesce(wait_seconds, 0) <= ${limits.t})::int as within,
           sum(coalesce(wait_seconds, 0)) filter (where answered_at is not null)::float8 as total_wait,
           sum(talk_seconds + hold_seconds + wrap_seconds) filter (where answered_at is not null and talk_seconds is not null)::float8 as handle,
           count(*) filter (where answered_at is not null and talk_seconds is not null)::int as handled,
           max(wait_seconds)::int as longest
    from contacts
    where offered_at >= ${from} and offered_at < ${to}
      and coalesce(exit_reason, '') <> 'not_entered'
      ${q.queue !== undefined ? sql`and queue = ${q.queue}` : sql``}
      ${q.agent !== undefined ? sql`and agent_name = ${q.agent}` : sql``}
    group by 1, 2 order by 1, 2`);
  return (result as unknown as { rows: SumRow[] }).rows;
}

/** Staffed seconds per period and agent, from the state history, cut to [from, min(to, now)). */
async function staffedTime(ex: Executor, q: KpiQuery): Promise<{ period: string; agent: string; seconds: number }[]> {
  const end = new Date(Math.min(q.to.getTime(), (q.now ?? new Date()).getTime()));
  if (end <= q.from) return [];
  const from = sql`${q.from.toISOString()}::timestamptz`;
  const to = sql`${end.toISOString()}::timestamptz`;
  const agent = q.agent !== undefined ? sql`and agent = ${q.agent}` : sql``;
  const start = periodStart(q.by, sql`s.lo`);
  const result = await ex.execute(sql`
    with relevant as (
      select agent, state, at, id from agent_state_events where at >= ${from} and at < ${to} ${agent}
      union all
      select distinct on (agent) agent, state, at, id from agent_state_events where at < ${from} ${agent} order by agent, at desc, id desc
    ), spans as (
      select agent, state, greatest(at, ${from}) as a, least(coalesce(lead(at) over (partition by agent order by at, id), ${to}), ${to}) as b from relevant
    ), staffed as (
      select agent, ${toLocal(sql`a`, q.timeZone)} as lo, ${toLocal(sql`b`, q.timeZone)} as hi from spans where state in ('available', 'on_call', 'wrap_up') and b > a
    )
    select to_char(p.p, 'YYYY-MM-DD"T"HH24:MI') as period, s.agent,
           -- Elapsed time, not wall-clock difference: a day with a clock change has 23 or 25 hours.
           sum(extract(epoch from ${fromLocal(sql`least(s.hi, p.p + interval '${sql.raw(STEP[q.by])}')`, q.timeZone)} - ${fromLocal(sql`greatest(s.lo, p.p)`, q.timeZone)}))::float8 as seconds
    from staffed s cross join lateral generate_series(${start}, s.hi, interval '${sql.raw(STEP[q.by])}') p(p)
    where p.p < s.hi
    group by 1, 2 order by 1, 2`);
  return (result as unknown as { rows: { period: string; agent: string; seconds: number }[] }).rows.filter((r) => r.seconds > 0);
}

export async function contactKpis(ex: Executor, query: KpiQuery): Promise<KpiRow[]> {
  const settings = await kpiLimits(ex);
  const t = query.thresholdSeconds ?? settings.thresholdSeconds;
  const s = query.shortAbandonSeconds ?? settings.shortAbandonSeconds;
  const aligned = query.from.getTime() % QUARTER_MS === 0 && query.to.getTime() % QUARTER_MS === 0;
  const limits = { t, s, fromRollup: aligned && t === settings.thresholdSeconds && s === settings.shortAbandonSeconds };
  const rows = await sums(ex, query, query.group, limits);

  // Occupancy: per period (and agent), handling of the agents staffed there over their staffed time.
  const occupancyApplies = query.group !== 'queue' && query.queue === undefined;
  const staffed = occupancyApplies ? await staffedTime(ex, query) : [];
  const staffedBy = new Map<string, number>();
  for (const r of staffed) staffedBy.set(`${r.period}|${r.agent}`, r.seconds);
  const handleOfStaffed = new Map<string, number>();
  const staffedTotal = new Map<string, number>();
  if (occupancyApplies && staffed.length) {
    const byAgent = query.group === 'agent' ? rows : await sums(ex, query, 'agent', limits);
    for (const r of byAgent) {
      if (!staffedBy.has(`${r.period}|${r.key}`)) continue;
      const k = query.group === 'agent' ? `${r.period}|${r.key}` : r.period;
      handleOfStaffed.set(k, (handleOfStaffed.get(k) ?? 0) + (r.handle ?? 0));
    }
    for (const r of staffed) {
      const k = query.group === 'agent' ? `${r.period}|${r.agent}` : r.period;
      staffedTotal.set(k, (staffedTotal.get(k) ?? 0) + r.seconds);
    }
  }

  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const result: KpiRow[] = rows.map((r) => {
    const k = query.group === 'agent' ? `${r.period}|${r.key}` : r.period;
    const staffedSeconds = occupancyApplies ? (staffedTotal.get(k) ?? 0) : null;
    const row: Omit<KpiRow, 'period'> = {
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
      handleSeconds: r.handle ?? 0,
      staffedSeconds,
      occupancy: staffedSeconds ? ratio(handleOfStaffed.get(k) ?? 0, staffedSeconds) : null,
    };
    if (query.group === 'queue') return { period: r.period, queue: r.key || null, ...row };
    if (query.group === 'agent') return { period: r.period, agent: r.key || null, ...row };
    return { period: r.period, ...row };
  });

  // Per agent, one who was staffed but took no contact in a period still has a row (occupancy 0).
  // Without a group the rows stay the periods that had contacts.
  if (query.group === 'agent') {
    const present = new Set(result.map((r) => `${r.period}|${r.agent ?? ''}`));
    for (const [k, seconds] of staffedTotal) {
      if (present.has(k)) continue;
      const [period, agent] = k.split('|') as [string, string | undefined];
      const empty: Omit<KpiRow, 'period'> = { offered: 0, answered: 0, abandoned: 0, shortAbandoned: 0, answerRate: null, serviceLevel: null, serviceLevelOfAnswered: null, asaSeconds: null, ahtSeconds: null, longestWaitSeconds: null, handleSeconds: 0, staffedSeconds: seconds, occupancy: 0 };
      result.push({ period, agent: agent ?? null, ...empty });
    }
    result.sort((a, b) => a.period.localeCompare(b.period) || (a.agent ?? '').localeCompare(b.agent ?? ''));
  }
  return result;
}
