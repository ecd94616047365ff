/**
 * The server's refusals as people read them, in Chromium: in the user's language, next to the
 * field they concern and under the field's label, never the server's English (that is for
 * operators) nor a path like `body.citizen.tcKimlikNo`. Turkish first, then the same in English.
 */
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import { useBrowserApp, type BrowserApp } from './browser.js';
import { signInThroughForm } from './navigation.js';

let t: BrowserApp;
useBrowserApp(async (app) => {
  t = app;
  await createUser(t.database.db, null, { username: 'temsilci', displayName: 'Temsilci Ayşe', password: 'temsilci-parola-1', role: 'agent' });
});

/**
 * A page whose requests come from an address of its own (the server believes X-Forwarded-For
 * from loopback), so one test's sign-ins do not spend another's rate limit.
 */
async function pageFrom(browser: Browser, address: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address }, viewport });
  return context.newPage();
}

/** The error Mantine shows under the input with this label (the input names it in aria-describedby). */
async function errorUnder(page: Page, label: string): Promise<string | null> {
  // A required field's label ends in Mantine's asterisk.
  const input = page.getByLabel(new RegExp(`^${label}( \\*)?$`));
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  if (!ids.length) return null;
  return page.locator(`[id="${ids[0]}"]`).textContent();
}

const english = (page: Page) => page.locator('label', { hasText: /^EN$/ }).first().click();

/** The server's own words for these refusals (English, for operators), and request paths. */
const SERVER_WORDS = [/body\./, /citizen\./, /is not a valid TC kimlik no/, /checksum digit/, /the username or password is wrong/, /too many requests/i, /try again in 1 minute/, /is not a mobile number/];
/** In Turkish, no English sentence at all. */
const ENGLISH_WORDS = [/username or password/i, /try again/i, /not a valid/i, /mobile number/i];
async function expectNoServerWords(page: Page, language: 'tr' | 'en'): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const words of language === 'tr' ? [...SERVER_WORDS, ...ENGLISH_WORDS] : SERVER_WORDS) expect(text, String(words)).not.toMatch(words);
}

async function signInAttempt(page: Page, username: string, password: string, button: string) {
  await page.getByRole('textbox', { name: /^(Kullanıcı adı|Username)/ }).fill(username);
  await page.getByLabel(/^(Parola|Password)/).fill(password);
  await page.getByRole('button', { name: button }).click();
}

it('a wrong password is refused in Turkish, and in English once the user switches', async () => {
  const page = await pageFrom(t.browser, '198.51.100.11');
  await page.goto(t.base);
  await signInAttempt(page, 'temsilci', 'yanlis-parola-1', 'Giriş yap');
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.textContent()).toBe('Giriş yapılamadıKullanıcı adı ya da parola yanlış.');
  await expectNoServerWords(page, 'tr');

  await english(page);
  await signInAttempt(page, 'temsilci', 'yanlis-parola-2', 'Log in');
  await expect.poll(() => alert.textContent()).toBe('Could not log inThe username or password is wrong.');
  await expectNoServerWords(page, 'en');
});

it('an invalid TC kimlik no is refused next to its field, in Turkish and in English', async () => {
  const page = await pageFrom(t.browser, '198.51.100.12');
  await signInThroughForm(page, t.base, 'temsilci', 'temsilci-parola-1', 'sign-out button');
  await page.goto(`${t.base}/requests/new`);
  await page.getByRole('combobox', { name: 'Kategori' }).fill('su arizasi');
  await page.getByRole('option', { name: /Su arızası/i }).first().click();
  await page.getByLabel('Açıklama').fill('Körfez Mahallesi 12. sokakta boru patladı, yola su akıyor.');
  await page.getByLabel('Ad soyad').fill('Zeynep Kaya');
  await page.getByLabel('Telefon').fill('0532 111 22 33');
  // Eleven digits, so the form's own check lets it through; the tenth digit is wrong.
  await page.getByLabel('TC kimlik no').fill('10000000156');
  await page.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
  await expect.poll(() => errorUnder(page, 'TC kimlik no')).toBe('Bu TC kimlik no geçerli değil: son haneler tutmuyor; yazım hatası olabilir');
  await expectNoServerWords(page, 'tr');
  // The alert above the button says the form has a problem, and leaves the field's to the field.
  expect(await page.getByRole('alert').textContent()).toBe('Girilen bilgileri kontrol edin');

  await english(page);
  await page.getByRole('button', { name: 'Save request' }).click();
  await expect.poll(() => errorUnder(page, 'National id no')).toBe('This national id no is not valid: its last digits do not match; check for a typo');
  await expectNoServerWords(page, 'en');
});

it('a rate-limited sign-in says in seconds when to try again, in Turkish and in English', async () => {
  const address = '198.51.100.13';
  const page = await pageFrom(t.browser, address);
  await page.goto(t.base);
  // Spend the address's sign-ins for this minute (20), as a script guessing passwords would.
  for (let i = 0; i < 20; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': address }, remoteAddress: '127.0.0.1', payload: {} });
  await signInAttempt(page, 'temsilci', 'temsilci-parola-1', 'Giriş yap');
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.textContent()).toMatch(/^Çok fazla deneme yapıldıÇok fazla deneme yapıldı; (\d+) saniye sonra yeniden deneyin\.$/);
  const seconds = Number(/(\d+) saniye/.exec((await alert.textContent())!)![1]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(60);
  await expectNoServerWords(page, 'tr');

  await english(page);
  await signInAttempt(page, 'temsilci', 'temsilci-parola-1', 'Log in');
  await expect.poll(() => alert.textContent()).toMatch(/^Too many attemptsToo many attempts; try again in \d+ seconds\.$/);
  await expectNoServerWords(page, 'en');
});

it('the portal refuses a phone that is not a mobile number next to the phone field, in Turkish and in English', async () => {
  const page = await pageFrom(t.browser, '198.51.100.14', { width: 390, height: 844 });
  await page.goto(`${t.base}/portal/new`);
  await page.getByRole('heading', { name: 'Yeni başvuru' }).waitFor();
  await page.getByRole('combobox', { name: /^Konu/ }).fill('su arizasi');
  await page.getByRole('option', { name: /Su Arızası/ }).first().click();
  await page.getByLabel('Açıklama').fill('Körfez Mahallesi 12. sokakta boru patladı, yola su akıyor.');
  // A landline: a phone number, but the code goes by SMS. The form knows this before the server.
  await page.getByLabel('Cep telefonu').fill('0362 431 12 34');
  await page.getByRole('button', { name: 'Doğrulama kodu gönder' }).click();
  await expect.poll(() => errorUnder(page, 'Cep telefonu')).toBe('Cep telefonu numaranızı 0532 123 45 67 gibi yazın; kod bu numaraya gönderilir.');
  await expectNoServerWords(page, 'tr');

  await english(page);
  await page.getByRole('button', { name: 'Send the confirmation code' }).click();
  await expect.poll(() => errorUnder(page, 'Mobile phone')).toBe('Write your mobile number like 0532 123 45 67; the code goes to it.');
  await expectNoServerWords(page, 'en');
});
