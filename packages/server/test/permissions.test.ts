/**
 * The permission matrix: every route × every role, anonymous, and staff of another unit.
 * Routes come from the running app's own access table (filled by Fastify's onRoute hook), so
 * a route is covered the moment someone registers it; the expected answer comes from its
 * declared `config.access` and PERMISSIONS in packages/domain/src/roles.ts.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, can, type Permission, type Role } from '@cozum/domain';
import { eq } from 'drizzle-orm';
import { categories } from '../src/db/schema.js';
import { routeAccessTable, type RouteAccess } from '../src/http/access.js';
import { startTestApp, type TestContext } from './harness.js';

let t: TestContext;
const headers = new Map<Role, Record<string, string>>();
let otherUnit: { staff: Record<string, string>; head: Record<string, string> };
let ownUnit: { staff: Record<string, string>; head: Record<string, string> };
let requestId: number;

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ROLES) headers.set(role, await t.signIn(role));
  // Unit roles above belong to saski-su-ariza; the request below is routed there.
  ownUnit = { staff: headers.get('unit_staff')!, head: headers.get('unit_head')! };
  otherUnit = { staff: await t.signIn('unit_staff', { unitCode: 'zabita' }), head: await t.signIn('unit_head', { unitCode: 'zabita' }) };
  const [cat] = await t.database.db.select().from(categories).where(eq(categories.code, 'su-arizasi'));
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: headers.get('agent'), payload: { categoryId: cat!.id, description: 'Vana arızası, su akıyor', channel: 'phone', citizen: { fullName: 'Ayşe Yılmaz', phone: '0532 123 45 67' } } });
  expect(res.statusCode, res.body).toBe(201);
  requestId = res.json().id;
}, 120_000);
afterAll(() => t.close());

/** An id no row has: allowed callers reach the handler and hear 404 or 400, and nothing changes. */
const MISSING_ID = '2147480000';
const concrete = (url: string, id = MISSING_ID) => url.replace(/:[a-zA-Z]+/g, id).replace('*', 'x');
const protectedRoutes = (): (RouteAccess & { access: Permission })[] =>
  routeAccessTable(t.app).filter((r): r is RouteAccess & { access: Permission } => r.access !== 'public' && r.access !== 'token');

/** Event streams never end on their own: a guard ends the wait (denials answer at once). */
async function call(method: string, url: string, hdrs?: Record<string, string>, payload?: object): Promise<LightMyRequestResponse | 'streaming'> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<'streaming'>((resolve) => (timer = setTimeout(() => resolve('streaming'), 3000)));
  const res = await Promise.race([t.app.inject({ method: method as 'GET', url, headers: hdrs, payload: method === 'GET' || method === 'DELETE' ? undefined : (payload ?? {}) }), guard]);
  clearTimeout(timer);
  return res;
}

describe('permission matrix', () => {
  it('finds every route of the running app, each with a declared access', () => {
    const table = routeAccessTable(t.app);
    expect(table.length).toBeGreaterThan(40);
    for (const route of table) expect(['public', 'token', ...Object.keys(PERMISSIONS)], `${route.method} ${route.url}`).toContain(route.access);
    const urls = table.map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET /api/v1/audit');
    expect(urls).toContain('POST /api/v1/privacy/citizens/:id/anonymise');
  });

  it('answers 401 to anonymous callers of every protected route', async () => {
    for (const route of protectedRoutes()) {
      const res = await call(route.method, concrete(route.url));
      const label = `anonymous → ${route.method} ${route.url}`;
      expect(res, label).not.toBe('streaming');
      const r = res as LightMyRequestResponse;
      expect(r.statusCode, `${label}: ${r.body.slice(0, 200)}`).toBe(401);
      expect(r.json().error.code).toBe('unauthenticated');
    }
  });

  it('answers 403 to each role without the permission, and lets each role with it through', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    for (const route of protectedRoutes()) {
      for (const role of ROLES) {
        const res = await call(route.method, concrete(route.url), headers.get(role));
        const allowed = can(role, route.access);
        if (res === 'streaming') {
          if (!allowed) failures.push(`${role} → ${route.method} ${route.url}: a stream opened without '${route.access}'`);
          continue;
        }
        const label = `${role} → ${route.method} ${route.url} (${route.access}): ${res.statusCode} ${res.body.slice(0, 160)}`;
        if (res.statusCode >= 500) failures.push(label);
        else if (allowed && [401, 403].includes(res.statusCode) && ['unauthenticated', 'forbidden', 'csrf_required'].includes(res.json().error?.code)) failures.push(label);
        else if (!allowed && (res.statusCode !== 403 || res.json().error.code !== 'forbidden')) failures.push(label);
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps unit staff and heads of another unit out of a request, and lets its own unit in', async () => {
    const requestRoutes = protectedRoutes().filter((r) => r.method === 'GET' && /^\/api\/v1\/requests\/:id(\/[a-z-]+)*$/.test(r.url));
    expect(requestRoutes.length).toBeGreaterThan(0);
    for (const route of requestRoutes) {
      for (const [who, hdrs] of Object.entries(otherUnit)) {
        const res = (await call('GET', concrete(route.url, String(requestId)), hdrs)) as LightMyRequestResponse;
        expect(res.statusCode, `other unit's ${who} → GET ${route.url}: ${res.body.slice(0, 160)}`).toBe(403);
      }
      for (const [who, hdrs] of Object.entries(ownUnit)) {
        const res = (await call('GET', concrete(route.url, String(requestId)), hdrs)) as LightMyRequestResponse;
        expect(res.statusCode, `own unit's ${who} → GET ${route.url}: ${res.body.slice(0, 160)}`).toBe(200);
      }
    }
    const comment = { action: 'comment', text: 'İç not' };
    for (const hdrs of Object.values(otherUnit)) {
      const res = (await call('POST', `/api/v1/requests/${requestId}/actions`, hdrs, comment)) as LightMyRequestResponse;
      expect(res.statusCode, res.body).toBe(403);
    }
    const res = (await call('POST', `/api/v1/requests/${requestId}/actions`, ownUnit.staff, comment)) as LightMyRequestResponse;
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses cookie writes without the CSRF header, before any handler runs', async () => {
    const cookie = headers.get('admin')!.cookie!;
    for (const route of protectedRoutes().filter((r) => r.method !== 'GET')) {
      const res = (await call(route.method, concrete(route.url), { cookie })) as LightMyRequestResponse;
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().error.code).toBe('csrf_required');
    }
  });
});
