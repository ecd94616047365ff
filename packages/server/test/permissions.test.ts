/**
 * The permission matrix: every route × every role, anonymous, and staff of another unit.
 * Routes come from the running app's own access table (filled by Fastify's onRoute hook), so
 * a route is covered the moment someone registers it; the expected answer comes from its
 * declared `config.access` and PERMISSIONS in packages/domain/src/roles.ts.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, can, type Permission, type Role } from '@cozum/domain';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, categories, districts, neighbourhoods, requests, units } from '../src/db/schema.js';
import { routeAccessTable, type RouteAccess } from '../src/http/access.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
const headers = new Map<Role, Record<string, string>>();
let otherUnit: { staff: Record<string, string>; head: Record<string, string> };
let ownUnit: { staff: Record<string, string>; head: Record<string, string> };
let requestId: number;
const CTI_TOKEN = 'permission-matrix-cti-token';

useTestApp(async (started) => {
  t = started;
  for (const role of ROLES) headers.set(role, await t.signIn(role));
  // Unit roles above belong to saski-su-ariza; the request below is routed there.
  ownUnit = { staff: headers.get('unit_staff')!, head: headers.get('unit_head')! };
  otherUnit = { staff: await t.signIn('unit_staff', { unitCode: 'zabita' }), head: await t.signIn('unit_head', { unitCode: 'zabita' }) };
  const [cat] = await t.database.db.select().from(categories).where(eq(categories.code, 'su-arizasi'));
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: headers.get('agent'), payload: { categoryId: cat!.id, description: 'Vana arızası, su akıyor', channel: 'phone', citizen: { fullName: 'Ayşe Yılmaz', phone: '0532 123 45 67' } } });
  expect(res.statusCode, res.body).toBe(201);
  requestId = res.json().id;
}, { config: { ctiToken: CTI_TOKEN }, timeout: 120_000 });

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

/**
 * Data checks: not only who may call a route, but what each role sees there. The table is
 * written out by hand (not computed from roles.ts), so a change of policy shows up here.
 * full: the citizen's data as entered; masked: `A*** Y***`, `0532 *** ** 67`, `a***@…`;
 * own: only their unit's requests; no-text: requests without the citizen's words; 403: refused.
 */
type Seen = 'full' | 'masked' | 403;
const SEES: Record<Role, { detail: Seen; list: 'all' | 'own' | 403; duplicates: 'all' | 'own' | 'no-text' | 403; screenPop: Seen; callbacks: Seen; contacts: Seen; agents: Seen; audit: 'clean' | 403 }> = {
  admin: { detail: 'full', list: 'all', duplicates: 'all', screenPop: 'full', callbacks: 'full', contacts: 'full', agents: 'full', audit: 'clean' },
  supervisor: { detail: 'full', list: 'all', duplicates: 'all', screenPop: 'full', callbacks: 'full', contacts: 'full', agents: 'full', audit: 403 },
  agent: { detail: 'full', list: 'all', duplicates: 'all', screenPop: 'full', callbacks: 'full', contacts: 403, agents: 'full', audit: 403 },
  unit_head: { detail: 'full', list: 'own', duplicates: 'own', screenPop: 403, callbacks: 403, contacts: 403, agents: 403, audit: 403 },
  unit_staff: { detail: 'full', list: 'own', duplicates: 'own', screenPop: 403, callbacks: 403, contacts: 403, agents: 403, audit: 403 },
  field_staff: { detail: 403, list: 403, duplicates: 'no-text', screenPop: 'masked', callbacks: 403, contacts: 403, agents: 'masked', audit: 403 },
  auditor: { detail: 'masked', list: 'all', duplicates: 403, screenPop: 403, callbacks: 403, contacts: 'masked', agents: 'masked', audit: 'clean' },
};

const PERSON = { fullName: 'Ayşe Yılmaz', phone: '905321234567', email: 'ayse.yilmaz@example.org', tcKimlikNo: '10000000146' };
const PLACE = 'Kurupelit Mahallesi 12. Sokak No 5';
const MASKED = { fullName: 'A*** Y***', phone: '0532 *** ** 67', email: 'a***@example.org', tcKimlikNo: '100******46', address: 'Kurupelit ***' };

/** 'full' when every value is as entered, 'masked' when every one is in its masked form. */
function seen(values: Record<string, unknown>, label: string): 'full' | 'masked' {
  const keys = (Object.keys(values) as (keyof typeof MASKED)[]).filter((k) => k in MASKED);
  expect(keys.length, label).toBeGreaterThan(1);
  const full = { ...PERSON, address: PLACE };
  if (keys.every((k) => values[k] === full[k])) return 'full';
  if (keys.every((k) => values[k] === MASKED[k])) return 'masked';
  throw new Error(`${label}: neither full nor masked: ${JSON.stringify(values)}`);
}

