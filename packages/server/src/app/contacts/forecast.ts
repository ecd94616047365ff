/**
 * Arrivals forecast and the week's staffing. The forecast for a weekday and a 30-minute
 * interval is the mean of the calls offered in that interval on the same weekday over the
 * last N whole weeks (the city's local time), a plain and explainable baseline. Each of the
 * week's 7 × 48 intervals then gets its agents from Erlang C, or Erlang A with caller
 * patience (packages/domain), and shrinkage on top.
 */
import { sql } from 'drizzle-orm';
import { addDays, agentsNeeded, agentsNeededErlangA, localDate, startOfLocalDate, startOfLocalDay, withShrinkage } from '@cozum/domain';
import type { Executor } from '../../db/client.js';

export const SLOTS_PER_DAY = 48;
const SLOT_SECONDS = 30 * 60;

export interface ForecastQuery {
  /** Weeks of history to average (the last whole weeks before `until`). */
  weeks: number;
  /** End of the history (exclusive), normally the start of today in the city. */
  until: Date;
  /** The city's IANA time zone: weekdays and intervals are its local ones. */
  timeZone: string;
  queue?: string;
}

export interface Forecast {
  from: string;
  to: string;
  weeks: number;
  /** arrivals[weekday][slot]: weekday 0 = Monday … 6 = Sunday; slot 0 = 00:00–00:30 local time. */
  arrivals: number[][];
  /** Mean handling time (talk + hold + wrap-up) of the answered calls in the history; null without any. */
  ahtSeconds: number | null;
}

const emptyWeek = () => Array.from({ length: 7 }, () => Array<number>(SLOTS_PER_DAY).fill(0));

export async function forecastArrivals(ex: Executor, query: ForecastQuery): Promise<Forecast> {
  // Whole local weeks back: a week with a clock change is an hour shorter or longer.
  const from = startOfLocalDate(addDays(localDate(query.until, query.timeZone), -7 * query.weeks), query.timeZone);
  const local = sql`(offered_at at time zone ${query.timeZone}::text)`;
  const range = sql`offered_at >= ${from.toISOString()}::timestamptz and offered_at < ${query.until.toISOString()}::timestamptz
      and coalesce(exit_reason, '') <> 'not_entered' ${query.queue ? sql`and queue = ${query.queue}` : sql``}`;
  const counts = (await ex.execute(sql`
    select (extract(isodow from ${local})::int - 1) as weekday,
           (extract(hour from ${local})::int * 2 + floor(extract(minute from ${local}) / 30)::int) as slot,
           count(*)::int as calls
    from contacts where ${range}
    group by 1, 2`)) as unknown as { rows: { weekday: number; slot: number; calls: number }[] };
  const aht = (await ex.execute(sql`
    select avg(talk_seconds + hold_seconds + wrap_seconds)::float8 as aht from contacts
    where ${range} and answered_at is not null and talk_seconds is not null`)) as unknown as { rows: { aht: number | null }[] };
  const arrivals = emptyWeek();
  for (const r of counts.rows) arrivals[r.weekday]![r.slot] = r.calls / query.weeks;
  const measured = aht.rows[0]?.aht;
  return { from: from.toISOString(), to: query.until.toISOString(), weeks: query.weeks, arrivals, ahtSeconds: measured ? Math.round(measured) : null };
}

export interface StaffingTargets {
  ahtSeconds: number;
  /** Share answered within targetSeconds, e.g. 0.8. */
  targetServiceLevel: number;
  targetSeconds: number;
  maxOccupancy: number;
  shrinkage: number;
  /** Mean caller patience: Erlang A when given, Erlang C without. */
  patienceSeconds?: number | null;
}

export interface WeekStaffing {
  model: 'erlang-c' | 'erlang-a';
  /** agents[weekday][slot]: on the phones; staffed adds shrinkage. */
  agents: number[][];
  staffed: number[][];
  serviceLevel: number[][];
  /** Agent-hours to schedule over the week (staffed × half hours). */
  staffedHours: number;
  peakStaffed: number;
}

/** The agents each interval of the week needs to meet the targets with the forecast arrivals. */
export function staffWeek(arrivals: number[][], targets: StaffingTargets): WeekStaffing {
  const agents = emptyWeek();
  const staffed = emptyWeek();
  const serviceLevel = emptyWeek();
  const patience = targets.patienceSeconds ?? null;
  for (let d = 0; d < 7; d++) {
    for (let s = 0; s < SLOTS_PER_DAY; s++) {
      const input = { calls: arrivals[d]![s]!, intervalSeconds: SLOT_SECONDS, ahtSeconds: targets.ahtSeconds, targetServiceLevel: targets.targetServiceLevel, targetSeconds: targets.targetSeconds, maxOccupancy: targets.maxOccupancy };
      const r = patience === null ? agentsNeeded(input) : agentsNeededErlangA({ ...input, patienceSeconds: patience });
      agents[d]![s] = r.agents;
      staffed[d]![s] = withShrinkage(r.agents, targets.shrinkage);
      serviceLevel[d]![s] = Math.round(r.serviceLevel * 10000) / 10000;
    }
  }
  const flat = staffed.flat();
  return { model: patience === null ? 'erlang-c' : 'erlang-a', agents, staffed, serviceLevel, staffedHours: flat.reduce((a, b) => a + b, 0) / 2, peakStaffed: Math.max(...flat) };
}

export interface StaffingWeekQuery extends Omit<StaffingTargets, 'ahtSeconds'> {
  weeks: number;
  now: Date;
  timeZone: string;
  queue?: string;
  /** Without it, the measured AHT of the history (180 s when there is none). */
  ahtSeconds?: number;
}

export async function staffingWeek(ex: Executor, query: StaffingWeekQuery) {
  const forecast = await forecastArrivals(ex, { weeks: query.weeks, until: startOfLocalDay(query.now, query.timeZone), timeZone: query.timeZone, queue: query.queue });
  const ahtSeconds = query.ahtSeconds ?? forecast.ahtSeconds ?? 180;
  return { ...forecast, ahtSeconds, ahtMeasured: query.ahtSeconds === undefined && forecast.ahtSeconds !== null, ...staffWeek(forecast.arrivals, { ...query, ahtSeconds }) };
}
