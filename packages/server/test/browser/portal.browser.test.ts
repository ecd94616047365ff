/**
 * The citizen portal in Chromium, as a citizen uses it: submit a request, confirm it with the
 * code from the SMS, track it with the tracking number and another code, see the unit's
 * reply and solution, and rate it. axe-core checks every portal page on the way for serious
 * or critical accessibility violations (WCAG 2.1 AA).
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { portalChallenges, proofsSpent, requests, satisfactionRatings } from '../../src/db/schema.js';
import { startSmsSink, type SmsSink } from '../sinks.js';
import { expectAccessible } from './axe.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';

let sms: SmsSink;
beforeAll(async () => {
  sms = await startSmsSink();
});
afterAll(() => sms?.stop());

let t: BrowserApp;
useBrowserApp((app) => {
  t = app;
  // The outbox sends the codes and the tracking number to the SMS sink.
  t.startWorkers();
}, { config: () => ({ smsUrl: sms.url }) });

/** The one-time code in the latest SMS to that number, as the citizen's phone shows it. */
async function codeFromSms(to: string, after: number): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(() => {
      const message = sms.messages.slice(after).reverse().find((m) => m.to === to && /doğrulama kodunuz/.test(m.text));
      code = message ? /(\d{6})/.exec(message.text)?.[1] : undefined;
      return code;
    }, { timeout: 15_000 })
    .toBeTruthy();
  return code!;
}