describe('what each role sees (data checks)', () => {
  const ids = { own: 0, other: 0, resolved: 0, ownNo: '', otherNo: '', neighbourhood: 0 };
  const description = 'Körfez sokakta ana boru patladı, su yola akıyor';

  beforeAll(async () => {
    const db = t.database.db;
    const [cat] = await db.select().from(categories).where(eq(categories.code, 'su-arizasi'));
    const [atakum] = await db.select().from(districts).where(eq(districts.name, 'Atakum'));
    const [korfez] = await db.select().from(neighbourhoods).where(and(eq(neighbourhoods.name, 'Körfez'), eq(neighbourhoods.districtId, atakum!.id)));
    ids.neighbourhood = korfez!.id;
    const create = async (text: string) => {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/requests', headers: headers.get('agent'),
        payload: { categoryId: cat!.id, description: text, channel: 'phone', districtId: atakum!.id, neighbourhoodId: korfez!.id, address: PLACE, citizen: { ...PERSON, phone: '0532 123 45 67' } },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: number; trackingNo: string };
    };
    const own = await create(description);
    const other = await create(`${description}, kaldırım da çöktü`);
    const resolved = await create('Sayaç arızası giderildi mi');
    Object.assign(ids, { own: own.id, ownNo: own.trackingNo, other: other.id, otherNo: other.trackingNo, resolved: resolved.id });
    // The second moves to another unit, as a supervisor would transfer it.
    const [zabita] = await db.select().from(units).where(eq(units.code, 'zabita'));
    const moved = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${other.id}/actions`, headers: headers.get('admin'), payload: { action: 'transfer', version: 1, unitId: zabita!.id, reason: 'Kaldırım zabıtanın işi' } });
    expect(moved.statusCode, moved.body).toBe(200);
    // The third was solved an hour ago and not rated: it is on the call-back list.
    await db.update(requests).set({ status: 'resolved', resolvedAt: new Date(Date.now() - 3600_000), resolution: 'Sayaç değiştirildi' }).where(eq(requests.id, resolved.id));
    const contact = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: headers.get('agent'), payload: { channel: 'phone', callerNumber: '0532 123 45 67', outcome: 'other', notes: 'Sayacı sordu' } });
    expect(contact.statusCode, contact.body).toBe(201);
    // An agent on a call from the same number, as the PBX reports it: the agents list shows the line.
    await t.signIn('agent', { username: 'matrix-agent' });
    const cti = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/cti/events', headers: { authorization: `Bearer ${CTI_TOKEN}` }, payload });
    const at = (seconds: number) => new Date(Date.now() - 60_000 + seconds * 1000).toISOString();
    for (const event of [
      { event: 'agent.state', agent: 'SIP/matrix-agent', state: 'available', at: at(0) },
      { event: 'call.new', callId: 'matrix-call-1', at: at(1), queue: 'alo153', callerNumber: '05321234567' },
      { event: 'call.answered', callId: 'matrix-call-1', at: at(2), agent: 'SIP/matrix-agent' },
    ]) expect((await cti(event)).statusCode).toBeLessThan(300);
  });

  const get = async (role: Role, url: string) => (await call('GET', url, headers.get(role))) as LightMyRequestResponse;

  it.each(ROLES)('%s: the request detail and list', async (role) => {
    const expected = SEES[role];
    const detail = await get(role, `/api/v1/requests/${ids.own}`);
    if (expected.detail === 403) expect(detail.statusCode).toBe(403);
    else {
      expect(detail.statusCode, detail.body).toBe(200);
      const body = detail.json();
      expect(seen({ ...body.citizen, address: body.address }, `${role} detail`)).toBe(expected.detail);
      const sms = body.messages.find((m: { kind: string }) => m.kind === 'sms');
      expect(sms.to).toBe(expected.detail === 'full' ? PERSON.phone : MASKED.phone);
    }
    const list = await get(role, `/api/v1/requests?q=${encodeURIComponent('boru patladı')}&pageSize=50`);
    if (expected.list === 403) expect(list.statusCode).toBe(403);
    else {
      expect(list.statusCode, list.body).toBe(200);
      const numbers = list.json().items.map((i: { trackingNo: string }) => i.trackingNo);
      expect(numbers).toContain(ids.ownNo);
      expect(numbers.includes(ids.otherNo), `${role} sees another unit's request in the list`).toBe(expected.list === 'all');
    }
  });

  it.each(ROLES)('%s: possible duplicates at intake', async (role) => {
    const expected = SEES[role].duplicates;
    const res = await get(role, `/api/v1/requests/duplicates?categoryId=${(await t.database.db.select().from(requests).where(eq(requests.id, ids.own)))[0]!.categoryId}&neighbourhoodId=${ids.neighbourhood}&description=${encodeURIComponent('boru patladı su akıyor')}`);
    if (expected === 403) return expect(res.statusCode).toBe(403);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { trackingNo: string; description: string | null }[];
    const numbers = items.map((i) => i.trackingNo);
    expect(numbers).toContain(ids.ownNo);
    expect(numbers.includes(ids.otherNo), `${role} is offered another unit's request`).toBe(expected !== 'own');
    const mine = items.find((i) => i.trackingNo === ids.ownNo)!;
    expect(mine.description).toBe(expected === 'no-text' ? null : description);
  });

  it.each(ROLES)('%s: caller screen-pop, call-back list, contacts, agents on calls and the audit log', async (role) => {
    const expected = SEES[role];
    const pop = await get(role, '/api/v1/callers/05321234567');
    if (expected.screenPop === 403) expect(pop.statusCode).toBe(403);
    else {
      expect(pop.statusCode, pop.body).toBe(200);
      const person = pop.json().citizens.find((c: { email: string | null }) => c.email !== null);
      expect(seen({ fullName: person.fullName, phone: person.phone, email: person.email }, `${role} screen-pop`)).toBe(expected.screenPop);
    }
    const callbacks = await get(role, '/api/v1/surveys/callbacks?afterDays=0');
    if (expected.callbacks === 403) expect(callbacks.statusCode).toBe(403);
    else {
      expect(callbacks.statusCode, callbacks.body).toBe(200);
      const item = callbacks.json().items.find((i: { requestId: number }) => i.requestId === ids.resolved);
      expect(seen({ fullName: item.fullName, phone: item.phone }, `${role} call-backs`)).toBe(expected.callbacks);
      // The list of names and numbers is logged with the address it was opened from.
      const [logged] = await t.database.db.select().from(auditLog).where(eq(auditLog.purpose, 'satisfaction survey call-back list')).orderBy(desc(auditLog.id)).limit(1);
      expect(logged!.ip).toBe('127.0.0.1');
    }
    const contacts = await get(role, '/api/v1/contacts');
    if (expected.contacts === 403) expect(contacts.statusCode).toBe(403);
    else {
      expect(contacts.statusCode, contacts.body).toBe(200);
      const numbers = contacts.json().items.map((c: { callerNumber: string | null }) => c.callerNumber).filter(Boolean);
      expect(numbers.length).toBeGreaterThan(0);
      expect(numbers.every((n: string) => n === (expected.contacts === 'full' ? PERSON.phone : MASKED.phone))).toBe(true);
    }
    const agents = await get(role, '/api/v1/agents');
    if (expected.agents === 403) expect(agents.statusCode).toBe(403);
    else {
      expect(agents.statusCode, agents.body).toBe(200);
      const line = agents.json().items.find((a: { agent: string }) => a.agent === 'matrix-agent');
      expect(line.currentCall.callerNumber).toBe(expected.agents === 'full' ? PERSON.phone : MASKED.phone);
    }
    const audit = await get(role, '/api/v1/audit?limit=500');
    if (expected.audit === 403) expect(audit.statusCode).toBe(403);
    else {
      expect(audit.statusCode, audit.body).toBe(200);
      // The log says who looked at whom by id; it repeats no one's name, number or e-mail.
      for (const value of [PERSON.fullName, PERSON.phone, PERSON.email, PERSON.tcKimlikNo, '5321234567']) expect(audit.body).not.toContain(value);
    }
  });

  it("answers the same for another unit's tracking number as for one that does not exist, and links neither", async () => {
    const version = (await get('admin', `/api/v1/requests/${ids.own}`)).json().version;
    const mark = (parentTrackingNo: string) => call('POST', `/api/v1/requests/${ids.own}/actions`, ownUnit.staff, { action: 'mark_duplicate', version, parentTrackingNo, reason: 'Aynı arıza' }) as Promise<LightMyRequestResponse>;
    const theirs = await mark(ids.otherNo);
    const missing = await mark('2099-9999999');
    expect(theirs.statusCode, theirs.body).toBe(400);
    expect(missing.statusCode).toBe(400);
    expect(theirs.json().error.code).toBe(missing.json().error.code);
    expect(theirs.body.replaceAll(ids.otherNo, 'N')).toBe(missing.body.replaceAll('2099-9999999', 'N'));
    const [row] = await t.database.db.select().from(requests).where(eq(requests.id, ids.own));
    expect(row).toMatchObject({ status: 'new', parentId: null });
    // Another unit's staff are offered only their unit's request as a duplicate.
    const res = (await call('GET', `/api/v1/requests/duplicates?categoryId=${row!.categoryId}&neighbourhoodId=${ids.neighbourhood}&description=${encodeURIComponent('boru patladı')}`, otherUnit.staff)) as LightMyRequestResponse;
    expect(res.json().items.map((i: { trackingNo: string }) => i.trackingNo)).toEqual([ids.otherNo]);
  });
});
