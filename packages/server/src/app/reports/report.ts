/**
 * The annual (or any period's) report, computed by SQL over the rows: calls offered and
 * answered, instant information versus routed requests, the change on a compared period,
 * topics, districts and neighbourhoods, units (count, median and 90th-percentile resolution
 * time, share on time), channels, satisfaction, the months and the hour × weekday pattern.
 * Periods are whole local months in the city's time zone (the filter's timeZone); `to` is exclusive.
 */
import { sql, type SQL } from 'drizzle-orm';
import { DomainError, addMonths, localDate, startOfLocalDate, type Channel } from '@cozum/domain';
import type { Executor } from '../../db/client.js';

export interface ReportFilter {
  from: Date;
  to: Date;
  /** The city's IANA time zone: months, weekdays and hours are its local ones. */
  timeZone: string;
  /** Narrows calls and requests to a channel (phone, web, …). */
  channel?: string;
  /** Narrows requests to a category or a topic group and its children. */
  categoryId?: number;
  unitId?: number;
  /** Narrows requests to a district (the map's drill-down). */
  districtId?: number;
}

export interface CallFigures {
  offered: number;
  answered: number;
  /** answered / offered; null with no calls. */
  answerRate: number | null;
  abandoned: number;
  /** Answered on the spot (outcome information_given). */
  instant: number;
  /** Recorded as a request and routed to a unit (outcome request_created). */
  routed: number;
  /** Requests recorded in the period on every channel. */
  requests: number;
}

export interface Ranked { id: number; code: string; name: string; nameEn: string; count: number; share: number }

export interface Report extends CallFigures {
  period: { from: string; to: string; label: string };
  compare?: CallFigures & { period: { from: string; to: string; label: string } };
  /** This period minus the compared one (answer rate in percentage points). */
  change?: { offered: number; answered: number; answerRatePoints: number | null; instant: number; routed: number; requests: number };
  topics: (Ranked & { groupCode: string | null })[];
  topicGroups: Ranked[];
  districts: (Ranked & { population: number | null; perThousand: number | null })[];
  neighbourhoods: (Ranked & { districtId: number; districtName: string; population: number | null })[];
  units: { id: number; code: string; name: string; nameEn: string; count: number; resolved: number; medianHours: number | null; p90Hours: number | null; onTimeShare: number | null }[];
  channels: { channel: Channel; count: number; share: number }[];
  satisfaction: { count: number; average: number | null; distribution: number[] };
  months: { month: string; offered: number; answered: number; requests: number }[];
  /** heat[weekday 0 = Monday][hour] = calls offered. */
  heat: number[][];
}

const lastDayText = (d: Date, zone: string) => localDate(new Date(d.getTime() - 1), zone);

export function periodLabel(from: Date, to: Date, zone: string): string {
  const a = localDate(from, zone);
  const b = lastDayText(to, zone);
  if (a.endsWith('-01-01') && b.endsWith('-12-31') && a.slice(0, 4) === b.slice(0, 4)) return a.slice(0, 4);
  return `${a} – ${b}`;
}

export interface Period { from: Date; to: Date; timeZone: string }

/** The calendar year in the city as a period. */
export function yearPeriod(year: number, zone: string): Period {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('validation_failed', `year: expected a year from 2000 to 2100, not ${year}`, [{ field: 'year', code: 'not_whole_in_range', params: { min: 2000, max: 2100 }, message: 'out of range' }]);
  return { from: startOfLocalDate(`${year}-01-01`, zone), to: startOfLocalDate(`${year + 1}-01-01`, zone), timeZone: zone };
}

type Rows<T> = { rows: T[] };
const rows = async <T>(ex: Executor, query: SQL): Promise<T[]> => ((await ex.execute(query)) as unknown as Rows<T>).rows;

/** The first day of the month in the city holding `d`, as YYYY-MM-DD; reports run over whole months. */
const monthText = (d: Date, zone: string) => `${localDate(d, zone).slice(0, 7)}-01`;

