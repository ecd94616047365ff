/**
 * Real 311 data in, the published sample figures out: the status, borough and channel counts
 * and the median time to close that fixtures/nyc311/SOURCES.md lists come out of the
 * imported requests, dirty rows are reported and handled, and a second import adds nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, test } from 'vitest';
import { import311, loadMapping, type Problem } from '../src/app/reports/import-311.js';
import { buildReport, monthPeriod } from '../src/app/reports/report.js';
import { MAPPINGS, readRecords } from '../src/cli/import-311-command.js';
import { startTestApp, type TestContext } from './harness.js';

// Real 311 samples kept beside the tests (fixtures/*/SOURCES.md).
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NYC = path.join(FIXTURES, 'nyc311');

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function importFile(file: string, source: 'nyc311' | 'boston311', mappingFile = path.join(MAPPINGS, `${source}.json`)) {
  ctx ??= await startTestApp();
  const mapping = await loadMapping(ctx.database.db, mappingFile);
  const readProblems: Problem[] = [];
  const report = await ctx.database.db.transaction((tx) => import311(tx, mapping, readRecords(file, readProblems, () => undefined)));
  return { ...report, problems: [...readProblems, ...report.problems] };
}

describe('NYC 311', () => {
  test('the 2011 sample: statuses, boroughs, channels and the median time to close of SOURCES.md', async () => {
    const r = await importFile(path.join(NYC, 'tuplex_311_subset_micro.csv'), 'nyc311');
    expect(r).toMatchObject({ rows: 2000, imported: 2000, skipped: 0 });
    expect(r.totals.byStatus).toEqual({ Closed: 1956, Pending: 24, Assigned: 20 });
    expect(r.totals.byArea).toEqual({ BROOKLYN: 539, QUEENS: 491, MANHATTAN: 446, BRONX: 309, 'STATEN ISLAND': 139, Unspecified: 76 });
    expect(r.totals.byChannel).toEqual({ phone: 1733, other: 165, web: 60, unknown: 42 });
    expect(r.totals.medianHoursToClose!.toFixed(2)).toBe('23.52');
    // The one negative duration (closed in 1900) is reported and kept without a close time.
    expect(r.problems).toEqual([{ row: 1604, id: '19944912', reason: expect.stringMatching(/^closed before it was created .*kept without a close time/) }]);

    // Our statuses and the report's boroughs say the same.
    const statuses = ((await ctx!.database.db.execute(sql`select status, count(*)::int as n from requests group by 1 order by 1`)) as unknown as { rows: { status: string; n: number }[] }).rows;
    expect(statuses).toEqual([{ status: 'assigned', n: 20 }, { status: 'closed', n: 1956 }, { status: 'on_hold', n: 24 }]);
    const report = await buildReport(ctx!.database.db, monthPeriod('2011-01', '2011-12', ctx!.config.cityTimeZone));
    expect(report.requests).toBe(2000);
    expect(Object.fromEntries(report.districts.filter((d) => d.count > 0).map((d) => [d.name, d.count]))).toEqual({ Brooklyn: 539, Queens: 491, Manhattan: 446, Bronx: 309, 'Staten Island': 139 });
    expect(report.channels.find((c) => c.channel === 'phone')?.count).toBe(1733);
    expect(report.units.find((u) => u.code === 'zabita')?.count).toBeGreaterThan(0);

    const again = await importFile(path.join(NYC, 'tuplex_311_subset_micro.csv'), 'nyc311');
    expect(again).toMatchObject({ rows: 2000, imported: 0, alreadyKnown: 2000 });
    expect(again.totals.requests).toBe(2000);
  });

  test('the 2014–2019 CSV sample, with its ten negative durations', async () => {
    const r = await importFile(path.join(NYC, 'nyc311_mixed_2014-2019_1000.csv'), 'nyc311');
    expect(r.totals.byStatus).toEqual({ Closed: 969, Pending: 14, Open: 7, 'In Progress': 5, Assigned: 4, 'Email Sent': 1 });
    expect(r.totals.byChannel).toEqual({ phone: 496, web: 222, unknown: 160, mobile: 115, other: 7 });
    expect(r.totals.medianHoursToClose!.toFixed(2)).toBe('11.97');
    expect(r.problems.filter((p) => p.reason.startsWith('closed before it was created'))).toHaveLength(10);
  });

  test('the 2012 Socrata JSON form', async () => {
    const r = await importFile(path.join(NYC, 'nyc311_2012_socrata_fhrw-4uyv_1000.json'), 'nyc311');
    expect(r.imported).toBe(1000);
    expect(r.totals.byStatus.Closed).toBe(966);
    expect(r.totals.byChannel).toEqual({ phone: 655, unknown: 180, web: 159, other: 6 });
    expect(r.totals.medianHoursToClose!.toFixed(2)).toBe('120.00');
    expect(r.problems.filter((p) => p.reason.startsWith('closed before it was created'))).toHaveLength(7);
  });
});

