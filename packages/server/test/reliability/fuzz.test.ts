/**
 * Fuzz: more than 10,000 cases against every route of the running app, Open311 and the
 * citizen portal included, anonymous and signed in:
 * - random and malformed bodies, headers, path parameters and query strings (fast-check);
 * - type-confused JSON: each field of each route's body schema given a number, a boolean,
 *   null, an array or an object where another type is expected;
 * - form bodies (application/x-www-form-urlencoded): repeated keys, 10,000 repeats of one key
 *   (150 KB), deep brackets, long runs of separators;
 * - query strings: each parameter given the wrong type, repeated, or repeated 1,000 times.
 * Every answer is timed. None may be a 5xx, carry a stack trace or take more than 1 s (an
 * answer over 1 s is asked for three times more: a slow route is slow every time), and
 * /healthz, polled all along, must answer within 100 ms of when it was due: one slow answer
 * that blocks the event loop shows there. What a loaded machine adds while this process is
 * not running is reported beside it, not counted (see pollHealth).
 */
import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { login } from '../../src/app/sessions.js';
import { createUser } from '../../src/app/users.js';
import { units } from '../../src/db/schema.js';
import { routeAccessTable, type RouteAccess } from '../../src/http/access.js';
import { useTestApp, type TestContext } from '../harness.js';
import { report } from './figures.js';

const RANDOM_CASES = 5_000;
const SLOW_MS = 1_000;
const HEALTH_MS = 100;
const HEALTH_EVERY_MS = 50;

let t: TestContext;
let routes: RouteAccess[] = [];
const sessions: (Record<string, string> | null)[] = [null];
/** Each route's JSON body and query schemas, from the OpenAPI document the app serves. */
const schemas = new Map<string, { body?: JsonSchema; query: Record<string, JsonSchema> }>();

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  minimum?: number;
}

useTestApp(async (started) => {
  t = started;
  for (const role of ROLES) sessions.push(await freshSession(role));
  // Event streams never end by themselves; they are tested elsewhere.
  routes = routeAccessTable(t.app).filter((route) => !(route.method === 'GET' && route.url.endsWith('/stream')));
  await t.app.ready();
  const doc = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: JsonSchema }> }; parameters?: { in: string; name: string; schema: JsonSchema }[] }>> };
  for (const [openApiPath, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const query = Object.fromEntries((operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
      schemas.set(`${method.toUpperCase()} ${openApiPath}`, { body: operation.requestBody?.content?.['application/json']?.schema, query });
    }
  }
}, { timeout: 120_000 });

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

/** What every answer is held to, gathered over the whole run. */
const run = {
  cases: 0,
  serverErrors: 0,
  stackTraces: 0,
  bad: [] as string[],
  statuses: new Map<number, number>(),
  slowest: { ms: 0, what: '' },
  byPart: new Map<string, number>(),
  /** The case being answered, for naming what a late /healthz waited behind. */
  current: '',
  /** Cases over SLOW_MS, sent again at the end: a shared machine can stall any one answer. */
  slowCases: [] as { part: string; options: InjectOptions; ms: number }[],
};
let clientAddress = 0;

