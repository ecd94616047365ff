/**
 * KVKK as a user meets it: lists masked, the full record only with a purpose (and logged),
 * consents, the data-subject export in JSON and PDF, anonymisation that keeps the requests,
 * and the retention policy with its log of runs.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, categories, citizens, contacts, outbox, requests, retentionRuns } from '../src/db/schema.js';
import { runRetention } from '../src/app/privacy/retention.js';
import { refusal } from './database-refusal.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let admin: Record<string, string>;
let agent: Record<string, string>;
let auditor: Record<string, string>;
let categoryId: number;

useTestApp(async (started) => {
  t = started;
  admin = await t.signIn('admin', { username: 'kvkk-admin' });
  agent = await t.signIn('agent');
  auditor = await t.signIn('auditor');
  categoryId = (await t.database.db.select().from(categories).where(eq(categories.code, 'su-arizasi')))[0]!.id;
}, { timeout: 120_000 });

/** A valid TC kimlik no for each n (checksum digits computed). */
function tcKimlikNo(n: number): string {
  const d = String(100000000 + n).slice(0, 9).split('').map(Number);
  const d10 = (((d[0]! + d[2]! + d[4]! + d[6]! + d[8]!) * 7 - (d[1]! + d[3]! + d[5]! + d[7]!)) % 10 + 10) % 10;
  const d11 = (d.reduce((a, b) => a + b, 0) + d10) % 10;
  return `${d.join('')}${d10}${d11}`;
}

let phoneCounter = 1000;
async function citizenWithRequest(extra: { description?: string } = {}) {
  const phone = `0532 555 ${String(++phoneCounter).slice(0, 2)} ${String(phoneCounter).slice(2, 4)}`;
  const tc = tcKimlikNo(phoneCounter);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: agent,
    payload: { categoryId, channel: 'phone', description: extra.description ?? 'Sokakta su borusu patladı', address: 'Kurupelit Mah. Deniz Sok. No: 4', citizen: { fullName: 'Zeynep Kaya', phone, tcKimlikNo: tc, email: `zeynep${phoneCounter}@example.org`, address: 'Kurupelit Mah. Deniz Sok. No: 4' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  const request = res.json();
  const [row] = await t.database.db.select({ citizenId: requests.citizenId }).from(requests).where(eq(requests.id, request.id));
  return { request, citizenId: row!.citizenId!, tc };
}

describe('masking and purposeful viewing', () => {
  it('lists citizens masked, and opens the full record only with a purpose that the audit log keeps', async () => {
    const { citizenId, tc } = await citizenWithRequest();
    const list = await t.app.inject({ url: '/api/v1/citizens?q=Zeynep', headers: agent });
    expect(list.statusCode).toBe(200);
    const found = list.json().items.find((c: { id: number }) => c.id === citizenId);
    expect(found).toMatchObject({ fullName: 'Z*** K***', tcKimlikNo: `${tc.slice(0, 3)}******${tc.slice(-2)}`, address: 'Kurupelit ***' });
    expect(found.phone).toMatch(/^0532 \*\*\* \*\* \d\d$/);
    expect(found.email).toMatch(/^z\*\*\*@example\.org$/);

    const noPurpose = await t.app.inject({ method: 'POST', url: `/api/v1/citizens/${citizenId}/views`, headers: agent, payload: {} });
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().error.message).toContain('purpose');

    const full = await t.app.inject({ method: 'POST', url: `/api/v1/citizens/${citizenId}/views`, headers: agent, payload: { purpose: 'Geri arama, başvuru takibi' } });
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({ fullName: 'Zeynep Kaya', tcKimlikNo: tc });
    const logged = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'personal_data.view'), eq(auditLog.subjectId, String(citizenId)), eq(auditLog.purpose, 'Geri arama, başvuru takibi')));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.actorName).toMatch(/^agent-/);
  });

  it('writes no view from a link: the purpose comes only in a POST body with the CSRF header, under a SameSite=Strict cookie', async () => {
    const { citizenId } = await citizenWithRequest();
    const planted = 'Bu kaydı ben açmadım: başka siteden gelen bağlantı';
    const countViews = async () => (await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'personal_data.view'), eq(auditLog.subjectId, String(citizenId))))).length;
    const before = await countViews();
    // What a link on another site makes the browser send: a GET with the purpose in the URL.
    const link = await t.app.inject({ url: `/api/v1/citizens/${citizenId}?purpose=${encodeURIComponent(planted)}`, headers: { cookie: agent.cookie! } });
    expect(link.statusCode).toBe(404);
    // A cross-site form can POST, but cannot add the CSRF header.
    const form = await t.app.inject({ method: 'POST', url: `/api/v1/citizens/${citizenId}/views`, headers: { cookie: agent.cookie! }, payload: { purpose: planted } });
    expect(form.statusCode).toBe(403);
    expect(form.json().error.code).toBe('csrf_required');
    expect(await countViews()).toBe(before);
    // The export, likewise: a link to it is no export, and so no entry.
    const exportLink = await t.app.inject({ url: `/api/v1/privacy/citizens/${citizenId}/export?purpose=${encodeURIComponent(planted)}`, headers: { cookie: admin.cookie! } });
    expect(exportLink.statusCode).toBe(404);
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.purpose, planted))).toEqual([]);

    await t.signIn('agent', { username: 'kvkk-strict' });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kvkk-strict', password: 'correct-horse-battery' } });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.cookies.find((c) => c.name === 'cozum_session')!.sameSite).toBe('Strict');
  });

  it('does not let auditors or unit staff search citizens', async () => {
    expect((await t.app.inject({ url: '/api/v1/citizens?q=Zeynep', headers: auditor })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/citizens?q=Zeynep', headers: await t.signIn('unit_staff') })).statusCode).toBe(403);
  });
});

