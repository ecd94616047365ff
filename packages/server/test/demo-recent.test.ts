/**
 * The demo `npm start` writes (`writeRecentDemo`): the last two years up to now, so this
 * year's figures are there. Calls and requests run into the current month and none lies after
 * now; the latest requests are in the states they would be in now; a second start writes
 * nothing more.
 */
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { OPEN_STATUSES } from '@cozum/domain';
import { seedDemoIfEmpty, writeRecentDemo, type RecentDemoSummary } from '../src/demo/demo-year.js';
import { useTestApp, type TestContext } from './harness.js';
import { cozumInProcess } from './process/cozum.js';
import { progressDisplay } from '../src/cli/progress.js';

// Mid-morning on a Tuesday in the middle of March 2026, Istanbul time.
const NOW = new Date('2026-03-10T11:20:00+03:00');
const MARCH = new Date('2026-03-01T00:00:00+03:00');
const FROM = new Date('2024-03-10T00:00:00+03:00');

let ctx: TestContext;
let summary: RecentDemoSummary;
const rows = async <T>(query: ReturnType<typeof sql>) => ((await ctx.database.db.execute(query)) as unknown as { rows: T[] }).rows;

useTestApp(async (started) => {
  ctx = started;
  const calls: number[] = [];
  summary = await writeRecentDemo(ctx.database, { scale: 0.003, now: NOW, seed: 11, onProgress: (done) => calls.push(done) });
  // The progress starts at 0 and ends at every call written, moving in between.
  expect(calls[0]).toBe(0);
  expect(calls.at(-1)).toBe(summary.offered);
  expect(calls.length).toBeGreaterThan(5);
}, { timeout: 120_000, now: () => NOW });

describe('the demo of the last two years', () => {
  test('runs from the same day two years ago into the current month, and nothing lies after now', async () => {
    expect(summary.from).toBe('2024-03-10');
    const [contacts] = await rows<{ n: number; first: Date; lastOffered: Date; lastEnded: Date; march: number }>(sql`
      select count(*)::int as n, min(offered_at) as first, max(offered_at) as "lastOffered", max(ended_at) as "lastEnded",
             (count(*) filter (where offered_at >= ${MARCH}))::int as march
      from contacts`);
    expect(contacts!.n).toBe(summary.offered);
    expect(new Date(contacts!.first).getTime()).toBeGreaterThanOrEqual(FROM.getTime());
    // Nine and a half days of March at this scale: about 90 calls.
    expect(contacts!.march).toBeGreaterThan(50);
    expect(new Date(contacts!.lastOffered).getTime()).toBeLessThan(NOW.getTime());
    expect(new Date(contacts!.lastEnded).getTime()).toBeLessThanOrEqual(NOW.getTime());

    const [requests] = await rows<{ n: number; march: number; future: number }>(sql`
      select count(*)::int as n, (count(*) filter (where created_at >= ${MARCH}))::int as march,
             (count(*) filter (where greatest(created_at, updated_at, resolved_at, closed_at, overdue_at) > ${NOW}))::int as future
      from requests`);
    expect(requests).toEqual({ n: summary.requests, march: expect.any(Number), future: 0 });
    expect(requests!.march).toBeGreaterThan(20);
    const [ratings] = await rows<{ future: number }>(sql`select (count(*) filter (where created_at > ${NOW}))::int as future from satisfaction_ratings`);
    expect(ratings!.future).toBe(0);
    // Each year's requests carry that year's tracking numbers.
    const years = await rows<{ year: string; n: number }>(sql`select left(tracking_no, 4) as year, count(*)::int as n from requests group by 1 order by 1`);
    expect(years.map((y) => y.year)).toEqual(['2024', '2025', '2026']);
  });

  test("the last weeks' requests are in a realistic mix of states: the latest open, some overdue, most solved", async () => {
    const states = await rows<{ status: string; n: number }>(sql`
      select status, count(*)::int as n from requests where created_at >= ${new Date(NOW.getTime() - 14 * 86_400_000)} group by status`);
    const count = (statuses: readonly string[]) => states.filter((s) => statuses.includes(s.status)).reduce((a, s) => a + s.n, 0);
    expect(count(['new'])).toBeGreaterThan(0);
    expect(count(['assigned', 'in_progress'])).toBeGreaterThan(0);
    expect(count(['resolved', 'closed'])).toBeGreaterThan(count(OPEN_STATUSES));
    // Some open requests are past their deadline, and an open request is overdue exactly when it is.
    const [open] = await rows<{ n: number; overdue: number; wrong: number; old: number }>(sql`
      select count(*)::int as n, (count(*) filter (where overdue_at is not null))::int as overdue,
             (count(*) filter (where (due_at < ${NOW}) <> (overdue_at is not null)))::int as wrong,
             (count(*) filter (where created_at < ${new Date('2025-01-01T00:00:00+03:00')}))::int as old
      from requests where status in ('new', 'assigned', 'in_progress')`);
    expect(open!.overdue).toBeGreaterThan(0);
    expect(open!.overdue).toBeLessThan(open!.n);
    expect(open!.wrong).toBe(0);
    // Long ago, nearly everything is finished.
    expect(open!.old).toBeLessThan(summary.requests / 50);
  });

  test('the transparency page shows the current year by default, compared with the last', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/transparency' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2026);
    expect(body.years).toEqual([2026, 2025, 2024]);
    expect(body.previous.year).toBe(2025);
  });

  test('a later start writes no more demo data', async () => {
    expect(await seedDemoIfEmpty(ctx.database, { scale: 0.002, now: NOW })).toBeNull();
    await expect(writeRecentDemo(ctx.database, { scale: 0.002, now: NOW })).rejects.toThrow(/the last two years \(from 2024-03-10\) already hold [\d,]+ contacts/);
  });

  test('cozum demo --recent takes a scale, not the totals of one year', async () => {
    const res = await cozumInProcess({ ...process.env, LOG_LEVEL: 'warn' }, ['demo', '--recent', '--year', '2025', '--routed', '10']);
    expect(res).toMatchObject({ code: 2, stderr: expect.stringContaining('--recent writes the last two years at --scale of the published totals; it takes no --year, --routed') });
  });
});

describe('the progress of the demo at start', () => {
  test('without a terminal (a service, a pipe), a line at the start and at each quarter, no bar', () => {
    const written: string[] = [];
    const output = new PassThrough();
    output.on('data', (text: Buffer) => written.push(String(text)));
    const progress = progressDisplay('demo data', 'calls', output);
    for (let done = 0; done <= 22_334; done += 1_000) progress.update(done, 22_334);
    progress.update(22_334, 22_334);
    progress.stop();
    expect(written).toEqual([
      'demo data: 0 of 22,334 calls (0 %)\n',
      'demo data: 6,000 of 22,334 calls (27 %)\n',
      'demo data: 12,000 of 22,334 calls (54 %)\n',
      'demo data: 17,000 of 22,334 calls (76 %)\n',
      'demo data: 22,334 of 22,334 calls (100 %)\n',
    ]);
  });
});
