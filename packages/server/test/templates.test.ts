import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, categories, messageTemplates, outbox, responseTemplates } from '../src/db/schema.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let admin: Record<string, string>;
useTestApp(async (started) => {
  t = started;
  admin = await t.signIn('admin');
});

describe('templates', () => {
  it("uses an admin's edited citizen message for the next request, in the citizen's language", async () => {
    const [cat] = await t.database.db.select().from(categories).where(eq(categories.code, 'cop-toplama'));
    const intake = async () => (await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: admin, payload: { categoryId: cat!.id, description: 'Garbage was not collected', channel: 'web', citizen: { fullName: 'John Smith', phone: '+44 20 7946 0958', locale: 'en' } } })).json();
    const smsOf = async (requestId: number) => (await t.database.db.select().from(outbox).where(and(eq(outbox.requestId, requestId), eq(outbox.kind, 'sms'))))[0]!.payload as { text: string };
    // A request before the edit gets the default text (and the server now holds the templates in memory).
    const before = await intake();
    expect((await smsOf(before.id)).text).toContain(`Your tracking number is ${before.trackingNo}`);
    const saved = await t.app.inject({ method: 'PUT', url: '/api/v1/message-templates', headers: admin, payload: { key: 'request.created', locale: 'en', channel: 'sms', body: 'Samsun 153: request {trackingNo} received ({category}).' } });
    expect(saved.statusCode).toBe(204);
    const list = (await t.app.inject({ url: '/api/v1/message-templates', headers: admin })).json().items;
    expect(list.find((m: { key: string; locale: string; channel: string }) => m.key === 'request.created' && m.locale === 'en' && m.channel === 'sms')).toMatchObject({ edited: true });
    const created = await intake();
    expect((await smsOf(created.id)).text).toBe(`Samsun 153: request ${created.trackingNo} received (${cat!.nameEn}).`);
  });

  it('refuses a template with an unknown placeholder, listing the allowed ones', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/message-templates', headers: admin, payload: { key: 'request.created', locale: 'tr', channel: 'sms', body: 'Sayın {adSoyad}, başvurunuz alındı.' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('{adSoyad}');
    expect(res.json().error.message).toContain('{trackingNo}');
  });

  it('offers reply templates of a category, its parent and general ones', async () => {
    const [leaf] = await t.database.db.select().from(categories).where(eq(categories.code, 'yol-cukur'));
    const [other] = await t.database.db.select().from(categories).where(eq(categories.code, 'gurultu'));
    const make = (categoryId: number | null, name: string) => t.app.inject({ method: 'POST', url: '/api/v1/response-templates', headers: admin, payload: { categoryId, name, bodyTr: 'Sayın {citizenName}, {trackingNo} numaralı başvurunuz için ekibimiz yönlendirildi.' } });
    expect((await make(leaf!.id, 'Çukur onarımı')).statusCode).toBe(201);
    await make(leaf!.parentId, 'Yol genel');
    await make(null, 'Genel teşekkür');
    await make(other!.id, 'Gürültü');
    const names = (await t.app.inject({ url: `/api/v1/response-templates?categoryId=${leaf!.id}`, headers: admin })).json().items.map((x: { name: string }) => x.name);
    expect(names.sort()).toEqual(['Genel teşekkür', 'Yol genel', 'Çukur onarımı'].sort());
  });

  it('lets only administrators change what citizens receive: a unit head is refused and nothing changes', async () => {
    const head = await t.signIn('unit_head');
    const phishing = { key: 'request.resolved', locale: 'tr', channel: 'sms', body: '{trackingNo} çözüldü. Ödeme için: http://samsun-153.example.com/ode' };
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/message-templates', headers: head, payload: phishing });
    expect(put.statusCode).toBe(403);
    expect(put.json().error.code).toBe('forbidden');
    expect(await t.database.db.select().from(messageTemplates).where(eq(messageTemplates.key, 'request.resolved'))).toEqual([]);
    const [template] = await t.database.db.insert(responseTemplates).values({ name: 'Genel', bodyTr: 'Başvurunuz {trackingNo} için teşekkürler.' }).returning();
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/response-templates/${template!.id}`, headers: head, payload: { bodyTr: 'Bağlantıya tıklayın: http://example.com' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/response-templates', headers: head, payload: { name: 'Yeni', bodyTr: 'Metin' } })).statusCode).toBe(403);
    expect((await t.database.db.select().from(responseTemplates).where(eq(responseTemplates.id, template!.id)))[0]!.bodyTr).toBe('Başvurunuz {trackingNo} için teşekkürler.');
    // Unit staff still read reply templates to answer with.
    expect((await t.app.inject({ url: '/api/v1/response-templates', headers: head })).statusCode).toBe(200);
  });

  it('audits every change with the text before and after', async () => {
    const first = { key: 'request.rejected', locale: 'tr', channel: 'email', subject: 'Başvurunuz {trackingNo}', body: 'Başvurunuz {trackingNo} işleme alınamadı. {text}' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/message-templates', headers: admin, payload: first })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/message-templates', headers: admin, payload: { ...first, body: 'Üzgünüz: {trackingNo}. {text}' } })).statusCode).toBe(204);
    const entries = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'message_template.update'), eq(auditLog.subjectId, 'request.rejected/tr/email'))).orderBy(auditLog.id);
    expect(entries.map((e) => e.data)).toEqual([
      { before: { subject: 'Başvurunuz hakkında: {trackingNo}', body: '{trackingNo} numaralı başvurunuz işleme alınamadı: {text}', edited: false }, after: { subject: 'Başvurunuz {trackingNo}', body: 'Başvurunuz {trackingNo} işleme alınamadı. {text}' } },
      { before: { subject: 'Başvurunuz {trackingNo}', body: 'Başvurunuz {trackingNo} işleme alınamadı. {text}', edited: true }, after: { subject: 'Başvurunuz {trackingNo}', body: 'Üzgünüz: {trackingNo}. {text}' } },
    ]);

    const created = await t.app.inject({ method: 'POST', url: '/api/v1/response-templates', headers: admin, payload: { name: 'Onarım', bodyTr: 'Onarıldı: {trackingNo}' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/response-templates/${id}`, headers: admin, payload: { bodyTr: 'Ekibimiz onardı: {trackingNo}' } })).statusCode).toBe(200);
    const changes = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'response_template'), eq(auditLog.subjectId, String(id)))).orderBy(auditLog.id);
    expect(changes.map((e) => [e.action, (e.data as { before: { bodyTr: string } | null }).before?.bodyTr ?? null, (e.data as { after: { bodyTr: string } }).after.bodyTr])).toEqual([
      ['response_template.create', null, 'Onarıldı: {trackingNo}'],
      ['response_template.update', 'Onarıldı: {trackingNo}', 'Ekibimiz onardı: {trackingNo}'],
    ]);
    // Auditors read it in the audit log.
    const auditor = await t.signIn('auditor');
    const found = (await t.app.inject({ url: '/api/v1/audit?action=message_template.update&subjectId=request.rejected/tr/email', headers: auditor })).json().items;
    expect(found[0].data.after.body).toBe('Üzgünüz: {trackingNo}. {text}');
  });

  it('previews a message with sample values before saving, and saves nothing', async () => {
    const draft = { key: 'request.created', locale: 'tr', channel: 'email', subject: 'Alındı: {trackingNo}', body: 'Başvurunuz ({category}) alındı: {trackingNo}' };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/message-templates/preview', headers: admin, payload: draft });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ subject: 'Alındı: 2026-0001234', body: 'Başvurunuz (Su arızası) alındı: 2026-0001234', characters: 44 });
    expect(await t.database.db.select().from(messageTemplates).where(and(eq(messageTemplates.key, 'request.created'), eq(messageTemplates.locale, 'tr')))).toEqual([]);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/message-templates/preview', headers: admin, payload: { ...draft, body: 'Sayın {adSoyad}' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/message-templates/preview', headers: await t.signIn('unit_head'), payload: draft })).statusCode).toBe(403);
  });
});
