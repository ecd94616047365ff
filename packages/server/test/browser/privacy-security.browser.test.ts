/**
 * Privacy and security in the browser: a staff member turns on two-factor sign-in and is
 * asked for the code at the next sign-in; an auditor finds that in the audit log; an
 * administrator opens a citizen's record with a purpose and sees it unmasked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import { base32Decode, hotp, totpStep } from '../../src/app/totp.js';
import { findOrCreateCitizen } from '../../src/app/citizens.js';
import { proofsSpent } from '../../src/db/schema.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { signInThroughForm } from './navigation.js';

let t: BrowserApp;

useBrowserApp(async (app) => {
  t = app;
  await createUser(t.database.db, null, { username: 'guvenli', displayName: 'Güvenli Personel', password: 'guvenli-parola-1', role: 'supervisor' });
  await createUser(t.database.db, null, { username: 'denetci', displayName: 'Denetçi Test', password: 'denetci-parola-1', role: 'auditor' });
  await createUser(t.database.db, null, { username: 'kvkk', displayName: 'KVKK Yönetici', password: 'kvkk-parola-123', role: 'admin' });
  await findOrCreateCitizen(t.database.db, { fullName: 'Elif Demir', phone: '905321112233', tcKimlikNo: null, email: 'elif@example.org', address: 'Kurupelit Mah. Deniz Sok. 4', locale: 'tr' });
});

const signIn = (page: Page, username: string, password: string, displayName?: string) => signInThroughForm(page, t.base, username, password, displayName ? { displayName } : undefined);

/** Six wrong passwords for `username` from a stranger's address: five refused, then told to slow down. */
async function strangersGuess(username: string, strangersIp: string) {
  for (let i = 0; i < 6; i++) {
    // Strangers guess from elsewhere (the test server believes a loopback proxy's X-Forwarded-For).
    const res = await fetch(`${t.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': strangersIp }, body: JSON.stringify({ username, password: 'tahmin-parola' }) });
    expect(res.status).toBe(i < 5 ? 401 : 429);
  }
}

it('turns on two-factor sign-in, then asks for the code at sign-in', async () => {
  const page = await t.browser.newPage();
  await signIn(page, 'guvenli', 'guvenli-parola-1', 'Güvenli Personel');
  await page.goto(`${t.base}/account/two-factor`);
  await page.getByRole('button', { name: 'İki adımlı girişi aç' }).click();
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  const key = base32Decode(secret);
  await page.getByLabel('6 haneli kod').fill(hotp(key, totpStep(new Date())));
  await page.getByRole('button', { name: 'Onayla' }).click();
  await page.getByTestId('totp-on').waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'two-factor-on.png'), fullPage: true });

  const fresh = await t.browser.newPage();
  await signIn(fresh, 'guvenli', 'guvenli-parola-1');
  await fresh.getByText('Doğrulama kodu gerekli').waitFor();
  // The next step's code: the one used to confirm is spent.
  await fresh.getByRole('textbox', { name: 'Doğrulama kodu' }).fill(hotp(key, totpStep(new Date()) + 1));
  await fresh.getByRole('button', { name: 'Giriş yap' }).click();
  await expect.poll(() => fresh.getByText('Güvenli Personel').first().isVisible(), { timeout: 15_000 }).toBe(true);
});

it('lets the owner in after strangers spent their name: the page proves the work, nobody is locked out', async () => {
  await createUser(t.database.db, null, { username: 'hedef', displayName: 'Hedef Personel', password: 'hedef-parola-12', role: 'agent' });
  await strangersGuess('hedef', '203.0.113.7');
  const page = await t.browser.newPage();
  await signIn(page, 'hedef', 'hedef-parola-12', 'Hedef Personel');
  expect(await t.database.db.$count(proofsSpent)).toBe(1);
});

it('proves the work without WebCrypto too, as on a page served over plain HTTP on an intranet address', async () => {
  await createUser(t.database.db, null, { username: 'duzhttp', displayName: 'Düz Bağlantı', password: 'duzhttp-parola-1', role: 'agent' });
  await strangersGuess('duzhttp', '203.0.113.8');
  const page = await t.browser.newPage();
  // Browsers offer crypto.subtle only in a secure context; 127.0.0.1 is one, an intranet address is not.
  await page.addInitScript(() => Object.defineProperty(Object.getPrototypeOf(globalThis.crypto) as object, 'subtle', { get: () => undefined }));
  await page.goto(t.base);
  expect(await page.evaluate(() => typeof crypto.subtle)).toBe('undefined');
  const before = await t.database.db.$count(proofsSpent);
  await signIn(page, 'duzhttp', 'duzhttp-parola-1', 'Düz Bağlantı');
  expect(await t.database.db.$count(proofsSpent)).toBe(before + 1);
});

it('lets an auditor search the audit log by person and action', async () => {
  const failed = await t.browser.newPage();
  await signIn(failed, 'kvkk', 'yanlis-parola-1');
  await failed.getByText('Giriş yapılamadı').waitFor();
  const page = await t.browser.newPage();
  await signIn(page, 'denetci', 'denetci-parola-1', 'Denetçi Test');
  await page.getByRole('link', { name: 'Denetim kaydı' }).click();
  await page.getByLabel('Kim (kullanıcı adı)').fill('kvkk');
  await page.getByLabel('İşlem').fill('auth.');
  await page.getByRole('button', { name: 'Ara' }).click();
  await expect.poll(() => page.getByRole('cell', { name: 'auth.login_failed' }).first().isVisible(), { timeout: 15_000 }).toBe(true);
  await page.getByLabel('Kim (kullanıcı adı)').fill('nobody-at-all');
  await page.getByRole('button', { name: 'Ara' }).click();
  await page.getByText('Bu ölçütlere uyan kayıt yok.').waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'audit-log.png'), fullPage: true });
});

it('shows a citizen masked, and unmasked only with a purpose', async () => {
  const page = await t.browser.newPage();
  await signIn(page, 'kvkk', 'kvkk-parola-123', 'KVKK Yönetici');
  await page.goto(`${t.base}/privacy`);
  await page.getByLabel('Kişi ara').fill('Elif');
  await expect.poll(() => page.getByTestId('citizen-results').getByText('0532 *** ** 33').isVisible(), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => page.getByText('Elif Demir').count()).toBe(0);
  await page.getByRole('button', { name: 'Aç' }).click();
  await page.getByLabel('Amaç').fill('KVKK başvurusu: bilgi talebi');
  await page.getByRole('button', { name: 'Tam kaydı göster' }).click();
  await expect.poll(() => page.getByTestId('citizen-record').getByText('0532 111 22 33').isVisible(), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => page.getByTestId('citizen-record').getByText('Elif Demir').isVisible()).toBe(true);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'privacy-record.png'), fullPage: true });

  // The export is a POST with the purpose in its body (logged), saved as a file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Verileri indir (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kisisel-veri-\d+-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(fs.readFileSync((await file.path())!, 'utf8'));
  expect(saved.citizen.fullName).toBe('Elif Demir');
});

it('lets an administrator end all sessions of a user', async () => {
  await createUser(t.database.db, null, { username: 'ayrilan', displayName: 'Ayrılan Personel', password: 'ayrilan-parola-1', role: 'agent' });
  const leaver = await t.browser.newPage();
  await signIn(leaver, 'ayrilan', 'ayrilan-parola-1', 'Ayrılan Personel');
  const admin = await t.browser.newPage();
  await signIn(admin, 'kvkk', 'kvkk-parola-123', 'KVKK Yönetici');
  await admin.goto(`${t.base}/admin/sessions`);
  await admin.getByRole('combobox', { name: 'Kullanıcı' }).fill('ayrilan');
  await admin.getByRole('option', { name: 'ayrilan (Ayrılan Personel)' }).click();
  await expect.poll(() => admin.getByTestId('staff-sessions').locator('tbody tr').count(), { timeout: 15_000 }).toBe(1);
  await admin.getByRole('button', { name: 'Tüm oturumlarını kapat' }).click();
  await admin.getByText('ayrilan: 1 oturum kapatıldı.').waitFor();
  await leaver.reload();
  await leaver.getByLabel('Kullanıcı adı').waitFor();
});