it('a citizen submits, confirms with the SMS code, tracks the request, and rates the solution', async () => {
  const page = await t.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${t.base}/portal`);
  await page.getByRole('heading', { name: 'Vatandaş Portalı' }).waitFor();
  await expectAccessible(page, 'home');

  await page.getByRole('link', { name: 'Yeni başvuru yap' }).first().click();
  await page.getByRole('heading', { name: 'Yeni başvuru' }).waitFor();
  await page.getByTestId('district-map').waitFor();
  await expectAccessible(page, 'new');

  await page.getByRole('combobox', { name: /^Konu/ }).fill('su arizasi');
  await page.getByRole('option', { name: /Su Arızası/ }).first().click();
  await page.getByLabel('Açıklama').fill('Körfez Mahallesi 12. sokakta boru patladı, yola su akıyor.');
  await page.getByRole('combobox', { name: 'İlçe' }).fill('Atakum');
  await page.getByRole('option', { name: 'Atakum' }).click();
  await page.getByRole('combobox', { name: 'Mahalle' }).fill('Körfez');
  await page.getByRole('option', { name: 'Körfez' }).click();
  await page.getByLabel('Ad soyad').fill('Zeynep Kaya');
  await page.getByLabel('Cep telefonu').fill('0532 111 22 33');
  expect(await page.getByTestId('privacy-notice').textContent()).toContain('6698 sayılı Kişisel Verilerin Korunması Kanunu');
  await page.getByRole('checkbox', { name: /Aydınlatma metnini okudum/ }).check();
  const before = sms.messages.length;
  await page.getByRole('button', { name: 'Doğrulama kodu gönder' }).click();
  await page.getByLabel('Doğrulama kodu').waitFor();
  await expectAccessible(page, 'code');
  await page.getByLabel('Doğrulama kodu').fill(await codeFromSms('905321112233', before));
  await page.getByRole('button', { name: 'Onayla' }).click();
  const trackingNo = (await page.getByTestId('tracking-number').textContent())!.trim();
  expect(trackingNo).toMatch(/^\d{4}-\d{7}$/);
  await expectAccessible(page, 'done');
  // The SMS with the tracking number follows through the outbox.
  await expect.poll(() => sms.messages.some((m) => m.to === '905321112233' && m.text.includes(trackingNo)), { timeout: 15_000 }).toBe(true);

  // Later, on another device: track with the number and a fresh code.
  const other = await t.browser.newPage({ viewport: { width: 390, height: 844 } });
  await other.goto(`${t.base}/portal/track`);
  await other.getByRole('heading', { name: 'Başvuru takibi' }).waitFor();
  await expectAccessible(other, 'track');
  await other.getByLabel('Takip numarası').fill(trackingNo);
  await other.getByLabel('Cep telefonu').fill('0532 111 22 33');
  const beforeTrack = sms.messages.length;
  await other.getByRole('button', { name: 'Kod gönder' }).click();
  await other.getByLabel('Doğrulama kodu').fill(await codeFromSms('905321112233', beforeTrack));
  await other.getByRole('button', { name: 'Onayla' }).click();
  await other.getByRole('heading', { name: `Başvuru ${trackingNo}` }).waitFor();
  await expect.poll(() => other.getByTestId('portal-status').textContent()).toBe('Yeni');
  await expectAccessible(other, 'request');

  // The unit replies and resolves (through the API, as its staff would from the inbox).
  const staff = await t.signIn('unit_staff');
  const [request] = await t.database.db.select().from(requests).where(eq(requests.trackingNo, trackingNo));
  const reply = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${request!.id}/actions`, headers: staff, payload: { action: 'reply', text: 'Ekibimiz yola çıktı.' } });
  expect(reply.statusCode, reply.body).toBe(200);
  const resolved = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${request!.id}/actions`, headers: staff, payload: { action: 'resolve', version: request!.version, text: 'Patlayan boru değiştirildi, su verildi.' } });
  expect(resolved.statusCode, resolved.body).toBe(200);

  await other.reload();
  await expect.poll(() => other.getByTestId('portal-status').textContent()).toBe('Çözüldü');
  expect(await other.getByTestId('public-timeline').textContent()).toContain('Ekibimiz yola çıktı.');
  await other.getByRole('radio', { name: '4 — Memnunum' }).waitFor();
  await expectAccessible(other, 'rate');
  await other.getByRole('radio', { name: '4 — Memnunum' }).check();
  await other.getByLabel('Eklemek istedikleriniz (isteğe bağlı)').fill('Aynı gün çözüldü, teşekkürler.');
  await other.getByRole('button', { name: 'Değerlendirmeyi gönder' }).click();
  await expect.poll(() => other.getByTestId('rating-done').textContent().catch(() => null)).toBe('Değerlendirmeniz için teşekkürler: 4 / 5');
  const [rating] = await t.database.db.select().from(satisfactionRatings).where(eq(satisfactionRatings.requestId, request!.id));
  expect(rating).toMatchObject({ score: 4, channel: 'portal', comment: 'Aynı gün çözüldü, teşekkürler.' });

  await other.goto(`${t.base}/portal/requests`);
  await other.getByRole('link', { name: trackingNo }).waitFor();
  await expectAccessible(other, 'mine');

  // In English too.
  await other.locator('label', { hasText: /^EN$/ }).click();
  await other.getByRole('heading', { name: 'My requests' }).waitFor();
  await expectAccessible(other, 'mine-en');
});

it('an admin registers an Open311 application, sees its key once, and revokes it', async () => {
  const session = (await t.signIn('admin')).cookie!.split('=');
  const context = await t.browser.newContext();
  await context.addCookies([{ name: session[0]!, value: session.slice(1).join('='), url: t.base }]);
  const page = await context.newPage();
  await page.goto(`${t.base}/admin/open311`);
  await page.getByRole('heading', { name: 'Open311 uygulamaları', level: 1 }).waitFor();
  await page.getByLabel('Uygulama adı').fill('Samsun Mobil');
  await page.getByLabel('İletişim').fill('mobil@example.org');
  await page.getByRole('button', { name: 'Anahtar oluştur' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())!.trim();
  expect(key).toMatch(/^c311_/);
  await page.getByRole('cell', { name: /Samsun Mobil/ }).waitFor();
  // The key works for a GeoReport POST.
  const post = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `api_key=${key}&service_code=su-arizasi&lat=41.33&long=36.27&description=${encodeURIComponent('Yolda su birikintisi var, kanal taşıyor.')}` });
  expect(post.statusCode, post.body).toBe(200);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'open311-clients.png'), fullPage: true });
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'İptal et' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'İptal et' }).count()).toBe(0);
  const refused = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `api_key=${key}&service_code=su-arizasi&lat=41.33&long=36.27` });
  expect(refused.statusCode).toBe(403);
  await context.close();
});

it('sends the owner a code even after strangers asked for many: the page proves the work first', async () => {
  const now = new Date();
  // Three codes to this number in the last hour, asked by someone else.
  await t.database.db.insert(portalChallenges).values([1, 2, 3].map((i) => ({ id: `yabanci-${i}`, purpose: 'sign_in', phone: '905329998877', codeHash: 'h', ip: '203.0.113.9', createdAt: now, expiresAt: new Date(now.getTime() + 600_000) })));
  const page = await t.browser.newPage();
  await page.goto(`${t.base}/portal/track`);
  await page.getByLabel('Takip numarası').fill('2026-0000001');
  await page.getByLabel('Cep telefonu').fill('0532 999 88 77');
  await page.getByRole('button', { name: 'Kod gönder' }).click();
  await page.getByLabel('Doğrulama kodu').waitFor();
  expect(await t.database.db.select().from(portalChallenges).where(eq(portalChallenges.phone, '905329998877'))).toHaveLength(4);
  expect(await t.database.db.select().from(proofsSpent)).toHaveLength(1);
});