function assertWholeMonths(f: Period) {
  for (const [field, d] of [['from', f.from], ['to', f.to]] as const) {
    const day = localDate(d, f.timeZone);
    if (day.slice(8) !== '01' || startOfLocalDate(day, f.timeZone).getTime() !== d.getTime()) {
      throw new DomainError('validation_failed', `${field}: reports cover whole months; give a month as YYYY-MM (the period runs from the first day of 'from' to the last day of 'to')`, [{ field, code: 'not_month', params: { value: day }, message: 'not the start of a month' }]);
    }
  }
  if (!(f.to > f.from)) throw new DomainError('validation_failed', 'to: the period must end after it starts', [{ field: 'to', code: 'before_start', params: { start: monthText(f.from, f.timeZone).slice(0, 7), end: localDate(f.to, f.timeZone).slice(0, 7) }, message: 'must not be before from' }]);
}

/** Whole-month period from YYYY-MM to YYYY-MM inclusive, in the city. */
export function monthPeriod(from: string, to: string, zone: string): Period {
  const parse = (field: string, text: string, next: number) => {
    const m = /^(\d{4})-(\d{2})$/.exec(text);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new DomainError('validation_failed', `${field}: expected a month as YYYY-MM, not '${text}'`, [{ field, code: 'not_month', params: { value: text }, message: 'expected YYYY-MM' }]);
    return startOfLocalDate(addMonths(`${m[1]}-${m[2]}-01`, next), zone);
  };
  const period = { from: parse('from', from, 0), to: parse('to', to, 1), timeZone: zone };
  if (!(period.to > period.from)) throw new DomainError('validation_failed', `to: ${to} is before from ${from}`, [{ field: 'to', code: 'before_start', params: { start: from, end: to }, message: 'must not be before from' }]);
  return period;
}

// Rollup filters (report_request_months, alias m).
function monthWhere(f: ReportFilter): SQL {
  const parts: SQL[] = [sql`m.month >= ${monthText(f.from, f.timeZone)}::date and m.month < ${monthText(f.to, f.timeZone)}::date`];
  if (f.channel) parts.push(sql`m.channel = ${f.channel}`);
  if (f.categoryId) parts.push(sql`m.category_id in (select id from categories where id = ${f.categoryId} or parent_id = ${f.categoryId})`);
  if (f.unitId) parts.push(sql`m.unit_id = ${f.unitId}`);
  if (f.districtId) parts.push(sql`m.district_id = ${f.districtId}`);
  return sql.join(parts, sql` and `);
}

// Row filters (requests, alias r), for the few figures the rollups cannot narrow.
function requestWhere(f: ReportFilter): SQL {
  const parts: SQL[] = [sql`r.created_at >= ${f.from.toISOString()}::timestamptz and r.created_at < ${f.to.toISOString()}::timestamptz`];
  if (f.channel) parts.push(sql`r.channel = ${f.channel}`);
  if (f.categoryId) parts.push(sql`r.category_id in (select id from categories where id = ${f.categoryId} or parent_id = ${f.categoryId})`);
  if (f.unitId) parts.push(sql`r.unit_id = ${f.unitId}`);
  if (f.districtId) parts.push(sql`r.district_id = ${f.districtId}`);
  return sql.join(parts, sql` and `);
}

const hourWhere = (f: Pick<ReportFilter, 'from' | 'to' | 'channel'>): SQL =>
  sql`hour >= ${f.from.toISOString()}::timestamptz at time zone 'UTC' and hour < ${f.to.toISOString()}::timestamptz at time zone 'UTC'${f.channel ? sql` and channel = ${f.channel}` : sql``}`;

async function callFigures(ex: Executor, f: ReportFilter): Promise<CallFigures> {
  const [calls] = await rows<{ offered: number; answered: number; instant: number; routed: number }>(ex, sql`
    select coalesce(sum(offered), 0)::int as offered, coalesce(sum(answered), 0)::int as answered, coalesce(sum(instant), 0)::int as instant, coalesce(sum(routed), 0)::int as routed
    from report_call_hours where ${hourWhere(f)}`);
  const [req] = await rows<{ n: number }>(ex, sql`select coalesce(sum(requests), 0)::int as n from report_request_months m where ${monthWhere(f)}`);
  return finishCalls(calls!, req!.n);
}

