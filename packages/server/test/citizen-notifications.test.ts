/**
 * Fewer messages to citizens (issue 15): each request type says which events send an SMS and
 * which an e-mail, the final answer always goes, and one person's messages about one request
 * leave in the order of its events.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, categories, outbox, requestTypes } from '../src/db/schema.js';
import type { SmsMessage } from '../src/app/outbox.js';
import { dispatchOnce } from '../src/workers/dispatcher.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let agent: Record<string, string>;
let admin: Record<string, string>;
let staff: Record<string, string>;
let staffId: number;
let categoryId: number;

useTestApp(async (started) => {
  t = started;
  agent = await t.signIn('agent');
  admin = await t.signIn('admin');
  staff = await t.signIn('unit_staff');
  staffId = (await t.app.inject({ url: '/api/v1/auth/me', headers: staff })).json().user.id;
  // Su arızası goes to the unit the staff member works in; each test picks the request type.
  categoryId = (await t.database.db.select().from(categories).where(eq(categories.code, 'su-arizasi')))[0]!.id;
});

let phones = 0;
/** A request of this type from a citizen with a phone of their own (and an e-mail when asked). */
async function record(requestType: string, options: { email?: boolean } = {}) {
  const phone = `0532 700 00 ${String(++phones).padStart(2, '0')}`;
  const citizen = { fullName: 'Elif Kaya', phone, ...(options.email ? { email: `elif${phones}@example.org` } : {}) };
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agent, payload: { categoryId, requestType, description: 'Sokakta boru patladı, su akıyor', channel: 'phone', citizen } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; trackingNo: string };
}

/** Assigned, started, a public reply and resolved, as the unit works it. */
async function workThrough(id: number) {
  let version = 1;
  const act = async (body: object) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/actions`, headers: staff, payload: { ...body, version } });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
  };
  await act({ action: 'assign', assigneeId: staffId });
  await act({ action: 'start' });
  await act({ action: 'reply', text: 'Ekibimiz yola çıktı.' });
  await act({ action: 'resolve', text: 'Boru değiştirildi.' });
}

const texts = async (requestId: number, kind: 'sms' | 'email') =>
  (await t.database.db.select({ payload: outbox.payload }).from(outbox).where(and(eq(outbox.requestId, requestId), eq(outbox.kind, kind))).orderBy(outbox.id)).map((m) => (m.payload as { text: string }).text);

const settings = (code: string, body: object, headers = admin) => t.app.inject({ method: 'PATCH', url: `/api/v1/request-types/${code}`, headers, payload: body });

describe('which events tell the citizen', () => {
  it('sends three SMS by default for received, assigned, started, a reply and resolved: received, the reply and the resolution', async () => {
    const request = await record('sikayet');
    await workThrough(request.id);
    const sms = await texts(request.id, 'sms');
    expect(sms).toEqual([expect.stringContaining(`Takip numaranız: ${request.trackingNo}`), expect.stringContaining('Ekibimiz yola çıktı.'), expect.stringContaining('Boru değiştirildi.')]);
    expect(sms.join(' ')).not.toContain('atandı');
    expect(sms.join(' ')).not.toContain('çalışılıyor');
  });

  it("sends the assignment too once an administrator turns it on for the request's type", async () => {
    const res = await settings('talep', { notifications: { sms: ['received', 'assigned', 'reply', 'duplicate'], email: ['received', 'reply', 'duplicate'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().notifications).toEqual({ sms: ['received', 'assigned', 'reply', 'duplicate'], email: ['received', 'reply', 'duplicate'] });
    const request = await record('talep', { email: true });
    await workThrough(request.id);
    const sms = await texts(request.id, 'sms');
    expect(sms).toHaveLength(4);
    expect(sms[1]).toContain('ilgili birime atandı');
    // E-mail was left as it was: no assignment there.
    expect(await texts(request.id, 'email')).toHaveLength(3);
  });

  it('sends no SMS on receipt once SMS is off for received, yet the e-mail and the final answer still go', async () => {
    expect((await settings('oneri', { notifications: { sms: ['reply'], email: ['received', 'reply'] } })).statusCode).toBe(200);
    const request = await record('oneri', { email: true });
    expect(await texts(request.id, 'sms')).toEqual([]);
    expect(await texts(request.id, 'email')).toEqual([expect.stringContaining(request.trackingNo)]);
    // A caller linked to it later is told as a new applicant would be: no SMS either.
    const linked = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${request.id}/followers`, headers: agent, payload: { citizen: { fullName: 'Can Er', phone: '0544 700 00 01' }, channel: 'phone' } });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(await texts(request.id, 'sms')).toEqual([]);
    await workThrough(request.id);
    // The reply and the resolution to the applicant, the resolution to the follower.
    expect(await texts(request.id, 'sms')).toEqual([expect.stringContaining('Ekibimiz yola çıktı.'), expect.stringContaining('Boru değiştirildi.'), expect.stringContaining('Boru değiştirildi.')]);
  });
});

