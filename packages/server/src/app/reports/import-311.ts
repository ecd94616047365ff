/**
 * Real 311 service requests from other cities (NYC 311, Boston 311) as our requests, through
 * an editable mapping file (mappings/*.json): their categories, agencies, statuses, channels
 * and areas onto ours. Dirty rows are reported and handled, never fatal:
 *  - no id, or no readable created date: the row is skipped;
 *  - an unreadable or missing closed date on a closed row, or one before the created date
 *    (a negative duration): the request is kept, in its status, without a close time, so
 *    medians of the time to close count only real durations;
 *  - no category: filed under the mapping's fallback ('*').
 * Each request keeps its source line in request_imports, so importing again adds nothing.
 * Areas (boroughs, neighbourhoods) become districts named by the mapping. No messages are
 * sent: these are history, not new requests.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { fieldError, isTimeZone, REQUEST_STATUSES, TIME_ZONE_EXPECTED } from '@cozum/domain';
import { drawFromSequences } from '../../db/bulk.js';
import type { Executor } from '../../db/client.js';
import { trackingNumbersFor } from '../requests/create-request.js';
import { cityTimeZone } from '../../db/city-time-zone.js';

export const FIELDS = ['id', 'created', 'closed', 'due', 'agency', 'category', 'detail', 'status', 'area', 'channel', 'latitude', 'longitude'] as const;
type Field = (typeof FIELDS)[number];

export interface Mapping311 {
  source: string;
  timeZone: string;
  areaCodePrefix: string;
  fields: Record<Field, string[]>;
  categories: Record<string, string>;
  agencies: Record<string, string>;
  statuses: Record<string, string>;
  closedStatuses: string[];
  channels: Record<string, string>;
  areas: Record<string, string | null>;
}

export interface Problem {
  row: number;
  id?: string;
  reason: string;
}

export interface Import311Report {
  source: string;
  rows: number;
  imported: number;
  alreadyKnown: number;
  skipped: number;
  problems: Problem[];
  /** Source values with no entry of their own, filed under '*': value → rows. */
  unmapped: { categories: Record<string, number>; agencies: Record<string, number>; statuses: Record<string, number>; channels: Record<string, number> };
  /** Over every request imported from this source so far, by SQL; the median time to close is over rows closed no earlier than created. */
  totals: { requests: number; byStatus: Record<string, number>; byArea: Record<string, number>; byChannel: Record<string, number>; medianHoursToClose: number | null };
}

/** Reads and checks a mapping file; every code it names must exist in this database. */
export async function loadMapping(ex: Executor, file: string): Promise<Mapping311> {
  let mapping: Mapping311;
  try {
    mapping = JSON.parse(fs.readFileSync(file, 'utf8')) as Mapping311;
  } catch (error) {
    throw fieldError('mapping', 'format', `${file} is not a readable JSON mapping: ${(error as Error).message}`, { format: 'json' });
  }
  for (const key of ['source', 'timeZone', 'areaCodePrefix'] as const) if (typeof mapping[key] !== 'string' || !mapping[key]) throw fieldError(`mapping.${key}`, 'required', `${file} needs a text "${key}"`);
  if (!isTimeZone(mapping.timeZone)) throw fieldError('mapping.timeZone', 'format', `'${mapping.timeZone}' is not ${TIME_ZONE_EXPECTED}`, { format: 'time-zone' });
  for (const f of ['id', 'created'] as const) if (!Array.isArray(mapping.fields?.[f]) || !mapping.fields[f].length) throw fieldError(`mapping.fields.${f}`, 'required', `${file} must name the column(s) holding "${f}"`);
  for (const key of ['categories', 'agencies', 'statuses', 'channels'] as const) if (!mapping[key]?.['*']) throw fieldError(`mapping.${key}`, 'needs_fallback', `${file} needs a fallback entry "*" in "${key}"`);
  const known = async (table: 'categories' | 'units', codes: string[]) => {
    const result = (await ex.execute(sql`select code from ${sql.raw(table)} where code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`)) as unknown as { rows: { code: string }[] };
    const found = new Set(result.rows.map((r) => r.code));
    const missing = [...new Set(codes)].filter((c) => !found.has(c));
    if (missing.length) throw fieldError(`mapping.${table === 'units' ? 'agencies' : 'categories'}`, 'not_found', `${file} names ${table} that do not exist here: ${missing.join(', ')}; add them or change the mapping`, { id: missing.join(', ') });
  };
  await known('categories', Object.values(mapping.categories));
  await known('units', Object.values(mapping.agencies));
  const badStatus = Object.entries(mapping.statuses).find(([, s]) => !(REQUEST_STATUSES as readonly string[]).includes(s));
  if (badStatus) throw fieldError('mapping.statuses', 'one_of', `"${badStatus[0]}" maps to '${badStatus[1]}', which is not one of ${REQUEST_STATUSES.join(', ')}`, { allowed: REQUEST_STATUSES.join(', ') });
  mapping.closedStatuses ??= ['closed'];
  mapping.areas ??= {};
  return mapping;
}