/** Sends one case, timed; null when light-my-request itself refuses the input (an invalid header). */
async function send(part: string, options: InjectOptions): Promise<LightMyRequestResponse | null> {
  // Each case from its own address, so per-address rate limits do not answer in the routes' place.
  const address = ++clientAddress;
  run.current = `${options.method ?? 'GET'} ${String(options.url).slice(0, 100)} (${part}, ${describePayload(options.payload)})`;
  const started = performance.now();
  let res: LightMyRequestResponse;
  try {
    res = await t.app.inject({ remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`, ...options });
  } catch (error) {
    if (error instanceof TypeError || (error as { code?: string }).code === 'ERR_INVALID_CHAR') return null;
    throw error;
  }
  const ms = performance.now() - started;
  const what = `${options.method ?? 'GET'} ${String(options.url).slice(0, 100)} (${part}, ${describePayload(options.payload)})`;
  run.cases++;
  run.byPart.set(part, (run.byPart.get(part) ?? 0) + 1);
  run.statuses.set(res.statusCode, (run.statuses.get(res.statusCode) ?? 0) + 1);
  if (ms > run.slowest.ms) run.slowest = { ms, what };
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(String(res.statusCode));
  if (STACK.test(res.body)) problems.push('stack trace');
  run.serverErrors += Number(res.statusCode >= 500);
  run.stackTraces += Number(STACK.test(res.body));
  if (ms > SLOW_MS && run.slowCases.length < 50) run.slowCases.push({ part, options, ms });
  if (problems.length && run.bad.length < 20) run.bad.push(`${what} → ${problems.join(', ')}: ${res.body.slice(0, 160)}`);
  return res;
}

function describePayload(payload: unknown): string {
  if (payload === undefined) return 'no body';
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return text.length > 60 ? `${text.slice(0, 40)}… ${Math.round(text.length / 1024)} KB` : text;
}

/**
 * /healthz every 50 ms for the whole run, each answer timed from when it was due. The machine
 * may be shared (other test runs on the same cores): an answer that came late while this
 * process was not even running is the machine's, not the server's. So each poll also takes
 * the CPU time this process used from when the poll was set to when it was answered; the late
 * part the server answers for is at most that CPU time beyond the 50 ms wait. On an idle
 * machine both are the same; CPU used by other threads (hashing, GC) only adds to it.
 */
function pollHealth() {
  const answers: { late: number; own: number; server: number }[] = [];
  const behind: string[] = [];
  let failures = 0;
  let stopped = false;
  const done = (async () => {
    let due = performance.now();
    while (!stopped) {
      const set = performance.now();
      const cpu = process.cpuUsage();
      due += HEALTH_EVERY_MS;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const sent = performance.now();
      const res = await t.app.inject({ url: '/healthz' });
      const answered = performance.now();
      if (res.statusCode !== 200) failures++;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const late = answered - due;
      const server = Math.min(late, Math.max(0, cpuMs - (due - set)));
      answers.push({ late, own: answered - sent, server });
      if (server > HEALTH_MS && behind.length < 10) behind.push(`${Math.round(server)} ms behind ${run.current}`);
      due = Math.max(due, answered);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      const worst = (key: 'late' | 'own' | 'server') => Math.max(0, ...answers.map((a) => a[key]));
      return { polls: answers.length, failures, worst: worst('late'), worstOwn: worst('own'), worstServer: worst('server'), over: answers.filter((a) => a.late > HEALTH_MS).length, serverOver: answers.filter((a) => a.server > HEALTH_MS).length, behind };
    },
  };
}

/**
 * Each answer that took over SLOW_MS is asked for again, up to three times, when the run is
 * over: a route that is slow stays slow every time; one stalled by other work on a shared
 * machine does not. Returns the cases slow every time, with their fastest time.
 */
async function stillSlow(): Promise<string[]> {
  const slow: string[] = [];
  for (const { part, options, ms } of run.slowCases) {
    let fastest = Infinity;
    for (let attempt = 0; attempt < 3 && fastest > SLOW_MS; attempt++) {
      const started = performance.now();
      await t.app.inject({ remoteAddress: `10.255.${attempt}.${slow.length % 250}`, ...options });
      fastest = Math.min(fastest, performance.now() - started);
    }
    if (fastest > SLOW_MS) slow.push(`${options.method ?? 'GET'} ${String(options.url).slice(0, 100)} (${part}, ${describePayload(options.payload)}) → ${Math.round(ms)} ms, then at best ${Math.round(fastest)} ms`);
  }
  return slow;
}

const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
/** Path parameters filled with plausible values, so the case reaches the route's body and query handling. */
const plausiblePath = (url: string) => url.replace(/:format\b/g, 'json').replace(/:(\w+)/g, '1').replace('*', 'x');
const sessionFor = (route: RouteAccess) => (route.access === 'public' || route.access === 'token' ? null : sessions[1]!);
const writes = () => routes.filter((route) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method));

/** A body that fits the schema, as far as a plain reading of it goes. */
function plausible(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 4) return 'x';
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length) return plausible(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, inner]) => [key, plausible(inner, depth + 1)]));
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      return 'fuzz';
  }
}

const CONFUSED: unknown[] = [42, -1, 1.5, true, null, [], ['x', 1], {}, { a: { b: 1 } }, '', 'x'.repeat(10_000)];

/** Open311 reads its POST form itself; these are GeoReport's fields. */
const OPEN311_FIELDS = ['api_key', 'service_code', 'lat', 'long', 'address_string', 'address_id', 'email', 'device_id', 'account_id', 'first_name', 'last_name', 'phone', 'description', 'media_url', 'attribute[a]'];
const OPEN311_QUERY = ['service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'page', 'page_size', 'extensions', 'jurisdiction_id', 'lat', 'long'];

function bodyFields(route: RouteAccess): { base: Record<string, unknown>; fields: string[] } {
  if (route.url.startsWith('/open311/')) return { base: { service_code: 'su-arizasi', lat: 41.33, long: 36.27, api_key: 'fuzz' }, fields: OPEN311_FIELDS };
  const body = schemas.get(`${route.method} ${openApiPath(route.url)}`)?.body;
  const base = plausible(body);
  return base && typeof base === 'object' && !Array.isArray(base) ? { base: base as Record<string, unknown>, fields: Object.keys(base) } : { base: {}, fields: [] };
}

async function randomCases(): Promise<void> {
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', '0', '-1', '2147483648', '99999999999999999999', '1e309', 'NaN', 'null', 'true', '../../etc/passwd', '%00', "' or 1=1 --", '<script>', 'İıŞşĞğ', '\u0000', 'a'.repeat(5000)),
  );
  const json = fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.dictionary(fc.constantFrom('username', 'password', 'categoryId', 'description', 'citizen', 'phone', 'tcKimlikNo', 'action', 'version', 'role', 'unitId', 'purpose', 'dryRun', 'code', 'q', 'from', 'to', 'status', 'id', 'email', 'service_code', 'lat', 'long'), fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.object({ maxDepth: 2 }))).map((o) => JSON.stringify(o)),
    fc.constantFrom('{', '{"a":', '[', 'null', '""', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u00ff\u00fe', '{"a":1,"a":2}', '['.repeat(10_000) + ']'.repeat(10_000)),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
  const query = fc.oneof(
    fc.dictionary(fc.oneof(fc.constantFrom('q', 'limit', 'from', 'to', 'status', 'unitId', 'purpose', 'format', 'year', 'page', 'before', 'actor', 'action', 'service_code', 'start_date'), fc.string({ maxLength: 10 })), text, { maxKeys: 4 }).map((o) => new URLSearchParams(o as Record<string, string>).toString()),
    fc.constantFrom('a=%', 'a[b]=1', 'a=1&a=2&a=3', '%%%', 'limit=-5', 'limit=1e99', 'from=2026-13-45', '=', '&&&'),
  );
  const contentType = fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'garbage/;;', 'application/json; charset=latin1');
  const extraHeaders = fc.dictionary(fc.constantFrom('accept', 'accept-language', 'x-request-id', 'x-forwarded-for', 'origin', 'if-none-match', 'range', 'authorization', 'x-cozum-csrf'), fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')), { maxKeys: 3 });
  const fill = (url: string, param: string) => url.replace(/:format\b/g, param.length % 2 ? 'json' : param).replace(/:[a-zA-Z]+/g, () => encodeURIComponent(param) || '1').replace('*', encodeURIComponent(param));
  let cases = 0;
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
      if (++cases % 250 === 0) await renewSessions();
      const session = sessions[sessionIndex];
      const options: InjectOptions = { method: route.method as 'GET', url: `${fill(route.url, param)}${qs ? `?${qs}` : ''}`, headers: { ...headers, ...(session ?? {}), ...(type ? { 'content-type': type } : {}) } };
      if (body !== undefined && route.method !== 'GET') options.payload = body;
      await send('random', options);
      return true;
    },
  );
  await fc.assert(property, { numRuns: RANDOM_CASES, seed: Number(process.env.FUZZ_SEED ?? 153), endOnFailure: true });
}

/** Each field of each body given every wrong type, and whole bodies of the wrong type. */
async function typeConfusedBodies(): Promise<void> {
  for (const route of writes()) {
    await renewSessions();
    const { base, fields } = bodyFields(route);
    const url = plausiblePath(route.url);
    const headers = { ...(sessionFor(route) ?? {}), 'content-type': 'application/json' };
    for (const whole of [42, null, [], ['x'], 'x', true]) await send('type-confused JSON', { method: route.method as 'POST', url, headers, payload: JSON.stringify(whole) });
    for (const field of fields) {
      for (const value of CONFUSED) await send('type-confused JSON', { method: route.method as 'POST', url, headers, payload: JSON.stringify({ ...base, [field]: value }) });
    }
  }
}

/** Form bodies: repeated keys, one key 10,000 times (150 KB), deep brackets, runs of separators. */
async function formBodies(): Promise<void> {
  for (const route of writes()) {
    await renewSessions();
    const { fields } = bodyFields(route);
    const url = plausiblePath(route.url);
    const key = fields[0] ?? 'a';
    const forms = [
      fields.map((field) => `${encodeURIComponent(field)}=x`).join('&') || 'a=1',
      fields.map((field) => `${encodeURIComponent(field)}=1&${encodeURIComponent(field)}=2&${encodeURIComponent(field)}[]=3&${encodeURIComponent(field)}[a]=4`).join('&') || 'a=1&a=2',
      `${encodeURIComponent(key)}=x&`.repeat(1_000),
      'attribute[a]=xxxxxx&'.repeat(10_000),
      'attribute[a][]=x&attribute[b]=y&'.repeat(2_000),
      `${'a'.repeat(1_000)}[${'['.repeat(5_000)}=1`,
      '&'.repeat(100_000),
      `description=${'x'.repeat(500_000)}`,
    ];
    for (const session of [null, sessions[1]!]) {
      for (const payload of forms) await send('form body', { method: route.method as 'POST', url, headers: { ...(session ?? {}), 'content-type': 'application/x-www-form-urlencoded' }, payload });
    }
  }
}

/** Each query parameter given the wrong type, repeated, repeated 1,000 times. */
async function queryStrings(): Promise<void> {
  for (const route of routes.filter((r) => r.method === 'GET')) {
    const names = route.url.startsWith('/open311/') ? OPEN311_QUERY : Object.keys(schemas.get(`GET ${openApiPath(route.url)}`)?.query ?? {});
    const url = plausiblePath(route.url);
    const headers = sessionFor(route) ?? {};
    for (const name of names.length ? names : ['q']) {
      const n = encodeURIComponent(name);
      for (const value of ['', 'x', '-1', '1.5', '1e999', '2147483648', 'true', 'null', '[]', '{}', '%', `${'9'.repeat(400)}`]) await send('query string', { url: `${url}?${n}=${encodeURIComponent(value)}`, headers });
      for (const qs of [`${n}=1&${n}=2`, `${n}[]=1`, `${n}[a][b]=1`, `${n}=1&`.repeat(1_000)]) await send('query string', { url: `${url}?${qs}`, headers });
    }
  }
}

describe('fuzz', () => {
  it('answers every route (Open311 and the portal too) with random, type-confused, form and query input: no 5xx, no stack trace, nothing slow, /healthz on time', { timeout: 600_000 }, async () => {
    const health = pollHealth();
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    let healthFigures: Awaited<ReturnType<ReturnType<typeof pollHealth>['stop']>>;
    try {
      await randomCases();
      await typeConfusedBodies();
      await formBodies();
      await queryStrings();
    } finally {
      healthFigures = await health.stop();
    }
    const slowEveryTime = await stillSlow();
    for (const slow of slowEveryTime) if (run.bad.length < 20) run.bad.push(slow);
    if (healthFigures.behind.length) console.log(`fuzz: /healthz late while this process ran:\n  ${healthFigures.behind.join('\n  ')}`);
    const seconds = Math.round((performance.now() - started) / 1000);
    const cpuUsed = process.cpuUsage(cpuAtStart);
    const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
    const alive = await t.app.inject({ url: '/healthz' });
    const reached = [...run.statuses].filter(([status]) => status !== 401 && status !== 403).reduce((sum, [, n]) => sum + n, 0);
    const openRoutes = routes.filter((r) => r.url.startsWith('/open311/') || r.url.includes('/portal/')).length;
    console.log(`fuzz: ${[...run.byPart].map(([part, n]) => `${part} ${n}`).join(', ')} in ${seconds} s; status codes ${[...run.statuses].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(' ')}; sessions renewed ${renewals - ROLES.length} times`);
    console.log(`fuzz: slowest answer ${Math.round(run.slowest.ms)} ms: ${run.slowest.what}; /healthz over ${healthFigures.polls} polls: worst ${Math.round(healthFigures.worst)} ms late (${healthFigures.over} over ${HEALTH_MS} ms), its own answer at worst ${Math.round(healthFigures.worstOwn)} ms, the server's part at worst ${Math.round(healthFigures.worstServer)} ms (${healthFigures.serverOver} over ${HEALTH_MS} ms); process CPU ${Math.round(cpuSeconds)} s in ${seconds} s, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`);
    const scenario = 'fuzz (every route)';
    report(
      { scenario, measure: `cases over ${routes.length} routes (${openRoutes} Open311 and portal)`, value: run.cases, expected: '≥ 10000', ok: run.cases >= 10_000 },
      { scenario, measure: 'type-confused JSON / form / query cases', value: `${run.byPart.get('type-confused JSON') ?? 0} / ${run.byPart.get('form body') ?? 0} / ${run.byPart.get('query string') ?? 0}`, ok: true },
      { scenario, measure: 'cases past the access check (not 401/403)', value: reached, expected: '> 25 %', ok: reached > run.cases / 4 },
      { scenario, measure: '5xx answers', value: run.serverErrors, expected: '0', ok: run.serverErrors === 0 },
      { scenario, measure: 'bodies with a stack trace', value: run.stackTraces, expected: '0', ok: run.stackTraces === 0 },
      { scenario, measure: `slowest answer (ms) / answers over ${SLOW_MS} ms`, value: `${Math.round(run.slowest.ms)} / ${run.slowCases.length}`, ok: true },
      { scenario, measure: `answers still over ${SLOW_MS} ms when asked 3 times more`, value: slowEveryTime.length, expected: '0', ok: slowEveryTime.length === 0 },
      { scenario, measure: `/healthz every ${HEALTH_EVERY_MS} ms: polls / worst late / worst own answer (ms)`, value: `${healthFigures.polls} / ${Math.round(healthFigures.worst)} / ${Math.round(healthFigures.worstOwn)}`, ok: healthFigures.failures === 0 },
      { scenario, measure: "/healthz: worst lateness while this process ran (ms)", value: Math.round(healthFigures.worstServer), expected: `≤ ${HEALTH_MS}`, ok: healthFigures.worstServer <= HEALTH_MS && healthFigures.failures === 0 },
      { scenario, measure: 'server alive afterwards', value: alive.statusCode === 200 ? 'yes' : 'no', expected: 'yes', ok: alive.statusCode === 200 },
    );
    expect(run.bad).toEqual([]);
    expect(run.cases).toBeGreaterThanOrEqual(10_000);
    expect(healthFigures.failures).toBe(0);
    expect(healthFigures.worstServer, `/healthz answered ${healthFigures.serverOver} times later than ${HEALTH_MS} ms after it was due while this process ran`).toBeLessThanOrEqual(HEALTH_MS);
    expect(alive.statusCode).toBe(200);
  });
});
