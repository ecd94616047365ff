import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from './harness.js';

let t: TestContext;
let supervisor: Record<string, string>;
let agent: Record<string, string>;
const now = new Date('2025-06-10T09:00:00+03:00');
beforeAll(async () => {
  t = await startTestApp({ now: () => now });
  supervisor = await t.signIn('supervisor');
  agent = await t.signIn('agent');
  const write = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/kb/articles', headers: supervisor, payload });
  for (const payload of [
    { titleTr: 'Çöp konteyneri talebi nasıl yapılır', bodyTr: 'Yeni çöp konteyneri için mahalle muhtarlığı aracılığıyla başvuru yapılır.', tags: ['atık', 'konteyner'] },
    { titleTr: 'Su kesintisi duyuruları', bodyTr: 'Planlı su kesintileri SASKİ sitesinde ve SMS ile duyurulur.', tags: ['su'] },
    { titleTr: 'Nikâh salonu rezervasyonu', bodyTr: 'Nikâh salonları 6 ay önceden rezerve edilebilir.', tags: ['rezervasyon'] },
    { titleTr: 'Eski kış tarifesi', bodyTr: 'Artık geçerli değil.', validUntil: '2025-03-01' },
  ]) expect((await write(payload)).statusCode).toBe(201);
});
afterAll(() => t.close());

const search = async (q: string) => (await t.app.inject({ url: `/api/v1/kb/articles?q=${encodeURIComponent(q)}`, headers: agent })).json().items.map((a: { titleTr: string }) => a.titleTr);

describe('knowledge base search', () => {
  it('finds "çöp konteyneri" typed without Turkish letters, and with a typo', async () => {
    expect((await search('cop konteyneri'))[0]).toBe('Çöp konteyneri talebi nasıl yapılır');
    expect((await search('konteynir'))[0]).toBe('Çöp konteyneri talebi nasıl yapılır');
  });

  it('finds Turkish word forms through full-text search', async () => {
    expect(await search('kesintileri')).toContain('Su kesintisi duyuruları');
  });

  it('leaves out articles past their validity', async () => {
    expect(await search('kış tarifesi')).toEqual([]);
  });

  it('lets agents read but not write', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/kb/articles', headers: agent, payload: { titleTr: 'Deneme', bodyTr: 'x' } });
    expect(res.statusCode).toBe(403);
  });
});
