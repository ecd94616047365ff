import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, kbArticles, units } from '../src/db/schema.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let supervisor: Record<string, string>;
let agent: Record<string, string>;
const now = new Date('2025-06-10T09:00:00+03:00');
useTestApp(async (started) => {
  t = started;
  supervisor = await t.signIn('supervisor');
  agent = await t.signIn('agent');
  const write = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/kb/articles', headers: supervisor, payload });
  for (const payload of [
    { titleTr: 'Çöp konteyneri talebi nasıl yapılır', bodyTr: 'Yeni çöp konteyneri için mahalle muhtarlığı aracılığıyla başvuru yapılır.', tags: ['atık', 'konteyner'] },
    { titleTr: 'Su kesintisi duyuruları', bodyTr: 'Planlı su kesintileri SASKİ sitesinde ve SMS ile duyurulur.', tags: ['su'] },
    { titleTr: 'Nikâh salonu rezervasyonu', bodyTr: 'Nikâh salonları 6 ay önceden rezerve edilebilir.', tags: ['rezervasyon'] },
    { titleTr: 'Eski kış tarifesi', bodyTr: 'Artık geçerli değil.', validUntil: '2025-03-01' },
  ]) expect((await write(payload)).statusCode).toBe(201);
}, { now: () => now });

const search = async (q: string) => (await t.app.inject({ url: `/api/v1/kb/articles?q=${encodeURIComponent(q)}`, headers: agent })).json().items.map((a: { titleTr: string }) => a.titleTr);

describe('knowledge base search', () => {
  it('finds "çöp konteyneri" typed without Turkish letters, and with a typo', async () => {
    expect((await search('cop konteyneri'))[0]).toBe('Çöp konteyneri talebi nasıl yapılır');
    expect((await search('konteynir'))[0]).toBe('Çöp konteyneri talebi nasıl yapılır');
  });

  it('finds Turkish word forms through full-text search', async () => {
    expect(await search('kesintileri')).toContain('Su kesintisi duyuruları');
  });

  it('refuses an article that ends before it starts, naming both dates for the validUntil field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/kb/articles', headers: supervisor, payload: { titleTr: 'Yaz tarifesi', bodyTr: 'Haziran–Eylül arası geçerlidir.', validFrom: '2026-09-01', validUntil: '2026-06-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'validUntil', code: 'before_start', params: { start: '2026-09-01', end: '2026-06-01' }, message: '2026-06-01 is before validFrom 2026-09-01' }]);
  });

  it('leaves out articles past their validity', async () => {
    expect(await search('kış tarifesi')).toEqual([]);
  });

  it('lets agents read but not write', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/kb/articles', headers: agent, payload: { titleTr: 'Deneme', bodyTr: 'x' } });
    expect(res.statusCode).toBe(403);
  });

  it('lets a unit head write only their own unit\'s articles, and audits old and new text', async () => {
    // The test unit heads belong to saski-su-ariza.
    const head = await t.signIn('unit_head');
    const unitId = async (code: string) => (await t.database.db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id;
    const own = await unitId('saski-su-ariza');
    const other = await unitId('zabita');
    const write = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/kb/articles', headers: head, payload });
    const change = (id: number, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/kb/articles/${id}`, headers: head, payload });

    const mine = await write({ titleTr: 'Vana arızası bildirimi', bodyTr: 'Arıza ekibi 2 saat içinde gelir.', unitId: own });
    expect(mine.statusCode, mine.body).toBe(201);
    for (const payload of [{ titleTr: 'Zabıta nöbetçi', bodyTr: 'x', unitId: other }, { titleTr: 'Şehrin tamamı için', bodyTr: 'x' }]) {
      const res = await write(payload);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const theirs = await t.app.inject({ method: 'POST', url: '/api/v1/kb/articles', headers: supervisor, payload: { titleTr: 'Seyyar satıcı şikâyeti', bodyTr: 'Zabıta ekibi yönlendirilir.', unitId: other } });
    expect(theirs.statusCode).toBe(201);
    const theirsId = theirs.json().id;
    // Another unit's article: neither rewritten, nor taken over, nor switched off.
    for (const payload of [{ bodyTr: 'Ödeme için bağlantı: http://example.com' }, { unitId: own }, { active: false }]) expect((await change(theirsId, payload)).statusCode).toBe(403);
    // Nor may an own article be given away to another unit.
    expect((await change(mine.json().id, { unitId: other })).statusCode).toBe(403);
    const [kept] = await t.database.db.select().from(kbArticles).where(eq(kbArticles.id, theirsId));
    expect(kept).toMatchObject({ bodyTr: 'Zabıta ekibi yönlendirilir.', unitId: other, active: true });

    const updated = await change(mine.json().id, { bodyTr: 'Arıza ekibi 1 saat içinde gelir.' });
    expect(updated.statusCode, updated.body).toBe(200);
    const entries = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'kb_article'), eq(auditLog.subjectId, String(mine.json().id)))).orderBy(auditLog.id);
    expect(entries.map((e) => [e.action, (e.data as { before: { bodyTr: string } | null }).before?.bodyTr ?? null, (e.data as { after: { bodyTr: string } }).after.bodyTr])).toEqual([
      ['kb_article.create', null, 'Arıza ekibi 2 saat içinde gelir.'],
      ['kb_article.update', 'Arıza ekibi 2 saat içinde gelir.', 'Arıza ekibi 1 saat içinde gelir.'],
    ]);
  });
});