describe('Boston 311, dirty rows and the mapping file', () => {
  test('Boston: statuses and channels of SOURCES.md', async () => {
    const r = await importFile(path.join(FIXTURES, 'boston311', 'boston311-100.csv'), 'boston311');
    expect(r.totals.byStatus).toEqual({ Closed: 85, Open: 15 });
    expect(r.totals.byChannel).toEqual({ mobile: 56, phone: 30, field: 11, web: 3 });
  });

  test('dirty rows are reported by row and handled; an edited mapping changes where requests go', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-311-'));
    const csv = path.join(dir, 'dirty.csv');
    fs.writeFileSync(
      csv,
      [
        'Unique Key,Created Date,Closed Date,Agency,Complaint Type,Descriptor,Status,Borough,Open Data Channel Type',
        '1,01/05/2020 10:00:00 AM,01/05/2020 12:30:00 PM,NYPD,Noise - Residential,"Loud Music,\nParty",Closed,BROOKLYN,PHONE',
        ',01/05/2020 10:00:00 AM,,NYPD,Noise - Residential,x,Open,BROOKLYN,PHONE',
        '3,not a date,,NYPD,Noise - Residential,x,Open,BROOKLYN,PHONE',
        '4,02/30/2020 10:00:00 AM,,NYPD,Noise - Residential,x,Open,BROOKLYN,PHONE',
        '5,01/06/2020 09:00:00 AM,,DOT,,x,Closed,QUEENS,ONLINE',
        '6,01/07/2020 09:00:00 AM,01/06/2020 09:00:00 AM,DOT,Street Condition,x,Closed,QUEENS,MOBILE',
        '1,01/05/2020 10:00:00 AM,,NYPD,Noise - Residential,x,Closed,BROOKLYN,PHONE',
      ].join('\n'),
    );
    const mapping = JSON.parse(fs.readFileSync(path.join(MAPPINGS, 'nyc311.json'), 'utf8'));
    mapping.categories['Noise - Residential'] = 'kacak-yapi';
    const edited = path.join(dir, 'mapping.json');
    fs.writeFileSync(edited, JSON.stringify(mapping));
    const r = await importFile(csv, 'nyc311', edited);
    expect(r.imported).toBe(3);
    expect(r.skipped).toBe(4);
    const byRow = Object.fromEntries(r.problems.map((p) => [p.row, p.reason]));
    expect(byRow[4]).toMatch(/^no Unique Key/);
    expect(byRow[5]).toMatch(/^unreadable created date \('not a date'\)/);
    expect(byRow[6]).toMatch(/^unreadable created date \('02\/30\/2020/);
    expect(r.problems.filter((p) => p.row === 7).map((p) => p.reason)).toEqual([
      "status 'Closed' without a closed date: kept without a close time",
      "no Complaint Type / complaint_type: filed under 'genel-bilgi'",
    ]);
    expect(byRow[8]).toMatch(/^closed before it was created \(-24\.00 h\)/);
    expect(byRow[9]).toMatch(/repeats an earlier row/);
    const rows = ((await ctx!.database.db.execute(sql`
      select i.external_id as id, c.code as category, r.status, r.description, r.closed_at is not null as closed, extract(epoch from r.closed_at - r.created_at)::int as seconds
      from request_imports i join requests r on r.id = i.request_id join categories c on c.id = r.category_id order by 1`)) as unknown as { rows: Record<string, unknown>[] }).rows;
    expect(rows).toEqual([
      { id: '1', category: 'kacak-yapi', status: 'closed', description: 'Noise - Residential: Loud Music,\nParty', closed: true, seconds: 9000 },
      { id: '5', category: 'genel-bilgi', status: 'closed', description: '—: x', closed: false, seconds: null },
      { id: '6', category: 'yol-cukur', status: 'closed', description: 'Street Condition: x', closed: false, seconds: null },
    ]);
  });

  test('a mapping naming a category that does not exist is refused, naming it', async () => {
    ctx = await startTestApp();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-311-'));
    const mapping = JSON.parse(fs.readFileSync(path.join(MAPPINGS, 'nyc311.json'), 'utf8'));
    mapping.categories.Sewer = 'no-such-category';
    fs.writeFileSync(path.join(dir, 'm.json'), JSON.stringify(mapping));
    await expect(loadMapping(ctx.database.db, path.join(dir, 'm.json'))).rejects.toThrow(/mapping.categories: .* names categories that do not exist here: no-such-category/);
  });
});
