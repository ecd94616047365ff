import { describe, expect, it } from 'vitest';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let admin: Record<string, string>;
// Monday 10 March 2025, 08:30 in Türkiye.
const monday = new Date('2025-03-10T08:30:00+03:00');
useTestApp(async (started) => {
  t = started;
  admin = await t.signIn('admin');
}, { now: () => monday });

describe('the city calendar', () => {
  it('lists the seeded holidays of a year', async () => {
    const res = (await t.app.inject({ url: '/api/v1/holidays?year=2026', headers: admin })).json();
    expect(res.items.map((h: { date: string }) => h.date)).toEqual(expect.arrayContaining(['2026-01-01', '2026-03-20', '2026-05-27', '2026-10-29']));
  });

  it('moves a business-hours deadline when an admin adds a holiday', async () => {
    const category = (await t.app.inject({ method: 'POST', url: '/api/v1/categories', headers: admin, payload: { code: 'sekiz-saat', nameTr: 'Sekiz saat', nameEn: 'Eight hours', requestType: 'talep', slaHours: 8, slaBusinessHours: true } })).json();
    const create = () => t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: admin, payload: { categoryId: category.id, description: 'Takvim denemesi', channel: 'phone' } });
    expect((await create()).json().dueAt).toBe('2025-03-10T14:30:00.000Z');
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/holidays', headers: admin, payload: { date: '2025-03-10', nameTr: 'Yerel tatil', nameEn: 'Local holiday', halfDay: false } });
    expect(put.statusCode).toBe(204);
    expect((await create()).json().dueAt).toBe('2025-03-11T14:30:00.000Z');
    await t.app.inject({ method: 'DELETE', url: '/api/v1/holidays/2025-03-10', headers: admin });
    // Half-hour office hours on Mondays: the same 8 hours now end on Tuesday 16:00.
    const hours = await t.app.inject({ method: 'PUT', url: '/api/v1/working-hours', headers: admin, payload: { 1: [{ start: '08:30', end: '09:00' }], 2: [{ start: '08:30', end: '17:30' }] } });
    expect(hours.statusCode).toBe(204);
    expect((await create()).json().dueAt).toBe('2025-03-11T13:00:00.000Z');
  });

  it('refuses overlapping or backwards office hours, naming the interval', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/working-hours', headers: admin, payload: { 1: [{ start: '13:00', end: '12:00' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('workingHours.1.0');
  });
});