describe('consents', () => {
  it('records the privacy notice and a consent, and lists them in order', async () => {
    const { citizenId } = await citizenWithRequest();
    for (const purpose of ['privacy_notice', 'sms']) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/citizens/${citizenId}/consents`, headers: agent, payload: { purpose, noticeVersion: '2026-01', channel: 'phone' } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/citizens/${citizenId}/consents`, headers: agent, payload: { purpose: 'marketing', noticeVersion: '2026-01', channel: 'phone' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toContain('purpose');
    const list = (await t.app.inject({ url: `/api/v1/citizens/${citizenId}/consents`, headers: agent })).json();
    expect(list.items.map((c: { purpose: string }) => c.purpose)).toEqual(['privacy_notice', 'sms']);
    const [c] = await t.database.db.select().from(citizens).where(eq(citizens.id, citizenId));
    expect(c!.consentNoticeVersion).toBe('2026-01');
  });
});

describe('data-subject requests (KVKK art. 11)', () => {
  it('exports everything held about a person as JSON, logged with its purpose', async () => {
    const { citizenId, request, tc } = await citizenWithRequest();
    await t.app.inject({ method: 'POST', url: `/api/v1/citizens/${citizenId}/views`, headers: agent, payload: { purpose: 'Başvuru sahibini aramak' } });
    const noPurpose = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/citizens/${citizenId}/export`, headers: admin, payload: {} });
    expect(noPurpose.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/citizens/${citizenId}/export`, headers: admin, payload: { purpose: 'KVKK başvurusu: bilgi talebi' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain(`kisisel-veri-${citizenId}`);
    const data = res.json();
    expect(data.citizen).toMatchObject({ fullName: 'Zeynep Kaya', tcKimlikNo: tc, address: 'Kurupelit Mah. Deniz Sok. No: 4' });
    expect(data.requests.map((r: { trackingNo: string }) => r.trackingNo)).toContain(request.trackingNo);
    expect(data.messages.some((m: { kind: string }) => m.kind === 'sms')).toBe(true);
    expect(data.accessLog.some((a: { purpose: string }) => a.purpose === 'Başvuru sahibini aramak')).toBe(true);
    const logged = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'personal_data.export'), eq(auditLog.subjectId, String(citizenId))));
    expect(logged).toMatchObject([{ actorName: 'kvkk-admin', purpose: 'KVKK başvurusu: bilgi talebi' }]);
  });

  it('exports the same as a PDF', async () => {
    const { citizenId } = await citizenWithRequest();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/citizens/${citizenId}/export`, headers: admin, payload: { format: 'pdf', purpose: 'KVKK başvurusu: döküm' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(1500);
  });

  it('anonymises a person: personal fields gone, requests kept, pending messages stopped, all in the audit log', async () => {
    const { citizenId, request } = await citizenWithRequest({ description: 'Beni 0532 999 88 77 numarasından arayın, su yok' });
    await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: agent, payload: { channel: 'phone', outcome: 'information_given', callerNumber: '05329998877', citizenId, notes: 'Zeynep Hanım aradı' } });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/citizens/${citizenId}/anonymise`, headers: admin, payload: { reason: 'KVKK başvurusu: silme talebi', trackingNo: request.trackingNo } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ citizens: 1, requests: 1 });

    const [c] = await t.database.db.select().from(citizens).where(eq(citizens.id, citizenId));
    expect(c).toMatchObject({ fullName: null, phone: null, tcKimlikNo: null, email: null, address: null });
    expect(c!.anonymisedAt).not.toBeNull();
    const [r] = await t.database.db.select().from(requests).where(eq(requests.id, request.id));
    expect(r).toMatchObject({ citizenId, address: null, description: 'Beni [telefon] numarasından arayın, su yok', trackingNo: request.trackingNo });
    const calls = await t.database.db.select().from(contacts).where(eq(contacts.citizenId, citizenId));
    expect(calls.every((k) => k.callerNumber === null && k.notes === null)).toBe(true);
    const messages = await t.database.db.select().from(outbox).where(eq(outbox.requestId, request.id));
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => JSON.stringify(m.payload) === '{"anonymised":true}' && m.status !== 'pending')).toBe(true);
    const logged = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'personal_data.anonymise'), eq(auditLog.subjectId, String(citizenId))));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.purpose).toBe('KVKK başvurusu: silme talebi');

    const again = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/citizens/${citizenId}/anonymise`, headers: admin, payload: { reason: 'KVKK başvurusu: silme talebi' } });
    expect(again.statusCode).toBe(409);
    const badTracking = await citizenWithRequest();
    const wrong = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/citizens/${badTracking.citizenId}/anonymise`, headers: admin, payload: { reason: 'KVKK başvurusu', trackingNo: '2020-9999999' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('trackingNo');
  });

  it('lets only administrators export or anonymise', async () => {
    const { citizenId } = await citizenWithRequest();
    for (const role of ['supervisor', 'agent', 'auditor', 'unit_head'] as const) {
      const h = await t.signIn(role);
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/privacy/citizens/${citizenId}/export`, headers: h, payload: { purpose: 'deneme amaç' } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/privacy/citizens/${citizenId}/anonymise`, headers: h, payload: { reason: 'deneme amaç' } })).statusCode).toBe(403);
    }
  });
});