const finishCalls = (c: { offered: number; answered: number; instant: number; routed: number }, requests: number): CallFigures => ({
  offered: c.offered,
  answered: c.answered,
  answerRate: c.offered ? c.answered / c.offered : null,
  abandoned: c.offered - c.answered,
  instant: c.instant,
  routed: c.routed,
  requests,
});

/**
 * A percentile as PostgreSQL's percentile_cont computes it (interpolating between the two
 * nearest ranks), with each value estimated from its log bucket: bucket b spans e^(b/10) to
 * e^((b+1)/10) minutes and its n values are spread evenly across it on the log scale. The
 * estimate is within the bucket's width (about 10 %) of the exact value. Hours.
 */
function bucketPercentile(buckets: { bucket: number; n: number }[], share: number): number | null {
  const total = buckets.reduce((a, b) => a + b.n, 0);
  if (!total) return null;
  const sorted = [...buckets].sort((a, b) => a.bucket - b.bucket);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const b of sorted) {
      if (rank < seen + b.n) return Math.exp((b.bucket + (rank - seen + 0.5) / b.n) / 10) / 60;
      seen += b.n;
    }
    const last = sorted[sorted.length - 1]!;
    return Math.exp((last.bucket + 1) / 10) / 60;
  };
  const position = share * (total - 1);
  const below = Math.floor(position);
  const low = valueAt(below);
  return below === position ? low : low + (valueAt(below + 1) - low) * (position - below);
}