/** Case-insensitive lookup with the '*' fallback; reports whether the fallback was used. */
function lookup<T>(table: Record<string, T>, value: string): { value: T; fallback: boolean } {
  const exact = table[value];
  if (exact !== undefined) return { value: exact, fallback: false };
  const folded = value.toLowerCase();
  for (const [k, v] of Object.entries(table)) if (k.toLowerCase() === folded) return { value: v, fallback: false };
  return { value: table['*']!, fallback: true };
}

/** Local wall-clock time in `timeZone` to an instant. */
function zoned(parts: number[], timeZone: string): Date {
  const [y, mo, d, h, mi, s, ms] = parts as [number, number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const offset = (at: number) => {
    const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(at));
    const get = (type: string) => Number(f.find((p) => p.type === type)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
  };
  const first = guess - offset(guess);
  return new Date(guess - offset(first));
}

/** The dates 311 exports write: `06/26/2018 10:58:54 AM`, `2012-11-20T07:50:59.000`, `2022-01-21 13:47:00`. Empty → null; unreadable → 'bad'. */
export function parseLocalTime(text: string | undefined, timeZone: string): Date | null | 'bad' {
  const s = (text ?? '').trim();
  if (!s) return null;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AP]M)?)?$/i.exec(s);
  if (m) {
    let h = Number(m[4] ?? 0);
    if (m[7]) h = (h % 12) + (m[7].toUpperCase() === 'PM' ? 12 : 0);
    const parts = [Number(m[3]), Number(m[1]), Number(m[2]), h, Number(m[5] ?? 0), Number(m[6] ?? 0), 0];
    return valid(parts) ? zoned(parts, timeZone) : 'bad';
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(s);
  if (m) {
    const parts = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0'))];
    return valid(parts) ? zoned(parts, timeZone) : 'bad';
  }
  return 'bad';
}

const valid = ([y, mo, d, h, mi, s]: number[]) => {
  const t = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return y! >= 1900 && y! <= 2100 && t.getUTCMonth() === mo! - 1 && t.getUTCDate() === d && h! < 24 && mi! < 60 && s! < 60;
};

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '');
const count = (map: Record<string, number>, key: string) => void (map[key] = (map[key] ?? 0) + 1);
const BATCH = 500;

interface Row {
  line: number;
  id: string;
  created: Date;
  closed: Date | null;
  due: Date | null;
  status: string;
  sourceStatus: string;
  categoryCode: string;
  sourceCategory: string;
  detail: string;
  unitCode: string;
  sourceAgency: string;
  channel: string;
  area: string;
  latitude: number | null;
  longitude: number | null;
}

