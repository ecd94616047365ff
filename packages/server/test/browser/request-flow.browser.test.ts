/**
 * The heart of the centre, as people do it: an agent records a caller's request, unit staff
 * find it in their inbox and resolve it with a public reply, and the citizen's e-mail arrives
 * with the tracking number and the reply. The request's page tells how it was routed and what
 * was sent to the citizen.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import type { Workers } from '../../src/workers/index.js';
import { categories, districts, units } from '../../src/db/schema.js';
import { eq } from 'drizzle-orm';
import { startSmtpSink, type SmtpSink } from '../sinks.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { signInThroughForm } from './navigation.js';

let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(() => smtp?.stop());

let t: BrowserApp;
let workers: Workers;
let base: string;
useBrowserApp(async (app) => {
  t = app;
  base = t.base;
  const [unit] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.code, 'saski-su-ariza'));
  await createUser(t.database.db, null, { username: 'temsilci', displayName: 'Temsilci Ayşe', password: 'temsilci-parola-1', role: 'agent' });
  await createUser(t.database.db, null, { username: 'birimci', displayName: 'Birim Personeli Ali', password: 'birimci-parola-1', role: 'unit_staff', unitId: unit!.id });
  workers = t.startWorkers();
  // Not in development mode: an SMS without a provider waits in the outbox, as in production.
}, { config: () => ({ smtpUrl: smtp.url, devOutbox: false }) });

const signIn = (page: Page, username: string, password: string) => signInThroughForm(page, base, username, password, 'sign-out button');

it('agent records, unit resolves with a public reply, citizen gets the e-mail', async () => {
  const agent = await t.browser.newPage();
  await signIn(agent, 'temsilci', 'temsilci-parola-1');
  await agent.goto(`${base}/requests/new`);
  await agent.getByRole('combobox', { name: 'Kategori' }).fill('su arizasi');
  await agent.getByRole('option', { name: /Su arızası/i }).first().click();
  await agent.getByLabel('Açıklama').fill('Körfez Mahallesi 12. sokakta boru patladı, yola su akıyor.');
  await agent.getByRole('combobox', { name: 'İlçe' }).fill('Atakum');
  await agent.getByRole('option', { name: 'Atakum' }).click();
  await agent.getByRole('combobox', { name: 'Mahalle' }).fill('Körfez');
  await agent.getByRole('option', { name: 'Körfez' }).click();
  await agent.getByLabel('Ad soyad').fill('Zeynep Kaya');
  await agent.getByLabel('Telefon').fill('0532 111 22 33');
  await agent.getByLabel('E-posta').fill('zeynep.kaya@example.org');
  await agent.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
  const trackingNo = (await agent.getByTestId('tracking-number').textContent())!.trim();
  expect(trackingNo).toMatch(/^\d{4}-\d{7}$/);
  await agent.screenshot({ path: path.join(SCREENSHOTS, 'request-recorded.png'), fullPage: true });

  const staff = await t.browser.newPage();
  await signIn(staff, 'birimci', 'birimci-parola-1');
  await staff.goto(`${base}/requests`);
  // A search typed without Turkish letters finds it, and stays in the address across a reload.
  await staff.getByRole('searchbox', { name: 'Ara' }).fill('korfez mahallesi');
  await expect.poll(() => new URL(staff.url()).searchParams.get('q')).toBe('korfez mahallesi');
  await staff.reload();
  expect(await staff.getByRole('searchbox', { name: 'Ara' }).inputValue()).toBe('korfez mahallesi');
  await staff.getByRole('link', { name: trackingNo }).click();
  await staff.getByRole('button', { name: 'Çalışmaya başla' }).click();
  await staff.getByLabel('Vatandaşa yanıt').fill('Ekibimiz yola çıktı, bir saat içinde orada olacak.');
  await staff.getByRole('button', { name: 'Yanıtı gönder' }).click();
  await staff.getByText('Ekibimiz yola çıktı, bir saat içinde orada olacak.').first().waitFor();
  await staff.getByLabel('Çözüm açıklaması').fill('Patlayan boru değiştirildi, su verildi.');
  await staff.getByRole('button', { name: 'Çözüldü olarak kaydet' }).click();
  await expect.poll(() => staff.getByTestId('request-status').first().textContent()).toBe('Çözüldü');
  await staff.screenshot({ path: path.join(SCREENSHOTS, 'request-resolved.png'), fullPage: true });

  workers.dispatcher.kick();
  await expect
    .poll(() => smtp.mails.filter((m) => m.to.includes('zeynep.kaya@example.org')).map((m) => m.text).join('\n'), { timeout: 15_000 })
    .toContain('Patlayan boru değiştirildi, su verildi.');
  const texts = smtp.mails.filter((m) => m.to.includes('zeynep.kaya@example.org')).map((m) => m.text);
  expect(texts.some((text) => text.includes(trackingNo) && text.includes('Başvurunuz alındı'))).toBe(true);
  expect(texts.some((text) => text.includes('Ekibimiz yola çıktı'))).toBe(true);
});

it('shows on the request page the rule that routed it and the messages sent to the citizen', async () => {
  const db = t.database.db;
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'su-kesintisi'));
  const [canik] = await db.select({ id: districts.id }).from(districts).where(eq(districts.name, 'Canik'));
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'saski-su-ariza'));
  const admin = await t.signIn('admin');
  const staff = await t.signIn('agent');
  const rule = await t.app.inject({ method: 'POST', url: '/api/v1/routing-rules', headers: admin, payload: { categoryId: category!.id, districtId: canik!.id, unitId: unit!.id } });
  expect(rule.statusCode).toBe(201);
  const ruleId: number = rule.json().id;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: staff,
    payload: { categoryId: category!.id, description: 'Canik Yeni Mahalle iki gündür susuz.', channel: 'phone', districtId: canik!.id, citizen: { fullName: 'Mert Yılmaz', phone: '0533 444 55 66', email: 'mert.yilmaz@example.org' } },
  });
  const { id, trackingNo } = created.json() as { id: number; trackingNo: string };
  // The e-mail goes out; no SMS provider is configured here, so the SMS waits in the outbox.
  workers.dispatcher.kick();
  await expect
    .poll(async () => ((await t.app.inject({ url: `/api/v1/requests/${id}`, headers: staff })).json().messages as { kind: string; status: string }[]).map((m) => `${m.kind}:${m.status}`).sort(), { timeout: 15_000 })
    .toEqual(['email:sent', 'sms:pending']);

  const page = await t.browser.newPage();
  await signIn(page, 'temsilci', 'temsilci-parola-1');
  await page.goto(`${base}/requests/${id}`);
  await page.getByRole('heading', { name: 'Gönderilen iletiler' }).waitFor();
  expect(await page.getByTestId('request-routing').textContent()).toBe(`Yönlendirme kuralıyla · #${ruleId} numaralı kuralla yönlendirildi`);
  const email = page.getByTestId('request-message').filter({ hasText: 'mert.yilmaz@example.org' });
  expect(await email.getByTestId('message-status').textContent()).toBe('Gönderildi');
  await email.getByText(trackingNo).first().waitFor();
  const sms = page.getByTestId('request-message').filter({ hasText: 'SMS' });
  expect(await sms.getByTestId('message-status').textContent()).toBe('Gönderilmeyi bekliyor');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'request-messages.png'), fullPage: true });

  await page.locator('label', { hasText: /^EN$/ }).first().click();
  await page.getByRole('heading', { name: 'Messages sent' }).waitFor();
  expect(await page.getByTestId('request-routing').textContent()).toBe(`By a routing rule · routed by rule #${ruleId}`);
  expect(await email.getByTestId('message-status').textContent()).toBe('Sent');
  expect(await sms.getByTestId('message-status').textContent()).toBe('Waiting to be sent');
});
