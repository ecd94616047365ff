/**
 * Refusals carry a stable code and the values their message names (params), for each field at
 * fault and for the whole error, so clients say them in their own words; the English message
 * stays for operators. A few of each kind: TC kimlik no, office hours, the portal's phone, a
 * version conflict, a taken username, a rate limit, a neighbourhood of another district.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { NOTICE_VERSION } from '../src/app/portal/notice.js';
import { categories, districts, neighbourhoods } from '../src/db/schema.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let admin: Record<string, string>;
let categoryId: number;
let ilkadim: number;
let korfez: number;
useTestApp(async (started) => {
  t = started;
  admin = await t.signIn('admin');
  const db = t.database.db;
  categoryId = (await db.select().from(categories).where(eq(categories.code, 'su-arizasi')))[0]!.id;
  ilkadim = (await db.select().from(districts).where(eq(districts.name, 'İlkadım')))[0]!.id;
  korfez = (await db.select().from(neighbourhoods).where(eq(neighbourhoods.name, 'Körfez')))[0]!.id;
});

const newRequest = (extra: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: admin, payload: { categoryId, description: 'Sokakta boru patladı, su akıyor', channel: 'phone', ...extra } });

describe('field codes and params', () => {
  it('says why a TC kimlik no is not one', async () => {
    for (const [tcKimlikNo, reason] of [['10000000156', 'checksum'], ['01000000146', 'leading_zero'], ['1000000014a', 'digits'], ['1000000014', 'length']] as const) {
      const res = await newRequest({ citizen: { fullName: 'Ayşe Yılmaz', phone: '0532 123 45 67', tcKimlikNo } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ field: 'citizen.tcKimlikNo', code: 'not_tckn', params: { reason } }] });
      expect(res.json().error.message).toContain('is not a valid TC kimlik no');
    }
  });

  it('names both places when a neighbourhood is in another district', async () => {
    const res = await newRequest({ districtId: ilkadim, neighbourhoodId: korfez });
    expect(res.json().error.details).toEqual([{ field: 'neighbourhoodId', code: 'not_in_district', params: { neighbourhood: 'Körfez', district: 'İlkadım' }, message: expect.stringContaining('is not in İlkadım') }]);
  });

  it('names the day and the times of wrong office hours', async () => {
    const put = (hours: Record<string, { start: string; end: string }[]>) => t.app.inject({ method: 'PUT', url: '/api/v1/working-hours', headers: admin, payload: hours });
    expect((await put({ 1: [{ start: '13:00', end: '12:00' }] })).json().error.details).toEqual([
      { field: 'workingHours.1.0', code: 'before_start', params: { day: '1', start: '13:00', end: '12:00' }, message: 'ends (12:00) before it starts (13:00)' },
    ]);
    expect((await put({ 2: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }] })).json().error.details[0]).toMatchObject({ field: 'workingHours.2.1', code: 'overlaps', params: { day: '2', start: '11:00', end: '17:00' } });
    expect((await put({ 1: [] })).json().error.details[0]).toMatchObject({ field: 'workingHours', code: 'no_working_hours' });
  });

  it('refuses a landline on the portal as not a mobile number', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/submissions',
      headers: { 'x-cozum-csrf': '1', 'x-forwarded-for': '198.51.100.200' },
      payload: { categoryId, description: 'Körfez Mahallesi 12. sokakta boru patladı.', phone: '0362 431 12 34', consent: true, noticeVersion: NOTICE_VERSION },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'phone', code: 'not_mobile', message: expect.stringContaining('is not a mobile number') }]);
  });
});

describe('top-level codes and params', () => {
  it('gives a version conflict the tracking number and both versions', async () => {
    const created = (await newRequest({ citizen: { fullName: 'Ayşe Yılmaz', phone: '0532 123 45 67' } })).json();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${created.id}/actions`, headers: admin, payload: { action: 'start', version: 7 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'request.version_conflict', params: { trackingNo: created.trackingNo, yours: 7, current: 1 } });
  });

  it('gives an action the status does not allow the status and the action', async () => {
    const created = (await newRequest({ citizen: { fullName: 'Ayşe Yılmaz', phone: '0532 123 45 67' } })).json();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${created.id}/actions`, headers: admin, payload: { action: 'resume', version: 1 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'request.invalid_transition', params: { status: 'new', action: 'resume' }, details: [{ field: 'action', code: 'one_of' }] });
  });

  it('names a taken username, on the whole error and on the field', async () => {
    const create = () => t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'ayni-ad', displayName: 'Aynı Ad', password: 'parola-parola-1', role: 'agent' } });
    expect((await create()).statusCode).toBe(201);
    const again = await create();
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'user.already_exists', params: { username: 'ayni-ad' }, details: [{ field: 'username', code: 'taken', params: { value: 'ayni-ad' } }] });
  });

  it('says in seconds when a rate-limited sign-in may try again', async () => {
    const from = { 'x-forwarded-for': '198.51.100.201' };
    let last;
    for (let i = 0; i < 21; i++) last = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: from, payload: {} });
    expect(last!.statusCode).toBe(429);
    const { error } = last!.json();
    expect(error.code).toBe('rate_limited');
    expect(error.params.seconds).toBeGreaterThan(0);
    expect(error.params.seconds).toBeLessThanOrEqual(60);
  });

  it('names the missing route', async () => {
    const res = await t.app.inject({ url: '/api/v1/no-such-thing?x=1', headers: admin });
    expect(res.json().error).toMatchObject({ code: 'route_not_found', params: { method: 'GET', path: '/api/v1/no-such-thing' } });
  });
});
