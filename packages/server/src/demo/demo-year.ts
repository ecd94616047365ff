/**
 * `cozum demo`: writes a simulated year of calls, the requests they created and the
 * satisfaction answers, in one transaction. It writes only into a year that holds no contacts
 * yet, so the year's totals are exactly the targets. Demo rows carry no personal data: no
 * caller numbers, no citizens; agents are pseudonyms (T01…T60). Requests get no
 * request_events: the demo invents outcomes, not a history of people's actions.
 */
import { DomainError, localYear } from '@cozum/domain';
import type { Database } from '../db/client.js';
import { readCityData } from '../city-data/read.js';
import { inBulkTransaction, type BulkSession } from './bulk.js';
import { CONTACT_COLUMNS, RATING_COLUMNS, REQUEST_COLUMNS, generateYear, yearStart, type DemoReference } from './generate.js';
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

export async function writeDemoYear(database: Database, input: DemoYearInput): Promise<DemoYearSummary> {
  const { year, targets } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('validation_failed', `year: expected a year from 2000 to 2100, not ${year}`, [{ field: 'year', message: 'out of range' }]);
  const started = performance.now();
  return inBulkTransaction(database, async (s) => {
    // Intake and imports wait until the year is written, so the reserved ids stay ours.
    await s.query('lock table requests, contacts in share row exclusive mode');
    // The requests' text indexes (GIN) take new rows faster in large pending batches.
    await s.query(`set local gin_pending_list_limit = '64MB'`);
    await s.query(`set local maintenance_work_mem = '256MB'`);
    // The year is the city's (CITY_TIME_ZONE, as start-up wrote it into the database).
    const [{ zone }] = (await s.query<{ zone: string }>('select city_time_zone() as zone')) as [{ zone: string }];
    const [existing] = await s.query<{ n: number }>(`select count(*)::int as n from contacts where offered_at >= $1 and offered_at < $2`, [yearStart(year, zone).toISOString(), yearStart(year + 1, zone).toISOString()]);
    if (existing!.n > 0) throw new DomainError('demo.year_not_empty', `${year} already holds ${existing!.n.toLocaleString('en-US')} contacts; the demo writes only into a year without any, so its totals are exact (use another year, or a fresh DATA_DIR or database)`);
    const reference = await loadReference(s, year);
    const firstRequestId = await reserve(s, `requests_id_seq`, targets.routed);
    const firstTrackingSeq = await reserve(s, `request_tracking_${year}`, targets.routed);
    let requests = 0;
    let ratings = 0;
    input.onProgress?.(0, targets.offered);
    for (const chunk of generateYear(reference, { year, timeZone: zone, seed: input.seed, targets, firstRequestId, firstTrackingSeq })) {
      await s.copy('requests', REQUEST_COLUMNS, chunk.requests);
      await s.copy('contacts', CONTACT_COLUMNS, chunk.contacts);
      await s.copy('satisfaction_ratings', RATING_COLUMNS, chunk.ratings);
      requests += chunk.requests.length;
      ratings += chunk.ratings.length;
      input.onProgress?.(chunk.done, targets.offered);
    }
    await s.query('analyze contacts');
    await s.query('analyze requests');
    return { year, ...targets, requests, ratings, seconds: (performance.now() - started) / 1000 };
  });
}

/** `npm start`: a small demo of the last two full years when the database holds no contacts at all. */
export async function seedDemoIfEmpty(database: Database, options: { scale: number; now: Date; timeZone: string; seed?: number }): Promise<DemoYearSummary[]> {
  const [row] = await inBulkTransaction(database, (s) => s.query<{ any: boolean }>('select exists (select 1 from contacts) as any'));
  if (row!.any) return [];
  const thisYear = localYear(options.now, options.timeZone);
  const out: DemoYearSummary[] = [];
  for (const year of [thisYear - 2, thisYear - 1]) {
    out.push(await writeDemoYear(database, { year, seed: options.seed ?? 153, targets: resolveTargets({ city: 'samsun', year, scale: options.scale }) }));
  }
  return out;
}
