import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { categories, outbox } from '../src/db/schema.js';
import { startTestApp, type TestContext } from './harness.js';

let t: TestContext;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

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
});
