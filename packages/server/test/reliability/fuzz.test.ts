/**
 * Fuzz: more than 10,000 property-based cases (fast-check) of malformed and random bodies,
 * headers, path parameters and query strings against every JSON route of the running app,
 * anonymous and signed in. No answer may be a 5xx, none may carry a stack trace, and the
 * server must keep answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { login } from '../../src/app/sessions.js';
import { createUser } from '../../src/app/users.js';
import { units } from '../../src/db/schema.js';
import { routeAccessTable, type RouteAccess } from '../../src/http/access.js';
import { startTestApp, type TestContext } from '../harness.js';
import { report } from './figures.js';

const CASES = 10_500;
let t: TestContext;
let routes: RouteAccess[] = [];
const sessions: (Record<string, string> | null)[] = [null];

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ROLES) sessions.push(await freshSession(role));
  // Event streams never end by themselves; they are tested elsewhere.
  routes = [];
  for (const route of routeAccessTable(t.app)) {
    if (route.method === 'GET' && route.url.endsWith('/stream')) continue;
    routes.push(route);
  }
}, 120_000);
afterAll(() => t.close());

const ROLES = ['admin', 'agent', 'unit_staff', 'auditor'] as const;
let renewals = 0;
/** A new account and session without the sign-in route, whose per-address limit the fuzzing exhausts. */
async function freshSession(role: (typeof ROLES)[number]): Promise<Record<string, string>> {
  const db = t.database.db;
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'saski-su-ariza'));
  const username = `fuzz-${role}-${++renewals}`;
  await createUser(db, null, { username, displayName: username, password: 'fuzz-parola-153', role, unitId: role === 'unit_staff' ? unit!.id : null });
  const result = await db.transaction((tx) => login(tx, { username, password: 'fuzz-parola-153', now: new Date(), ttlHours: 12, secret: t.config.sessionSecret }));
  if (!result.ok) throw result.error;
  return { cookie: `cozum_session=${result.token}`, 'x-cozum-csrf': '1' };
}

async function renewSessions(): Promise<void> {
  for (let i = 1; i < sessions.length; i++) {
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: sessions[i]! });
    if (me.statusCode !== 200) sessions[i] = await freshSession(ROLES[i - 1]!);
  }
}

const STACK = /\n\s+at |node_modules|\.ts:\d+|\.js:\d+:\d+|DrizzleQueryError|Failed query/;

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '2147483648', '99999999999999999999', '1e309', 'NaN', 'null', 'true', '../../etc/passwd', '%00', "' or 1=1 --", '<script>', 'İıŞşĞğ', '\u0000', 'a'.repeat(5000)),
);
const json = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('username', 'password', 'categoryId', 'description', 'citizen', 'phone', 'tcKimlikNo', 'action', 'version', 'role', 'unitId', 'purpose', 'dryRun', 'code', 'q', 'from', 'to', 'status', 'id', 'email'), fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.object({ maxDepth: 2 }))).map((o) => JSON.stringify(o)),
  fc.constantFrom('{', '{"a":', '[', 'null', '""', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u00ff\u00fe', '{"a":1,"a":2}'),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const query = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom('q', 'limit', 'from', 'to', 'status', 'unitId', 'purpose', 'format', 'year', 'page', 'before', 'actor', 'action'), fc.string({ maxLength: 10 })), text, { maxKeys: 4 }).map((o) => new URLSearchParams(o as Record<string, string>).toString()),
  fc.constantFrom('a=%', 'a[b]=1', 'a=1&a=2&a=3', '%%%', 'limit=-5', 'limit=1e99', 'from=2026-13-45', '=', '&&&'),
);
const contentType = fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'garbage/;;', 'application/json; charset=latin1');
const extraHeaders = fc.dictionary(fc.constantFrom('accept', 'accept-language', 'x-request-id', 'x-forwarded-for', 'origin', 'if-none-match', 'range', 'authorization', 'x-cozum-csrf'), fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')), { maxKeys: 3 });

const fill = (url: string, param: string) => url.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(param) || '1').replace('*', encodeURIComponent(param));

describe('fuzz', () => {
  it(`answers ${CASES.toLocaleString('en')} malformed and random requests without a 5xx or a stack trace`, { timeout: 600_000 }, async () => {
    let cases = 0;
    let serverErrors = 0;
    let stackTraces = 0;
    const bad: string[] = [];
    const statuses = new Map<number, number>();
    const property = fc.asyncProperty(
      fc.nat({ max: routes.length - 1 }),
      fc.nat({ max: sessions.length - 1 }),
      fc.oneof(text, fc.integer().map(String)),
      fc.option(query, { nil: undefined }),
      fc.option(json, { nil: undefined }),
      contentType,
      extraHeaders,
      async (routeIndex, sessionIndex, param, qs, body, type, headers) => {
        const route = routes[routeIndex]!;
        // Random writes may revoke or deactivate the fuzzing accounts themselves: sign in anew.
        if (cases % 250 === 0) await renewSessions();
        const session = sessions[sessionIndex];
        const url = `${fill(route.url, param)}${qs ? `?${qs}` : ''}`;
        const options: InjectOptions = { method: route.method as 'GET', url, headers: { ...headers, ...(session ?? {}), ...(type ? { 'content-type': type } : {}) } };
        if (body !== undefined && route.method !== 'GET') options.payload = body;
        let res: LightMyRequestResponse;
        try {
          res = await t.app.inject(options);
        } catch (error) {
          // light-my-request refuses some inputs itself (an invalid header); not the server's answer.
          if (error instanceof TypeError || (error as { code?: string }).code === 'ERR_INVALID_CHAR') return true;
          throw error;
        }
        cases++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) serverErrors++;
        if (STACK.test(res.body)) stackTraces++;
        if ((res.statusCode >= 500 || STACK.test(res.body)) && bad.length < 10) bad.push(`${route.method} ${url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        return true;
      },
    );
    await fc.assert(property, { numRuns: CASES, seed: Number(process.env.FUZZ_SEED ?? 153), endOnFailure: true });
    const alive = await t.app.inject({ url: '/healthz' });
    console.log(`fuzz status codes: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(' ')}; sessions renewed ${renewals - ROLES.length} times`);
    const reached = [...statuses].filter(([status]) => status !== 401 && status !== 403).reduce((sum, [, n]) => sum + n, 0);
    report(
      { scenario: 'fuzz (fast-check, every route)', measure: `cases over ${routes.length} routes`, value: cases, expected: '≥ 10000', ok: cases >= 10_000 },
      { scenario: 'fuzz (fast-check, every route)', measure: 'cases past the access check (not 401/403)', value: reached, expected: '> 25 %', ok: reached > cases / 4 },
      { scenario: 'fuzz (fast-check, every route)', measure: '5xx answers', value: serverErrors, expected: '0', ok: serverErrors === 0 },
      { scenario: 'fuzz (fast-check, every route)', measure: 'bodies with a stack trace', value: stackTraces, expected: '0', ok: stackTraces === 0 },
      { scenario: 'fuzz (fast-check, every route)', measure: 'server alive afterwards', value: alive.statusCode === 200 ? 'yes' : 'no', expected: 'yes', ok: alive.statusCode === 200 },
    );
    expect(bad).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(10_000);
    expect(alive.statusCode).toBe(200);
  });
});
