/**
 * Open data for the public transparency page: counts only, never a row about a person. The
 * CSV holds requests per month, district, category, unit and channel (from the report
 * rollups), with no text, tracking numbers, addresses or anything a citizen wrote.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { readCityData } from '../../city-data/read.js';
import type { TransparencyGeo } from '@cozum/contract';

export const OPEN_DATA_COLUMNS = ['month', 'district_code', 'district', 'category_code', 'category', 'category_en', 'unit_code', 'unit', 'channel', 'requests', 'resolved', 'resolved_on_time'];

const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function openDataCsv(ex: Executor, year: number): Promise<string> {
  const result = (await ex.execute(sql`
    select to_char(m.month, 'YYYY-MM') as month, d.code as district_code, d.name as district, c.code as category_code, c.name_tr as category, c.name_en as category_en,
           u.code as unit_code, u.name_tr as unit, m.channel, sum(m.requests)::int as requests, sum(m.resolved)::int as resolved, sum(m.on_time)::int as resolved_on_time
    from report_request_months m
    join categories c on c.id = m.category_id
    join units u on u.id = m.unit_id
    left join districts d on d.id = m.district_id
    where m.month >= ${`${year}-01-01`}::date and m.month < ${`${year + 1}-01-01`}::date
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9 having sum(m.requests) > 0
    order by 1, 3, 4, 9`)) as unknown as { rows: Record<string, unknown>[] };
  return [OPEN_DATA_COLUMNS.join(','), ...result.rows.map((r) => OPEN_DATA_COLUMNS.map((c) => csvField(r[c])).join(','))].join('\n') + '\n';
}

/** Years (in the city's time zone) that hold calls or requests, newest first. */
export async function reportYears(ex: Executor, zone: string): Promise<number[]> {
  const result = (await ex.execute(sql`
    select distinct y from (
      select extract(year from (hour at time zone 'UTC') at time zone ${zone}::text)::int as y from report_call_hours where offered > 0
      union select extract(year from month)::int from report_request_months where requests > 0) t
    order by y desc`)) as unknown as { rows: { y: number }[] };
  return result.rows.map((r) => r.y);
}

type FeatureCollection = TransparencyGeo;

let districtsGeo: FeatureCollection | undefined;
let neighbourhoodsGeo: FeatureCollection | undefined;

/** Samsun's district boundaries (OpenStreetMap, ODbL), with each district's id in our database. */
export async function districtGeoJson(ex: Executor): Promise<FeatureCollection> {
  districtsGeo ??= readCityData<FeatureCollection>('samsun-districts.geojson');
  const ids = (await ex.execute(sql`select id, code from districts`)) as unknown as { rows: { id: number; code: string }[] };
  const byCode = new Map(ids.rows.map((r) => [r.code, Number(r.id)]));
  return { ...districtsGeo, features: districtsGeo.features.map((f) => ({ ...f, properties: { ...f.properties, id: byCode.get(String(f.properties.code)) ?? null } })) };
}

/** The neighbourhood boundaries mapped in OpenStreetMap for one district (most of the urban core). */
export async function neighbourhoodGeoJson(ex: Executor, districtId: number): Promise<FeatureCollection | null> {
  neighbourhoodsGeo ??= readCityData<FeatureCollection>('samsun-neighbourhoods.geojson');
  const district = (await ex.execute(sql`select code from districts where id = ${districtId}`)) as unknown as { rows: { code: string }[] };
  if (!district.rows.length) return null;
  const ids = (await ex.execute(sql`select id, code from neighbourhoods where district_id = ${districtId}`)) as unknown as { rows: { id: number; code: string }[] };
  const byCode = new Map(ids.rows.map((r) => [r.code, Number(r.id)]));
  const code = district.rows[0]!.code;
  return {
    ...neighbourhoodsGeo,
    features: neighbourhoodsGeo.features.filter((f) => f.properties.districtCode === code).map((f) => ({ ...f, properties: { ...f.properties, id: byCode.get(String(f.properties.code)) ?? null } })),
  };
}
