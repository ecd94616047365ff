/**
 * The city's clock (CITY_TIME_ZONE): the same records give each city its own local days. Run
 * with a US city on daylight saving time (New York, clocks forward on Sunday 9 March 2025) and
 * with Istanbul (UTC+3 all year): deadlines in office hours, KPIs per day and the report's months.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { categories, districts } from '../src/db/schema.js';
import { useTestApp, type TestContext } from './harness.js';

interface City {
  zone: string;
  /** Friday 7 March 2025, 16:00 on the city's clocks. */
  fridayFour: string;
  /** Friday 16:00 + 4 working hours (08:30–12:00, 13:00–17:30): Monday 10 March 11:00 local. */
  dueMondayEleven: string;
  /** Offered calls per local day, 8 to 10 March. */
  callsByDay: { period: string; offered: number }[];
  /** The request made at 2025-04-01T03:30Z falls in this local month. */
  monthOfLateRequest: '2025-03' | '2025-04';
}

const cities: City[] = [
  {
    zone: 'America/New_York',
    fridayFour: '2025-03-07T21:00:00.000Z', // EST, UTC-5
    dueMondayEleven: '2025-03-10T15:00:00.000Z', // EDT, UTC-4 since Sunday
    callsByDay: [{ period: '2025-03-08T00:00', offered: 1 }, { period: '2025-03-09T00:00', offered: 2 }],
    monthOfLateRequest: '2025-03', // 23:30 on 31 March
  },
  {
    zone: 'Europe/Istanbul',
    fridayFour: '2025-03-07T13:00:00.000Z',
    dueMondayEleven: '2025-03-10T08:00:00.000Z',
    callsByDay: [{ period: '2025-03-09T00:00', offered: 1 }, { period: '2025-03-10T00:00', offered: 2 }],
    monthOfLateRequest: '2025-04', // 06:30 on 1 April
  },
];

// Instants, the same for both cities.
const CALLS = ['2025-03-09T04:30:00Z', '2025-03-10T03:30:00Z', '2025-03-09T21:30:00Z'];
const LATE_REQUEST = '2025-04-01T03:30:00.000Z';

describe.each(cities)('a city in $zone', (city) => {
  let t: TestContext;
  let clock = new Date(city.fridayFour);
  let headers: Record<string, string>;
  let supervisor: Record<string, string>;
  let intake: { categoryId: number; districtId: number; description: string; channel: string; citizen: null };

  useTestApp(async (started) => {
    t = started;
    headers = await t.signIn('agent');
    supervisor = await t.signIn('supervisor');
    const db = t.database.db;
    const [category] = await db.update(categories).set({ slaHours: 4, slaBusinessHours: true }).where(eq(categories.code, 'su-arizasi')).returning({ id: categories.id });
    const [district] = await db.select({ id: districts.id }).from(districts).where(eq(districts.name, 'Atakum'));
    // No public holidays in the way: the seeded ones are Türkiye's.
    await db.execute(sql`delete from holidays where date between '2025-03-01' and '2025-04-30'`);
    intake = { categoryId: category!.id, districtId: district!.id, description: 'Sokakta boru patladı, su akıyor', channel: 'phone', citizen: null };
  }, { config: { cityTimeZone: city.zone }, now: () => clock });

  it('puts a business-hours deadline at 11:00 on Monday in the city, across the clock change', async () => {
    clock = new Date(city.fridayFour);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers, payload: intake });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().dueAt).toBe(city.dueMondayEleven);
    const [row] = ((await t.database.db.execute(sql`select due_at from requests where id = ${res.json().id}`)) as unknown as { rows: { due_at: Date | string }[] }).rows;
    expect(new Date(row!.due_at).toISOString()).toBe(city.dueMondayEleven);
  });

  it('counts KPIs per local day, the 23-hour day of the change included', async () => {
    for (const at of CALLS) {
      await t.database.db.execute(sql`insert into contacts (channel, queue, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, exit_reason)
        values ('phone', 'clock', ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz + interval '2 minutes', 0, 120, 'answered')`);
    }
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/kpis?from=2025-03-08&to=2025-03-10&by=day&queue=clock', headers: supervisor });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows.map((r: { period: string; offered: number }) => ({ period: r.period, offered: r.offered }))).toEqual(city.callsByDay);
  });

  it("puts a request and a call at the turn of the month into the city's month in the report", async () => {
    clock = new Date(LATE_REQUEST);
    // Three weeks on, the morning's sessions have ended.
    headers = await t.signIn('agent');
    supervisor = await t.signIn('supervisor');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers, payload: intake })).statusCode).toBe(201);
    await t.database.db.execute(sql`insert into contacts (channel, queue, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, exit_reason)
      values ('phone', 'clock', ${LATE_REQUEST}::timestamptz, ${LATE_REQUEST}::timestamptz, ${LATE_REQUEST}::timestamptz + interval '1 minute', 0, 60, 'answered')`);
    const month = async (m: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/reports?from=${m}&to=${m}`, headers: supervisor });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { offered: number; requests: number; months: { month: string; offered: number; requests: number }[] };
    };
    const [march, april] = [await month('2025-03'), await month('2025-04')];
    const other = city.monthOfLateRequest === '2025-03' ? april : march;
    const own = city.monthOfLateRequest === '2025-03' ? march : april;
    // March also holds the first test's request and the three calls of 9 and 10 March.
    expect(own.requests).toBe(city.monthOfLateRequest === '2025-03' ? 2 : 1);
    expect(other.requests).toBe(city.monthOfLateRequest === '2025-03' ? 0 : 1);
    expect(own.offered).toBe(city.monthOfLateRequest === '2025-03' ? 4 : 1);
    expect(other.offered).toBe(city.monthOfLateRequest === '2025-03' ? 0 : 3);
    expect(own.months.map((m) => m.month)).toEqual([city.monthOfLateRequest]);
  });
});
