/**
 * The demo year and the report: the report of two simulated years shows exactly the targets
 * they were written to, its figures follow the rows when rows change, and the exports, the
 * transparency API and its open data say the same without personal data.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { contactKpis } from '../src/app/contacts/kpis.js';
import { writeDemoYear } from '../src/demo/demo-year.js';
import { generateYear, hourlyArrivals, type DemoReference } from '../src/demo/generate.js';
import { resolveTargets } from '../src/demo/targets.js';
import { seededRandom } from '../src/demo/random.js';
import { useTestApp, type TestContext } from './harness.js';

const T2025 = { offered: 1500, answered: 1409, instant: 815, routed: 594 };
const T2024 = { offered: 1300, answered: 1196, instant: 700, routed: 496 };
const YEAR_2025 = 'from=2025-01&to=2025-12';
const COMPARED = `${YEAR_2025}&compareFrom=2024-01&compareTo=2024-12`;

let ctx: TestContext;
let supervisor: Record<string, string>;
const rows = async <T>(query: ReturnType<typeof sql>) => ((await ctx.database.db.execute(query)) as unknown as { rows: T[] }).rows;
const report = async (query = COMPARED) => {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/reports?${query}`, headers: supervisor });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

useTestApp(async (started) => {
  ctx = started;
  await writeDemoYear(ctx.database, { year: 2024, seed: 7, targets: T2024 });
  await writeDemoYear(ctx.database, { year: 2025, seed: 7, targets: T2025 });
  supervisor = await ctx.signIn('supervisor');
}, { timeout: 120_000 });

describe('the report of two demo years', () => {
  test('shows exactly the targets of each year and the change between them', async () => {
    const r = await report();
    expect(r.period).toEqual({ from: '2025-01-01', to: '2025-12-31', label: '2025' });
    expect({ offered: r.offered, answered: r.answered, instant: r.instant, routed: r.routed, requests: r.requests }).toEqual({ ...T2025, requests: T2025.routed });
    expect(r.answerRate).toBeCloseTo(1409 / 1500, 10);
    expect(r.compare).toMatchObject({ ...T2024, requests: T2024.routed, period: { label: '2024' } });
    expect(r.change).toMatchObject({ offered: 200, answered: 213, instant: 115, routed: 98, requests: 98 });
    expect(r.change.answerRatePoints).toBeCloseTo((1409 / 1500 - 1196 / 1300) * 100, 8);
    // Every section adds up to the year's requests.
    const sum = (xs: { count: number }[]) => xs.reduce((a, x) => a + x.count, 0);
    for (const section of [r.topics, r.topicGroups, r.districts, r.units, r.channels]) expect(sum(section)).toBe(594);
    expect(r.months).toHaveLength(12);
    expect(r.months.reduce((a: number, m: { offered: number }) => a + m.offered, 0)).toBe(1500);
    expect(r.heat.flat().reduce((a: number, b: number) => a + b, 0)).toBe(1500);
  });

  test("the contact-centre KPIs read the demo's calls too (their rollup follows the COPY)", async () => {
    const [year] = await contactKpis(ctx.database.db, { from: new Date('2025-01-01T00:00:00+03:00'), to: new Date('2026-01-01T00:00:00+03:00'), by: 'year', timeZone: 'Europe/Istanbul' });
    expect(year).toMatchObject({ offered: 1500, answered: 1409, abandoned: 91 });
  });

  test('the busiest topic groups are the published ones and districts follow population', async () => {
    const r = await report(YEAR_2025);
    expect(r.topicGroups.slice(0, 5).map((g: { code: string }) => g.code)).toEqual(expect.arrayContaining(['rezervasyonlar', 'sosyal-destek']));
    // İlkadım and Atakum hold 37 % of Samsun's people: they lead the districts.
    expect(r.districts.slice(0, 2).map((d: { name: string }) => d.name).sort()).toEqual(['Atakum', 'İlkadım']);
    expect(r.satisfaction.count).toBeGreaterThan(0);
    expect(r.units[0]).toMatchObject({ count: expect.any(Number), medianHours: expect.any(Number), p90Hours: expect.any(Number), onTimeShare: expect.any(Number) });
  });

  test('changing rows changes the figures, and the rollups stay equal to a count over the rows', async () => {
    const before = await report();
    const [instantCall] = await rows<{ id: number }>(sql`select id from contacts where outcome = 'information_given' and offered_at >= '2025-03-01' and offered_at < '2025-12-01' order by id limit 1`);
    await ctx.database.db.execute(sql`update contacts set answered_at = null, talk_seconds = null, exit_reason = 'abandoned', outcome = 'abandoned' where id = ${instantCall!.id}`);
    const [water] = await rows<{ id: number }>(sql`select id from categories where code = 'su-kesintisi'`);
    const [moved] = await rows<{ id: number }>(sql`select r.id from requests r left join satisfaction_ratings s on s.request_id = r.id where r.created_at >= '2025-03-01' and s.id is null and r.resolved_at is not null and r.category_id <> ${water!.id} order by r.id limit 1`);
    await ctx.database.db.execute(sql`update requests set category_id = ${water!.id} where id = ${moved!.id}`);
    await ctx.database.db.execute(sql`insert into satisfaction_ratings (request_id, score, channel) values (${moved!.id}, 1, 'portal')`);
    const [older] = await rows<{ id: number }>(sql`select id from requests where created_at >= '2025-06-01' and category_id <> ${water!.id} and id <> ${moved!.id} order by id desc limit 1`);
    await ctx.database.db.execute(sql`update requests set created_at = '2024-07-01T12:00:00+03' where id = ${older!.id}`);

    const after = await report();
    expect(after.answered).toBe(before.answered - 1);
    expect(after.instant).toBe(before.instant - 1);
    expect(after.answerRate).toBeCloseTo(1408 / 1500, 10);
    expect(after.requests).toBe(593);
    expect(after.compare.requests).toBe(497);
    expect(after.satisfaction.count).toBe(before.satisfaction.count + 1);
    expect(after.satisfaction.distribution[0]).toBe(before.satisfaction.distribution[0] + 1);
    const waterBefore = before.topics.find((t: { code: string }) => t.code === 'su-kesintisi')?.count ?? 0;
    const waterAfter = after.topics.find((t: { code: string }) => t.code === 'su-kesintisi')?.count ?? 0;
    expect(waterAfter - waterBefore).toBe(1);

    // The same figures counted straight from the rows.
    const byCategory = await rows<{ code: string; n: number }>(sql`
      select c.code, count(*)::int as n from requests r join categories c on c.id = r.category_id
      where r.created_at >= '2024-12-31T21:00:00Z' and r.created_at < '2025-12-31T21:00:00Z' group by 1`);
    expect(Object.fromEntries(after.topics.map((t: { code: string; count: number }) => [t.code, t.count]))).toEqual(Object.fromEntries(byCategory.map((c) => [c.code, c.n])));
    const byUnit = await rows<{ id: number; n: number; resolved: number; onTime: number | null; median: number | null }>(sql`
      select unit_id as id, count(*)::int as n, count(resolved_at)::int as resolved,
             (avg(case when resolved_at <= due_at then 1.0 else 0.0 end) filter (where resolved_at is not null and due_at is not null))::float8 as "onTime",
             (percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at)) / 3600)::float8 as median
      from requests where created_at >= '2024-12-31T21:00:00Z' and created_at < '2025-12-31T21:00:00Z' group by 1`);
    for (const u of byUnit) {
      const shown = after.units.find((x: { id: number }) => x.id === Number(u.id));
      expect(shown).toMatchObject({ count: u.n, resolved: u.resolved });
      if (u.onTime === null) expect(shown.onTimeShare).toBeNull();
      else expect(shown.onTimeShare).toBeCloseTo(u.onTime, 10);
      // Medians come from 10 %-wide log buckets: within a bucket's width of the exact value.
      if (u.median !== null) expect(Math.abs(Math.log(shown.medianHours / u.median))).toBeLessThanOrEqual(0.1001);
    }
    const byDistrict = await rows<{ name: string; n: number }>(sql`
      select d.name, count(*)::int as n from requests r join districts d on d.id = r.district_id
      where r.created_at >= '2024-12-31T21:00:00Z' and r.created_at < '2025-12-31T21:00:00Z' group by 1`);
    expect(Object.fromEntries(after.districts.filter((d: { count: number }) => d.count > 0).map((d: { name: string; count: number }) => [d.name, d.count]))).toEqual(Object.fromEntries(byDistrict.map((d) => [d.name, d.n])));
  });

  test('filters narrow the requests: a district drills down to its neighbourhoods, a unit to its own', async () => {
    const all = await report(YEAR_2025);
    const district = all.districts[0];
    const inDistrict = await report(`${YEAR_2025}&districtId=${district.id}`);
    expect(inDistrict.requests).toBe(district.count);
    expect(inDistrict.neighbourhoods.length).toBeGreaterThan(0);
    expect(new Set(inDistrict.neighbourhoods.map((n: { districtId: number }) => n.districtId))).toEqual(new Set([district.id]));
    const unit = all.units[0];
    const ofUnit = await report(`${YEAR_2025}&unitId=${unit.id}`);
    expect(ofUnit.requests).toBe(unit.count);
    expect(ofUnit.units).toHaveLength(1);
    const group = all.topicGroups[0];
    expect((await report(`${YEAR_2025}&categoryId=${group.id}`)).requests).toBe(group.count);
    expect((await report(`${YEAR_2025}&channel=web`)).requests).toBe(0);
  });

  test('the demo refuses a year that already holds calls, so its totals stay exact', async () => {
    await expect(writeDemoYear(ctx.database, { year: 2025, seed: 1, targets: T2025 })).rejects.toThrow(/2025 already holds 1,500 contacts/);
  });
});

describe('exports', () => {
  test('the PDF is a document and the XLSX has a sheet per section with the figures', async () => {
    const pdf = await ctx.app.inject({ method: 'GET', url: `/api/v1/reports/export?${COMPARED}&format=pdf`, headers: supervisor });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(20_000);
    const xlsx = await ctx.app.inject({ method: 'GET', url: `/api/v1/reports/export?${COMPARED}&format=xlsx&lang=en`, headers: supervisor });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Topic groups', 'Topics', 'Districts', 'Neighbourhoods', 'Units', 'Channels', 'Satisfaction', 'Months', 'Hour x weekday']);
    const summary = book.getWorksheet('Summary')!;
    // The title and the period above the figures (report-documents.test.ts checks the languages).
    expect(summary.getRow(4).values).toEqual([undefined, 'Figure', '2025', '2024', 'Change']);
    const offered = summary.getRow(5).values as unknown[];
    expect(offered.slice(1)).toEqual(['Calls offered', 1500, 1300, 200]);
  });

  test('bad periods are 400s that name the field', async () => {
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/v1/reports?from=2025-13&to=2025-12', headers: supervisor });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/from/);
    const half = await ctx.app.inject({ method: 'GET', url: `/api/v1/reports?${YEAR_2025}&compareFrom=2024-01`, headers: supervisor });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.message).toMatch(/compareTo/);
    const backwards = await ctx.app.inject({ method: 'GET', url: '/api/v1/reports?from=2025-06&to=2025-01', headers: supervisor });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(/^to: /);
    expect(backwards.json().error.details).toEqual([{ field: 'to', code: 'before_start', params: { start: '2025-06', end: '2025-01' }, message: 'must not be before from' }]);
  });

  test('reports are for management: agents are refused, strangers asked to sign in', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/reports?${YEAR_2025}`, headers: await ctx.signIn('agent') })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/reports?${YEAR_2025}` })).statusCode).toBe(401);
  });
});

describe('transparency, without signing in', () => {
  test("the year's figures and the open data agree with the report and hold no personal data", async () => {
    const r = await report(YEAR_2025);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/transparency?year=2025' });
    expect(res.statusCode).toBe(200);
    const t = res.json();
    expect(t).toMatchObject({ year: 2025, offered: r.offered, answered: r.answered, instant: r.instant, routed: r.routed, requests: r.requests, previous: { year: 2024 } });
    expect(t.years).toEqual(expect.arrayContaining([2025, 2024]));
    expect(res.body).not.toMatch(/"(trackingNo|tracking_no|citizenId|callerNumber|phone|fullName|address|description|notes)":/);
    expect(res.body).not.toMatch(/\d{4}-\d{7}/);

    const csv = await ctx.app.inject({ method: 'GET', url: '/api/v1/transparency/open-data.csv?year=2025' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('month,district_code,district,category_code,category,category_en,unit_code,unit,channel,requests,resolved,resolved_on_time');
    // Quoted names may hold commas; the three counts are always the last fields.
    expect(lines.slice(1).reduce((a, l) => a + Number(l.split(',').at(-3)), 0)).toBe(r.requests);
    expect(csv.body).toContain('"Salon Rezervasyonu (Spor, Toplantı, Konferans)"');
    expect(csv.body).not.toMatch(/\d{4}-\d{7}/);
  });

  test('the map boundaries: 17 districts with our ids, and a district’s neighbourhoods', async () => {
    const districts = (await ctx.app.inject({ method: 'GET', url: '/api/v1/transparency/geo/districts' })).json();
    expect(districts.features).toHaveLength(17);
    expect(districts.attribution).toMatch(/OpenStreetMap/);
    const ilkadim = districts.features.find((f: { properties: { name: string } }) => f.properties.name === 'İlkadım');
    expect(ilkadim.properties.id).toEqual(expect.any(Number));
    const hoods = (await ctx.app.inject({ method: 'GET', url: `/api/v1/transparency/geo/districts/${ilkadim.properties.id}/neighbourhoods` })).json();
    expect(hoods.features.length).toBeGreaterThan(10);
    expect(hoods.features.every((f: { properties: { id: number | null } }) => typeof f.properties.id === 'number')).toBe(true);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/transparency/geo/districts/999999/neighbourhoods' })).statusCode).toBe(404);
  });
});

describe('the simulation', () => {
  const reference: DemoReference = {
    categories: [
      { id: 1, code: 'su-kesintisi', nameTr: 'Su Kesintisi', requestType: 'talep', unitId: 1, slaHours: 4, slaBusinessHours: false },
      { id: 2, code: 'nikah-salonu-rezervasyonu', nameTr: 'Nikâh', requestType: 'talep', unitId: 2, slaHours: 16, slaBusinessHours: true },
    ],
    places: [
      { districtId: 1, neighbourhoodId: 1, name: 'A / B', population: 1000 },
      { districtId: 2, neighbourhoodId: 2, name: 'C / D', population: 10 },
    ],
    holidays: new Map([['2025-01-01', false]]),
  };
  const plan = { year: 2025, timeZone: 'Europe/Istanbul', seed: 3, targets: { offered: 5000, answered: 4700, instant: 2700, routed: 2000 }, firstRequestId: 1, firstTrackingSeq: 1 };
  const all = (seed: number) => [...generateYear(reference, { ...plan, seed })].flatMap((c) => [...c.contacts, ...c.requests, ...c.ratings]);

  test('the same seed writes the same year, another seed another', () => {
    expect(all(3)).toEqual(all(3));
    expect(all(4)).not.toEqual(all(3));
  });

  test('arrivals follow the day: office hours are busy, nights and Sundays quiet', () => {
    const hours = hourlyArrivals(2025, 1_000_000, new Map(), seededRandom(1), 'Europe/Istanbul');
    expect(hours).toHaveLength(365 * 24);
    expect(hours.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    // 2025-01-06 was a Monday, 2025-01-12 a Sunday.
    const day = (d: number) => hours.slice(d * 24, d * 24 + 24);
    const monday = day(5);
    const sunday = day(11);
    expect(monday[10]!).toBeGreaterThan(monday[3]! * 50);
    expect(sunday.reduce((a, b) => a + b, 0)).toBeLessThan(monday.reduce((a, b) => a + b, 0) / 2);
  });

  test('targets: scaled published figures, and given totals win', () => {
    expect(resolveTargets({ city: 'samsun', year: 2025, scale: 1 })).toEqual({ offered: 1_127_308, answered: 1_059_219, instant: 612_695, routed: 446_524 });
    const y2024 = resolveTargets({ city: 'samsun', year: 2024, scale: 1 });
    expect(y2024.answered).toBe(780_000);
    expect(y2024.answered / y2024.offered).toBeCloseTo(0.92, 4);
    expect(resolveTargets({ city: 'samsun', year: 2025, scale: 0.01 })).toEqual({ offered: 11_273, answered: 10_592, instant: 6_127, routed: 4_465 });
    expect(resolveTargets({ city: 'samsun', year: 2025, scale: 1, answered: 100, instant: 60 })).toEqual({ offered: 106, answered: 100, instant: 60, routed: 40 });
    expect(() => resolveTargets({ city: 'samsun', year: 2025, scale: 1, answered: 10, instant: 6, routed: 5 })).toThrow(/instant \(6\) \+ routed \(5\) must equal answered \(10\)/);
    expect(() => resolveTargets({ city: 'ankara', year: 2025, scale: 1 })).toThrow(/city: no demo profile for 'ankara'/);
  });
});