describe('request type settings', () => {
  it('are for administrators only: others are refused and nothing changes', async () => {
    for (const role of ['supervisor', 'unit_head', 'agent', 'auditor'] as const) {
      const headers = await t.signIn(role);
      expect((await t.app.inject({ url: '/api/v1/request-types/settings', headers })).statusCode, role).toBe(403);
      const change = await settings('tesekkur', { publishable: false, notifications: { sms: [], email: [] } }, headers);
      expect(change.statusCode, role).toBe(403);
      expect(change.json().error.code).toBe('forbidden');
    }
    expect((await t.app.inject({ url: '/api/v1/request-types/settings' })).statusCode).toBe(401);
    const [row] = await t.database.db.select().from(requestTypes).where(eq(requestTypes.code, 'tesekkur'));
    expect(row).toMatchObject({ publishable: true, notifySms: ['received', 'reply', 'duplicate'], notifyEmail: ['received', 'reply', 'duplicate'] });
  });

  it('lists every type with its notifications and publication, the defaults for an untouched one', async () => {
    const res = await t.app.inject({ url: '/api/v1/request-types/settings', headers: admin });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string }[];
    expect(items.map((i) => i.code).sort()).toEqual(['bilgi_edinme', 'ihbar', 'kvkk', 'oneri', 'sikayet', 'talep', 'tesekkur']);
    expect(items.find((i) => i.code === 'kvkk')).toMatchObject({ publishable: false, mayPublish: false, notifications: { sms: ['received', 'reply', 'duplicate'], email: ['received', 'reply', 'duplicate'] } });
    expect(items.find((i) => i.code === 'ihbar')).toMatchObject({ publishable: false, mayPublish: true });
  });

  it('refuses to silence the final answer, an unknown event, or publishing KVKK applications, naming the field', async () => {
    const required = await settings('ihbar', { notifications: { sms: ['received', 'resolved'], email: [] } });
    expect(required.statusCode).toBe(400);
    expect(required.json().error.details[0].field).toBe('notifications.sms');
    expect(required.json().error.message).toContain("'resolved' is always sent");
    const unknown = await settings('ihbar', { notifications: { sms: ['teslim'], email: [] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('body.notifications.sms.0');
    const extra = await settings('ihbar', { notifications: { sms: [], email: [], push: [] } });
    expect(extra.statusCode).toBe(400);
    const kvkk = await settings('kvkk', { publishable: true });
    expect(kvkk.statusCode).toBe(400);
    expect(kvkk.json().error.details[0].field).toBe('publishable');
    expect((await settings('yok-boyle', { publishable: false })).statusCode).toBe(404);
    expect((await settings('ihbar', {})).statusCode).toBe(400);
    const [row] = await t.database.db.select().from(requestTypes).where(eq(requestTypes.code, 'kvkk'));
    expect(row!.publishable).toBe(false);
  });

  it('audits each change with the settings before and after', async () => {
    expect((await settings('ihbar', { publishable: true })).statusCode).toBe(200);
    expect((await settings('ihbar', { notifications: { sms: ['reply', 'received', 'reply'], email: [] } })).statusCode).toBe(400);
    const changed = await settings('ihbar', { notifications: { sms: ['reply', 'received'], email: [] } });
    // Kept in the order requests meet the events, whatever order they came in.
    expect(changed.json()).toMatchObject({ publishable: true, notifications: { sms: ['received', 'reply'], email: [] } });
    const entries = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'request_type.update'), eq(auditLog.subjectId, 'ihbar'))).orderBy(auditLog.id);
    const defaults = { sms: ['received', 'reply', 'duplicate'], email: ['received', 'reply', 'duplicate'] };
    expect(entries.map((e) => e.data)).toEqual([
      { before: { publishable: false, notifications: defaults }, after: { publishable: true, notifications: defaults } },
      { before: { publishable: true, notifications: defaults }, after: { publishable: true, notifications: { sms: ['received', 'reply'], email: [] } } },
    ]);
  });
});

describe('messages in order', () => {
  it('does not send a later message about a request while an earlier one to the same person waits for a retry', async () => {
    // Other tests' messages are not this test's concern.
    await t.database.db.execute(sql`update outbox set status = 'sent' where status = 'pending'`);
    const request = await record('sikayet');
    const reply = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${request.id}/actions`, headers: staff, payload: { action: 'reply', text: 'İkinci ileti.' } });
    expect(reply.statusCode, reply.body).toBe(200);
    const sent: string[] = [];
    let failNext = true;
    const sms = {
      async send(message: SmsMessage) {
        if (failNext) {
          failNext = false;
          throw new Error('provider busy');
        }
        sent.push(message.text);
      },
    };
    const senders = { email: null, sms };
    // The first pass claims only the first message, and it fails.
    expect(await dispatchOnce(t.database.db, senders)).toMatchObject({ attempted: 1, failed: 1 });
    // While it waits for its retry, two dispatchers side by side send nothing.
    const passes = await Promise.all([dispatchOnce(t.database.db, senders), dispatchOnce(t.database.db, senders)]);
    expect(passes.map((p) => p.attempted)).toEqual([0, 0]);
    expect(sent).toEqual([]);
    // Its retry comes due: the first goes, and only then the second.
    await t.database.db.execute(sql`update outbox set available_at = now() where request_id = ${request.id} and status = 'pending'`);
    for (let pass = 0; pass < 5 && sent.length < 2; pass++) await dispatchOnce(t.database.db, senders);
    expect(sent).toEqual([expect.stringContaining(`Takip numaranız: ${request.trackingNo}`), expect.stringContaining('İkinci ileti.')]);
  });

  it('lets a message to another person about the same request go while one to someone else waits', async () => {
    await t.database.db.execute(sql`update outbox set status = 'sent' where status = 'pending'`);
    const request = await record('sikayet');
    await t.app.inject({ method: 'POST', url: `/api/v1/requests/${request.id}/followers`, headers: agent, payload: { citizen: { fullName: 'Deniz Ak', phone: '0544 700 00 02' }, channel: 'phone' } });
    const sent: string[] = [];
    const sms = {
      async send(message: SmsMessage) {
        if (message.to !== '905447000002') throw new Error('number unreachable');
        sent.push(message.to);
      },
    };
    const first = await dispatchOnce(t.database.db, { email: null, sms });
    expect(first).toMatchObject({ attempted: 2, sent: 1, failed: 1 });
    expect(sent).toEqual(['905447000002']);
  });
});
