/**
 * `cozum demo`: writes a simulated year of calls, the requests they created and the
 * satisfaction answers, in one transaction. It writes only into a year that holds no contacts
 * yet, so the year's totals are exactly the targets. `cozum demo --recent` and `npm start`
 * write the last two years up to now instead (`writeRecentDemo`). Demo rows carry no personal data: no
 * caller numbers, no citizens; agents are pseudonyms (T01…T60). Requests get no
 * request_events: the demo invents outcomes, not a history of people's actions.
 */
import { DomainError, isLocalDate, localDate, localYear, startOfLocalDate } from '@cozum/domain';
import type { Database } from '../db/client.js';
import { readCityData } from '../city-data/read.js';
import { inBulkTransaction, type BulkSession } from './bulk.js';
import { CONTACT_COLUMNS, RATING_COLUMNS, REQUEST_COLUMNS, generateYear, shareOfYear, yearStart, type DemoPlan, type DemoReference } from './generate.js';
import type { YearTargets } from './profile.js';
import { resolveTargets } from './targets.js';

export interface DemoYearInput {
  year: number;
  seed: number;
  targets: YearTargets;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoYearSummary extends YearTargets {
  year: number;
  requests: number;
  ratings: number;
  seconds: number;
}

async function loadReference(s: BulkSession, year: number): Promise<DemoReference> {
  const categories = await s.query<{ id: number; code: string; nameTr: string; requestType: string; unitId: number; slaHours: number; slaBusinessHours: boolean }>(
    `select id, code, name_tr as "nameTr", request_type as "requestType", default_unit_id as "unitId", sla_hours as "slaHours", sla_business_hours as "slaBusinessHours"
     from categories where active and default_unit_id is not null`,
  );
  const places = await s.query<{ districtId: number; neighbourhoodId: number; name: string; population: number | null }>(
    `select n.district_id as "districtId", n.id as "neighbourhoodId", d.name || ' / ' || n.name as name, n.population from neighbourhoods n join districts d on d.id = n.district_id order by n.id`,
  );
  if (!categories.length || !places.length) throw new DomainError('demo.no_reference', 'the database has no categories or neighbourhoods; run `cozum seed` first');
  const holidayRows = readCityData<{ date: string; halfDay: boolean }[]>('holidays.json').filter((h) => h.date.startsWith(`${year}-`));
  const stored = await s.query<{ date: string; halfDay: boolean }>(`select to_char(date, 'YYYY-MM-DD') as date, half_day as "halfDay" from holidays where extract(year from date) = $1`, [year]);
  const holidays = new Map((stored.length ? stored : holidayRows).map((h) => [h.date, h.halfDay]));
  return { categories: categories.map((c) => ({ ...c, id: Number(c.id), unitId: Number(c.unitId) })), places: places.map((p) => ({ ...p, districtId: Number(p.districtId), neighbourhoodId: Number(p.neighbourhoodId) })), holidays };
}

/** Reserves `count` values of a sequence; the caller holds a lock that keeps other writers out. */
async function reserve(s: BulkSession, sequence: string, count: number): Promise<number> {
  if (count === 0) return 1;
  const [row] = await s.query<{ last: number | string }>(`select setval($1::regclass, nextval($1::regclass) + $2 - 1) as last`, [sequence, count]);
  return Number(row!.last) - count + 1;
}

/** Takes the demo's locks and settings and answers the city's time zone (CITY_TIME_ZONE, as start-up wrote it into the database). */
async function prepareBulkWrite(s: BulkSession): Promise<string> {
  // Intake and imports wait until the demo is written, so the reserved ids stay ours.
  await s.query('lock table requests, contacts in share row exclusive mode');
  // The requests' text indexes (GIN) take new rows faster in large pending batches.
  await s.query(`set local gin_pending_list_limit = '64MB'`);
  await s.query(`set local maintenance_work_mem = '256MB'`);
  const [{ zone }] = (await s.query<{ zone: string }>('select city_time_zone() as zone')) as [{ zone: string }];
  return zone;
}

async function countContacts(s: BulkSession, from: Date, to: Date): Promise<number> {
  const [row] = await s.query<{ n: number }>(`select count(*)::int as n from contacts where offered_at >= $1 and offered_at < $2`, [from.toISOString(), to.toISOString()]);
  return row!.n;
}

/** Writes one year's simulation (or the span of it `plan.span` names) by COPY; `onCalls` hears the calls written so far. */
async function writeSimulation(s: BulkSession, reference: DemoReference, plan: Omit<DemoPlan, 'firstRequestId' | 'firstTrackingSeq'>, onCalls?: (done: number) => void): Promise<{ requests: number; ratings: number }> {
  const firstRequestId = await reserve(s, `requests_id_seq`, plan.targets.routed);
  const firstTrackingSeq = await reserve(s, `request_tracking_${plan.year}`, plan.targets.routed);
  let requests = 0;
  let ratings = 0;
  for (const chunk of generateYear(reference, { ...plan, firstRequestId, firstTrackingSeq })) {
    await s.copy('requests', REQUEST_COLUMNS, chunk.requests);
    await s.copy('contacts', CONTACT_COLUMNS, chunk.contacts);
    await s.copy('satisfaction_ratings', RATING_COLUMNS, chunk.ratings);
    requests += chunk.requests.length;
    ratings += chunk.ratings.length;
    onCalls?.(chunk.done);
  }
  return { requests, ratings };
}

export async function writeDemoYear(database: Database, input: DemoYearInput): Promise<DemoYearSummary> {
  const { year, targets } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('validation_failed', `year: expected a year from 2000 to 2100, not ${year}`, [{ field: 'year', message: 'out of range' }]);
  const started = performance.now();
  return inBulkTransaction(database, async (s) => {
    const zone = await prepareBulkWrite(s);
    const existing = await countContacts(s, yearStart(year, zone), yearStart(year + 1, zone));
    if (existing > 0) throw new DomainError('demo.year_not_empty', `${year} already holds ${existing.toLocaleString('en-US')} contacts; the demo writes only into a year without any, so its totals are exact (use another year, or a fresh DATA_DIR or database)`);
    const reference = await loadReference(s, year);
    input.onProgress?.(0, targets.offered);
    const written = await writeSimulation(s, reference, { year, timeZone: zone, seed: input.seed, targets }, (done) => input.onProgress?.(done, targets.offered));
    await s.query('analyze contacts');
    await s.query('analyze requests');
    return { year, ...targets, ...written, seconds: (performance.now() - started) / 1000 };
  });
}

export interface RecentDemoInput {
  /** The share of the city's published yearly totals, e.g. 0.01. */
  scale: number;
  now: Date;
  city?: string;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface RecentDemoSummary extends YearTargets {
  /** The first local day written ('YYYY-MM-DD'), the same day two years before `now`. */
  from: string;
  now: Date;
  requests: number;
  ratings: number;
  seconds: number;
}

/**
 * Calls stop arriving an hour before `now`, so every call is over by then (a wait of at most
 * ten minutes, a talk of at most 45).
 */
const QUIET_BEFORE_NOW_MS = 3_600_000;

/**
 * The demo `npm start` writes: the last two years up to `now`, from the same local day two
 * years ago, so this year's KPIs, reports, staffing and transparency have figures. Each
 * calendar year's part carries its share of that year's totals at `scale` (a year without
 * published figures takes the nearest year's). The recent requests are in the state they
 * would be in at `now`: the latest still new or in progress, some past their deadline.
 * One transaction; it refuses a span that already holds contacts.
 */
export async function writeRecentDemo(database: Database, input: RecentDemoInput): Promise<RecentDemoSummary> {
  const started = performance.now();
  const city = input.city ?? 'samsun';
  return inBulkTransaction(database, async (s) => {
    const zone = await prepareBulkWrite(s);
    const today = localDate(input.now, zone);
    const sameDay = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
    // 29 February two years back is the 28th.
    const fromDate = isLocalDate(sameDay) ? sameDay : `${sameDay.slice(0, 8)}28`;
    const from = startOfLocalDate(fromDate, zone);
    const to = new Date(input.now.getTime() - QUIET_BEFORE_NOW_MS);
    const existing = await countContacts(s, from, new Date(input.now.getTime() + 1));
    if (existing > 0) throw new DomainError('demo.period_not_empty', `the last two years (from ${fromDate}) already hold ${existing.toLocaleString('en-US')} contacts; the demo writes only where there are none (use a fresh DATA_DIR or database)`);

    const parts: { reference: DemoReference; plan: Omit<DemoPlan, 'firstRequestId' | 'firstTrackingSeq'> }[] = [];
    for (let year = localYear(from, zone); year <= localYear(to, zone); year++) {
      const span = { from: new Date(Math.max(from.getTime(), yearStart(year, zone).getTime())), to: new Date(Math.min(to.getTime(), yearStart(year + 1, zone).getTime())), asOf: input.now };
      if (span.to <= span.from) continue;
      const reference = await loadReference(s, year);
      const share = shareOfYear(year, span, reference.holidays, zone);
      if (!(share > 0)) continue;
      const targets = resolveTargets({ city, year, scale: input.scale * share });
      parts.push({ reference, plan: { year, timeZone: zone, seed: input.seed ?? 153, targets, span } });
    }
    const total = { offered: 0, answered: 0, instant: 0, routed: 0, requests: 0, ratings: 0 };
    for (const { plan } of parts) for (const key of ['offered', 'answered', 'instant', 'routed'] as const) total[key] += plan.targets[key];
    input.onProgress?.(0, total.offered);
    // Chunks of about a 25th of the calls, so the progress moves even at a small scale.
    const chunkSize = Math.min(20_000, Math.max(1_000, Math.ceil(total.offered / 25)));
    let before = 0;
    for (const { reference, plan } of parts) {
      const written = await writeSimulation(s, reference, { ...plan, chunkSize }, (done) => input.onProgress?.(before + done, total.offered));
      before += plan.targets.offered;
      total.requests += written.requests;
      total.ratings += written.ratings;
    }
    await s.query('analyze contacts');
    await s.query('analyze requests');
    return { from: fromDate, now: input.now, ...total, seconds: (performance.now() - started) / 1000 };
  });
}

/** `npm start`: the recent demo (`writeRecentDemo`) when the database holds no contacts at all; null when it holds some. */
export async function seedDemoIfEmpty(database: Database, input: RecentDemoInput): Promise<RecentDemoSummary | null> {
  const [row] = await inBulkTransaction(database, (s) => s.query<{ any: boolean }>('select exists (select 1 from contacts) as any'));
  if (row!.any) return null;
  return writeRecentDemo(database, input);
}