export async function buildReport(ex: Executor, filter: ReportFilter, compare?: { from: Date; to: Date }): Promise<Report> {
  const zone = filter.timeZone;
  assertWholeMonths(filter);
  if (compare) assertWholeMonths({ ...compare, timeZone: zone });
  // report_call_hours holds UTC hours; read as the city's wall clock.
  const local = sql`((hour at time zone 'UTC') at time zone ${zone}::text)`;
  const unitRollupFits = !filter.categoryId && !filter.channel && !filter.districtId;
  const neighbourhoodRollupFits = !filter.categoryId && !filter.unitId;

  // Independent queries: on PostgreSQL they run side by side on the pool's connections.
  const [callCells, groups, resolution, neighbourhoodCounts, other] = await Promise.all([
    rows<{ m: string; dow: number; h: number; offered: number; answered: number; instant: number; routed: number }>(ex, sql`
      select to_char(${local}, 'YYYY-MM') as m, extract(isodow from ${local})::int as dow, extract(hour from ${local})::int as h,
             sum(offered)::int as offered, sum(answered)::int as answered, sum(instant)::int as instant, sum(routed)::int as routed
      from report_call_hours where ${hourWhere(filter)} group by 1, 2, 3`),
    rows<{ kind: string; key: string | null; n: number; resolved: number; withDue: number; onTime: number; s1: number; s2: number; s3: number; s4: number; s5: number }>(ex, sql`
      select case when grouping(m.category_id) = 0 then 'category' when grouping(m.district_id) = 0 then 'district' when grouping(m.unit_id) = 0 then 'unit'
                  when grouping(m.channel) = 0 then 'channel' when grouping(m.month) = 0 then 'month' else 'all' end as kind,
             coalesce(m.category_id::text, m.district_id::text, m.unit_id::text, m.channel, to_char(m.month, 'YYYY-MM')) as key,
             sum(m.requests)::int as n, sum(m.resolved)::int as resolved, sum(m.resolved_with_due)::int as "withDue", sum(m.on_time)::int as "onTime",
             sum(m.score1)::int as s1, sum(m.score2)::int as s2, sum(m.score3)::int as s3, sum(m.score4)::int as s4, sum(m.score5)::int as s5
      from report_request_months m where ${monthWhere(filter)}
      group by grouping sets ((m.category_id), (m.district_id), (m.unit_id), (m.channel), (m.month), ())`),
    unitRollupFits
      ? rows<{ unitId: number; bucket: number; n: number }>(ex, sql`
          select m.unit_id as "unitId", m.bucket::int as bucket, sum(m.requests)::int as n from report_resolution_months m
          where m.month >= ${monthText(filter.from, zone)}::date and m.month < ${monthText(filter.to, zone)}::date${filter.unitId ? sql` and m.unit_id = ${filter.unitId}` : sql``}
          group by 1, 2 having sum(m.requests) > 0`)
      : rows<{ unitId: number; median: number | null; p90: number | null }>(ex, sql`
          select r.unit_id as "unitId",
                 (percentile_cont(0.5) within group (order by extract(epoch from r.resolved_at - r.created_at)) / 3600)::float8 as median,
                 (percentile_cont(0.9) within group (order by extract(epoch from r.resolved_at - r.created_at)) / 3600)::float8 as p90
          from requests r where ${requestWhere(filter)} and r.resolved_at is not null group by 1`),
    neighbourhoodRollupFits
      ? rows<{ id: number; n: number }>(ex, sql`
          select m.neighbourhood_id as id, sum(m.requests)::int as n from report_neighbourhood_months m
          ${filter.districtId ? sql`join neighbourhoods nb on nb.id = m.neighbourhood_id and nb.district_id = ${filter.districtId}` : sql``}
          where m.month >= ${monthText(filter.from, zone)}::date and m.month < ${monthText(filter.to, zone)}::date${filter.channel ? sql` and m.channel = ${filter.channel}` : sql``}
          group by 1 having sum(m.requests) > 0`)
      : rows<{ id: number; n: number }>(ex, sql`select r.neighbourhood_id as id, count(*)::int as n from requests r where ${requestWhere(filter)} and r.neighbourhood_id is not null group by 1`),
    compare ? callFigures(ex, { ...filter, ...compare }) : Promise.resolve(undefined),
  ]);

  const neighbourhoodIds = neighbourhoodCounts.map((n) => Number(n.id));
  const [categoryNames, districtNames, unitNames, neighbourhoodNames] = await Promise.all([
    rows<{ id: number; code: string; name: string; nameEn: string; parentId: number | null }>(ex, sql`select id, code, name_tr as name, name_en as "nameEn", parent_id as "parentId" from categories`),
    rows<{ id: number; code: string; name: string; population: number | null }>(ex, sql`select id, code, name, population from districts`),
    rows<{ id: number; code: string; name: string; nameEn: string }>(ex, sql`select id, code, name_tr as name, name_en as "nameEn" from units`),
    neighbourhoodIds.length
      ? rows<{ id: number; code: string; name: string; districtId: number; districtName: string; population: number | null }>(ex, sql`
          select n.id, n.code, n.name, n.district_id as "districtId", d.name as "districtName", n.population from neighbourhoods n join districts d on d.id = n.district_id
          where n.id in (${sql.join(neighbourhoodIds.map((id) => sql`${id}`), sql`, `)})`)
      : Promise.resolve([]),
  ]);

  const calls = { offered: 0, answered: 0, instant: 0, routed: 0 };
  const heat = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const monthMap = new Map<string, { month: string; offered: number; answered: number; requests: number }>();
  const monthOf = (m: string) => monthMap.get(m) ?? monthMap.set(m, { month: m, offered: 0, answered: 0, requests: 0 }).get(m)!;
  for (const c of callCells) {
    calls.offered += c.offered;
    calls.answered += c.answered;
    calls.instant += c.instant;
    calls.routed += c.routed;
    heat[c.dow - 1]![c.h]! += c.offered;
    const month = monthOf(c.m);
    month.offered += c.offered;
    month.answered += c.answered;
  }
  // Cells whose counts went back to zero (a request moved away) are not figures.
  const counted = (kind: string) => groups.filter((g) => g.kind === kind && g.key !== null && g.n > 0);
  for (const g of counted('month')) monthOf(g.key!).requests += g.n;
  const all = groups.find((g) => g.kind === 'all');
  const requests = all?.n ?? 0;
  const share = (n: number) => (requests ? n / requests : 0);

  const categoryById = new Map(categoryNames.map((c) => [Number(c.id), c]));
  const topics = counted('category')
    .map((g) => {
      const c = categoryById.get(Number(g.key))!;
      const parent = c.parentId ? categoryById.get(Number(c.parentId)) : undefined;
      return { id: Number(c.id), code: c.code, name: c.name, nameEn: c.nameEn, count: g.n, share: share(g.n), groupCode: parent?.code ?? null };
    })
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const groupTotals = new Map<number, number>();
  for (const t of topics) {
    const c = categoryById.get(t.id)!;
    const groupId = c.parentId ? Number(c.parentId) : t.id;
    groupTotals.set(groupId, (groupTotals.get(groupId) ?? 0) + t.count);
  }
  const topicGroups = [...groupTotals]
    .map(([id, n]) => ({ id, code: categoryById.get(id)!.code, name: categoryById.get(id)!.name, nameEn: categoryById.get(id)!.nameEn, count: n, share: share(n) }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  const districtCounts = new Map(counted('district').map((g) => [Number(g.key), g.n]));
  const districts = districtNames
    .map((d) => {
      const n = districtCounts.get(Number(d.id)) ?? 0;
      return { id: Number(d.id), code: d.code, name: d.name, nameEn: d.name, count: n, share: share(n), population: d.population, perThousand: d.population ? (n * 1000) / d.population : null };
    })
    .filter((d) => !filter.districtId || d.id === filter.districtId)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'tr'));
  const neighbourhoodById = new Map(neighbourhoodNames.map((n) => [Number(n.id), n]));
  const neighbourhoods = neighbourhoodCounts
    .map((g) => {
      const n = neighbourhoodById.get(Number(g.id))!;
      return { id: Number(n.id), code: n.code, name: n.name, nameEn: n.name, districtId: Number(n.districtId), districtName: n.districtName, population: n.population, count: g.n, share: share(g.n) };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'tr'));

  const unitById = new Map(unitNames.map((u) => [Number(u.id), u]));
  const times = new Map<number, { median: number | null; p90: number | null }>();
  if (unitRollupFits) {
    const byUnit = new Map<number, { bucket: number; n: number }[]>();
    for (const r of resolution as { unitId: number; bucket: number; n: number }[]) (byUnit.get(Number(r.unitId)) ?? byUnit.set(Number(r.unitId), []).get(Number(r.unitId))!).push(r);
    for (const [unitId, buckets] of byUnit) times.set(unitId, { median: bucketPercentile(buckets, 0.5), p90: bucketPercentile(buckets, 0.9) });
  } else {
    for (const r of resolution as { unitId: number; median: number | null; p90: number | null }[]) times.set(Number(r.unitId), { median: r.median, p90: r.p90 });
  }
  const units = counted('unit')
    .map((g) => {
      const u = unitById.get(Number(g.key))!;
      const t = times.get(Number(u.id));
      return { id: Number(u.id), code: u.code, name: u.name, nameEn: u.nameEn, count: g.n, resolved: g.resolved, medianHours: t?.median ?? null, p90Hours: t?.p90 ?? null, onTimeShare: g.withDue ? g.onTime / g.withDue : null };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'tr'));

  // With no rows at all (a district without requests), the grand total's sums are null.
  const scores = all ? [all.s1, all.s2, all.s3, all.s4, all.s5].map((x) => x ?? 0) : [0, 0, 0, 0, 0];
  const rated = scores.reduce((a, b) => a + b, 0);

  const figures = finishCalls(calls, requests);
  const report: Report = {
    period: { from: localDate(filter.from, zone), to: lastDayText(filter.to, zone), label: periodLabel(filter.from, filter.to, zone) },
    ...figures,
    topics,
    topicGroups,
    districts,
    neighbourhoods,
    units,
    channels: counted('channel').map((g) => ({ channel: g.key as Channel, count: g.n, share: share(g.n) })).sort((a, b) => b.count - a.count),
    satisfaction: { count: rated, average: rated ? scores.reduce((a, n, i) => a + n * (i + 1), 0) / rated : null, distribution: scores },
    months: [...monthMap.values()].sort((a, b) => a.month.localeCompare(b.month)),
    heat,
  };
  if (other && compare) {
    report.compare = { period: { from: localDate(compare.from, zone), to: lastDayText(compare.to, zone), label: periodLabel(compare.from, compare.to, zone) }, ...other };
    report.change = {
      offered: figures.offered - other.offered,
      answered: figures.answered - other.answered,
      answerRatePoints: figures.answerRate !== null && other.answerRate !== null ? (figures.answerRate - other.answerRate) * 100 : null,
      instant: figures.instant - other.instant,
      routed: figures.routed - other.routed,
      requests: figures.requests - other.requests,
    };
  }
  return report;
}
