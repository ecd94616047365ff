import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, categories, kbArticles } from '../src/db/schema.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let agent: Record<string, string>;
useTestApp(async (started) => {
  t = started;
  agent = await t.signIn('agent');
});

describe('contacts', () => {
  it("pops the caller's identity, earlier contacts and requests, and logs the view", async () => {
    const [cat] = await t.database.db.select().from(categories).where(eq(categories.code, 'su-kesintisi'));
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agent, payload: { categoryId: cat!.id, description: 'Mahallede iki gündür su yok', channel: 'phone', citizen: { fullName: 'Hasan Demir', phone: '0533 444 55 66' } } })).json();
    const recorded = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: agent, payload: { channel: 'phone', callerNumber: '05334445566', outcome: 'request_created', requestId: created.id } });
    expect(recorded.statusCode).toBe(201);
    const pop = await t.app.inject({ url: `/api/v1/callers/${encodeURIComponent('+90 533 444 55 66')}`, headers: agent });
    expect(pop.statusCode).toBe(200);
    expect(pop.json()).toMatchObject({ phone: '905334445566', citizens: [{ fullName: 'Hasan Demir' }], requests: [{ trackingNo: created.trackingNo, status: 'new' }], contacts: [{ outcome: 'request_created', requestId: created.id }] });
    const logged = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'personal_data.view'), eq(auditLog.purpose, 'caller screen-pop')));
    expect(logged.length).toBeGreaterThan(0);
  });

  it('closes a contact as information given from an article and counts the article', async () => {
    const [article] = await t.database.db.insert(kbArticles).values({ titleTr: 'Su kesintisi duyuruları', bodyTr: 'Planlı kesintiler SASKİ sitesinde duyurulur.' }).returning();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: agent, payload: { channel: 'phone', callerNumber: '0532 000 11 22', outcome: 'information_given', kbArticleId: article!.id } });
    expect(res.statusCode).toBe(201);
    const [after] = await t.database.db.select().from(kbArticles).where(eq(kbArticles.id, article!.id));
    expect(after!.useCount).toBe(1);
  });

  it('refuses information given with neither article nor notes, and a bad number, naming the field', async () => {
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: agent, payload: { channel: 'phone', outcome: 'information_given' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].field).toBe('kbArticleId');
    const bad = await t.app.inject({ url: '/api/v1/callers/abc', headers: agent });
    expect(bad.statusCode).toBe(400);
  });
});