describe('retention', () => {
  it('anonymises what is older than the policy, leaves the rest, and logs each run', async () => {
    const old = await citizenWithRequest();
    const recent = await citizenWithRequest();
    const db = t.database.db;
    const longAgo = new Date(Date.now() - 12 * 365 * 86_400_000);
    await db.update(citizens).set({ updatedAt: longAgo, createdAt: longAgo }).where(eq(citizens.id, old.citizenId));
    await db.update(requests).set({ status: 'closed', updatedAt: longAgo, createdAt: longAgo }).where(eq(requests.id, old.request.id));
    await db.update(outbox).set({ status: 'sent', createdAt: longAgo }).where(eq(outbox.requestId, old.request.id));

    const policy = await t.app.inject({ method: 'PUT', url: '/api/v1/privacy/retention/policy', headers: admin, payload: { citizens: 10, contacts: 0 } });
    expect(policy.statusCode).toBe(400);
    expect(policy.json().error.details[0].field).toContain('contacts');

    const dry = await t.app.inject({ method: 'POST', url: '/api/v1/privacy/retention/runs', headers: admin, payload: { dryRun: true } });
    expect(dry.statusCode, dry.body).toBe(201);
    expect(dry.json().counts.citizens).toBeGreaterThanOrEqual(1);
    expect((await db.select().from(citizens).where(eq(citizens.id, old.citizenId)))[0]!.phone).not.toBeNull();

    const real = await t.app.inject({ method: 'POST', url: '/api/v1/privacy/retention/runs', headers: admin, payload: { dryRun: false } });
    expect(real.statusCode).toBe(201);
    expect(real.json()).toMatchObject({ dryRun: false, trigger: 'api', policy: { citizens: 10 } });
    expect((await db.select().from(citizens).where(eq(citizens.id, old.citizenId)))[0]!.phone).toBeNull();
    expect((await db.select().from(citizens).where(eq(citizens.id, recent.citizenId)))[0]!.phone).not.toBeNull();
    const oldMessages = await db.select().from(outbox).where(eq(outbox.requestId, old.request.id));
    expect(oldMessages.every((m) => (m.payload as { anonymised?: boolean }).anonymised)).toBe(true);

    const overview = (await t.app.inject({ url: '/api/v1/privacy/retention', headers: admin })).json();
    expect(overview.runs.slice(0, 2).map((r: { dryRun: boolean }) => r.dryRun)).toEqual([false, true]);
    expect(overview.intervalDays).toBe(30);
  });

  it('runs on schedule only when the interval has passed', async () => {
    const db = t.database.db;
    await db.transaction((tx) => runRetention(tx, { now: new Date(), dryRun: false, trigger: 'cli', actor: null }));
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(retentionRuns))[0]!.n;
    const { applyRetentionWhenDue } = await import('../src/app/privacy/retention.js');
    expect(await applyRetentionWhenDue(db, new Date(), 30)).toBeNull();
    const later = await applyRetentionWhenDue(db, new Date(Date.now() + 31 * 86_400_000), 30);
    expect(later).toMatchObject({ trigger: 'schedule', dryRun: false });
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(retentionRuns))[0]!.n).toBe(before + 1);
  });

  it('keeps the log of runs: the database refuses to change or delete it', async () => {
    const db = t.database.db;
    await db.transaction((tx) => runRetention(tx, { now: new Date(), dryRun: true, trigger: 'cli', actor: null }));
    expect(await refusal(db.execute(sql`update retention_runs set dry_run = true`))).toContain('retention_runs is append-only: UPDATE refused');
    expect(await refusal(db.execute(sql`delete from retention_runs`))).toContain('retention_runs is append-only: DELETE refused');
  });
});
