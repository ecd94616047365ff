/**
 * The permission matrix: every route × every role, and anonymous. Routes come from the
 * server's own access table, so a new route is covered the moment it exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, can, type Role } from '@cozum/domain';
import { routeAccessTable } from '../src/http/access.js';
import { startTestApp, type TestContext } from './harness.js';

let t: TestContext;
const headers = new Map<Role, Record<string, string>>();
beforeAll(async () => {
  t = await startTestApp();
  for (const role of ROLES) headers.set(role, await t.signIn(role));
});
afterAll(() => t.close());

const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, '1').replace('*', 'x');

describe('permission matrix', () => {
  it('declares access on every route', () => {
    const table = routeAccessTable(t.app);
    expect(table.length).toBeGreaterThan(10);
    for (const route of table) expect(route.access, `${route.method} ${route.url}`).toBeTruthy();
  });

  it('answers 401 to anonymous callers of every protected route', async () => {
    for (const route of routeAccessTable(t.app).filter((r) => r.access !== 'public' && r.access !== 'token')) {
      const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url), payload: route.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('answers 403 to each role without the permission, and lets the others through', async () => {
    for (const route of routeAccessTable(t.app).filter((r) => r.access !== 'public' && r.access !== 'token')) {
      for (const role of ROLES) {
        const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url), headers: headers.get(role), payload: route.method === 'GET' ? undefined : {} });
        const label = `${role} → ${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (can(role, route.access as never)) expect([401, 403], label).not.toContain(res.statusCode);
        else expect(res.statusCode, label).toBe(403);
      }
    }
  });
});