export async function import311(ex: Executor, mapping: Mapping311, records: Iterable<{ line: number; record: Record<string, unknown> }> | AsyncIterable<{ line: number; record: Record<string, unknown> }>, onProgress?: (rows: number) => void): Promise<Import311Report> {
  const cityZone = await cityTimeZone(ex);
  const report: Import311Report = { source: mapping.source, rows: 0, imported: 0, alreadyKnown: 0, skipped: 0, problems: [], unmapped: { categories: {}, agencies: {}, statuses: {}, channels: {} }, totals: { requests: 0, byStatus: {}, byArea: {}, byChannel: {}, medianHoursToClose: null } };
  const ids = async (table: 'categories' | 'units') => new Map(((await ex.execute(sql`select id, code from ${sql.raw(table)}`)) as unknown as { rows: { id: number; code: string }[] }).rows.map((r) => [r.code, Number(r.id)]));
  const categoryIds = await ids('categories');
  const unitIds = await ids('units');
  const categoryTypes = new Map(((await ex.execute(sql`select code, request_type from categories`)) as unknown as { rows: { code: string; request_type: string }[] }).rows.map((r) => [r.code, r.request_type]));
  const districtIds = new Map<string, number | null>();
  const seen = new Set<string>();
  const field = (record: Record<string, unknown>, f: Field) => {
    for (const name of mapping.fields[f] ?? []) {
      const v = record[name];
      if (v !== undefined && v !== null && typeof v !== 'object') return String(v).trim();
    }
    return '';
  };

  const districtFor = async (area: string): Promise<number | null> => {
    if (districtIds.has(area)) return districtIds.get(area)!;
    const listed = Object.entries(mapping.areas).find(([k]) => k.toLowerCase() === area.toLowerCase());
    // Listed areas take the mapping's name (null: no district); others keep their own.
    const mapped = !area ? null : listed ? listed[1] : area.replace(/\s+/g, ' ');
    let id: number | null = null;
    if (mapped) {
      const code = `${mapping.areaCodePrefix}${slug(mapped)}`;
      await ex.execute(sql`insert into districts (code, name) values (${code}, ${mapped}) on conflict (code) do nothing`);
      const found = (await ex.execute(sql`select id from districts where code = ${code}`)) as unknown as { rows: { id: number }[] };
      id = Number(found.rows[0]!.id);
    }
    districtIds.set(area, id);
    return id;
  };

  let batch: Row[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const known = (await ex.execute(sql`select external_id from request_imports where source = ${mapping.source} and external_id in (${sql.join(batch.map((r) => sql`${r.id}`), sql`, `)})`)) as unknown as { rows: { external_id: string }[] };
    const old = new Set(known.rows.map((r) => r.external_id));
    const fresh = batch.filter((r) => !old.has(r.id));
    report.alreadyKnown += batch.length - fresh.length;
    batch = [];
    if (!fresh.length) return;
    // Tracking numbers from each creation year's sequence, in the city's calendar like intake.
    const numbers = trackingNumbersFor(fresh.map((r) => r.created), cityZone);
    const drawn = numbers.assign((await drawFromSequences(ex, numbers.wanted)).drawn);
    const tracking = new Map(fresh.map((r, n) => [r, drawn[n]!]));
    const values = [];
    for (const r of fresh) {
      // A usable close time closes the record whatever its status; only closed statuses count as resolved.
      const closedAt = r.closed && r.closed >= r.created ? r.closed : null;
      const closing = mapping.closedStatuses.includes(r.status) ? closedAt : null;
      values.push(sql`(${tracking.get(r)!}, ${categoryTypes.get(r.categoryCode)!}, ${categoryIds.get(r.categoryCode)!}, ${r.status}, ${r.channel}, ${`${r.sourceCategory || '—'}${r.detail ? `: ${r.detail}` : ''}`}, ${await districtFor(r.area)}, ${r.latitude}, ${r.longitude}, ${unitIds.get(r.unitCode)!}, 'import', ${r.due?.toISOString() ?? null}::timestamptz, ${closing?.toISOString() ?? null}::timestamptz, ${closedAt?.toISOString() ?? null}::timestamptz, ${r.created.toISOString()}::timestamptz, ${(closedAt ?? r.created).toISOString()}::timestamptz)`);
    }
    const inserted = (await ex.execute(sql`
      insert into requests (tracking_no, request_type, category_id, status, channel, description, district_id, latitude, longitude, unit_id, routed_by, due_at, resolved_at, closed_at, created_at, updated_at)
      values ${sql.join(values, sql`, `)} returning id, tracking_no`)) as unknown as { rows: { id: number; tracking_no: string }[] };
    const idByTracking = new Map(inserted.rows.map((r) => [r.tracking_no, Number(r.id)]));
    await ex.execute(sql`insert into request_imports (request_id, source, external_id, source_status, source_area, source_agency, source_category) values ${sql.join(
      fresh.map((r) => sql`(${idByTracking.get(tracking.get(r)!)!}, ${mapping.source}, ${r.id}, ${r.sourceStatus || null}, ${r.area || null}, ${r.sourceAgency || null}, ${r.sourceCategory || null})`),
      sql`, `,
    )}`);
    await ex.execute(sql`insert into request_events (request_id, type, to_status, actor_kind, visibility, data, at) values ${sql.join(
      fresh.map((r) => sql`(${idByTracking.get(tracking.get(r)!)!}, 'imported', ${r.status}, 'system', 'internal', ${JSON.stringify({ source: mapping.source, externalId: r.id, line: r.line })}::jsonb, ${r.created.toISOString()}::timestamptz)`),
      sql`, `,
    )}`);
    report.imported += fresh.length;
  };

  for await (const { line, record } of records) {
    report.rows++;
    const id = field(record, 'id');
    const problem = (reason: string) => report.problems.push({ row: line, ...(id ? { id } : {}), reason });
    const created = parseLocalTime(field(record, 'created'), mapping.timeZone);
    if (!id) {
      problem(`no ${mapping.fields.id.join(' / ')}: row skipped`);
      report.skipped++;
    } else if (created === null || created === 'bad') {
      problem(`${created === null ? 'no' : `unreadable`} created date ('${field(record, 'created')}'): row skipped`);
      report.skipped++;
    } else if (seen.has(id)) {
      problem(`id ${id} repeats an earlier row of this file: row skipped`);
      report.skipped++;
    } else {
      seen.add(id);
      let closed = parseLocalTime(field(record, 'closed'), mapping.timeZone);
      if (closed === 'bad') {
        problem(`unreadable closed date ('${field(record, 'closed')}'): kept without a close time`);
        closed = null;
      }
      let due = parseLocalTime(field(record, 'due'), mapping.timeZone);
      if (due === 'bad') {
        problem(`unreadable due date ('${field(record, 'due')}'): kept without a deadline`);
        due = null;
      }
      const sourceStatus = field(record, 'status');
      const status = lookup(mapping.statuses, sourceStatus);
      if (status.fallback) count(report.unmapped.statuses, sourceStatus || '(empty)');
      if (closed && closed < created) problem(`closed before it was created (${((closed.getTime() - created.getTime()) / 3_600_000).toFixed(2)} h): kept without a close time`);
      else if (mapping.closedStatuses.includes(status.value) && !closed) problem(`status '${sourceStatus}' without a closed date: kept without a close time`);
      const sourceCategory = field(record, 'category');
      if (!sourceCategory) problem(`no ${mapping.fields.category.join(' / ')}: filed under '${mapping.categories['*']}'`);
      const category = lookup(mapping.categories, sourceCategory);
      if (category.fallback && sourceCategory) count(report.unmapped.categories, sourceCategory);
      const sourceAgency = field(record, 'agency');
      const unit = lookup(mapping.agencies, sourceAgency);
      if (unit.fallback) count(report.unmapped.agencies, sourceAgency || '(empty)');
      const sourceChannel = field(record, 'channel');
      const channel = lookup(mapping.channels, sourceChannel);
      if (channel.fallback) count(report.unmapped.channels, sourceChannel || '(empty)');
      const coordinate = (f: Field, limit: number) => {
        const n = Number(field(record, f));
        return field(record, f) && Number.isFinite(n) && Math.abs(n) <= limit && n !== 0 ? n : null;
      };
      batch.push({ line, id, created, closed, due, status: status.value, sourceStatus, categoryCode: category.value, sourceCategory, detail: field(record, 'detail'), unitCode: unit.value, sourceAgency, channel: channel.value, area: field(record, 'area'), latitude: coordinate('latitude', 90), longitude: coordinate('longitude', 180) });
      if (batch.length >= BATCH) await flush();
    }
    onProgress?.(report.rows);
  }
  await flush();

  const tally = async (column: string) =>
    Object.fromEntries(
      ((await ex.execute(sql`select coalesce(${sql.raw(column)}, '(none)') as k, count(*)::int as n from request_imports i join requests r on r.id = i.request_id where i.source = ${mapping.source} group by 1 order by 2 desc, 1`)) as unknown as { rows: { k: string; n: number }[] }).rows.map((r) => [r.k, r.n]),
    );
  report.totals.byStatus = await tally('i.source_status');
  report.totals.byArea = await tally('i.source_area');
  report.totals.byChannel = await tally('r.channel');
  const [median] = ((await ex.execute(sql`
    select count(*)::int as n, (percentile_cont(0.5) within group (order by extract(epoch from r.closed_at - r.created_at)) / 3600)::float8 as median
    from request_imports i join requests r on r.id = i.request_id where i.source = ${mapping.source} and r.closed_at is not null`)) as unknown as { rows: { n: number; median: number | null }[] }).rows;
  report.totals.requests = Object.values(report.totals.byStatus).reduce((a, b) => a + b, 0);
  report.totals.medianHoursToClose = median!.median;
  return report;
}
