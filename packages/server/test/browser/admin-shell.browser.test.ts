/** A person signs in, switches the language and reaches the admin screen. */
import path from 'node:path';
import { expect, it } from 'vitest';
import { createUser } from '../../src/app/users.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { openFromMenu, signInThroughForm } from './navigation.js';

let t: BrowserApp;

useBrowserApp(async (app) => {
  t = app;
  await createUser(t.database.db, null, { username: 'yonetici', displayName: 'Yönetici Test', password: 'yonetici-parola-1', role: 'admin' });
});

it('signs in, switches to English and sees the users admin screen', async () => {
  const page = await t.browser.newPage();
  await signInThroughForm(page, t.base, 'yonetici', 'yonetici-parola-1', { displayName: 'Yönetici Test' });

  await openFromMenu(page, 'Kullanıcılar');

  await page.locator('label', { hasText: /^EN$/ }).first().click();
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  expect(await page.evaluate('document.documentElement.lang')).toBe('en');
  await expect.poll(() => page.getByRole('cell', { name: 'yonetici', exact: true }).isVisible()).toBe(true);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-users-en.png'), fullPage: true });
});

it('keeps the working calendar: adds a holiday and refuses backwards office hours with a message', async () => {
  const page = await t.browser.newPage();
  await signInThroughForm(page, t.base, 'yonetici', 'yonetici-parola-1');
  await openFromMenu(page, 'Çalışma takvimi');
  const year = new Date().getFullYear();
  // Typed as Turkish writes a day; the API keeps the ISO date.
  await page.getByLabel('Tarih').fill(`21.07.${year}`);
  await page.getByLabel('Adı (Türkçe)').fill('Samsun yerel tatili');
  await page.getByLabel('Adı (İngilizce)').fill('Samsun local holiday');
  await page.getByRole('button', { name: 'Tatil ekle' }).click();
  await page.getByRole('cell', { name: 'Samsun yerel tatili' }).waitFor();
  expect(await page.getByLabel('Tarih').inputValue()).toBe('');
  const rows = await t.app.inject({ url: `/api/v1/holidays?year=${year}`, headers: await t.signIn('admin') });
  expect(rows.json().items.map((h: { date: string }) => h.date)).toContain(`${year}-07-21`);

  await page.getByLabel('Pazartesi').fill('17:00-09:00');
  await page.getByRole('button', { name: 'Mesai saatlerini kaydet' }).click();
  // Said in Turkish under the day's hours, not in the server's English.
  await page.getByText('Başlangıçtan önce olamaz').first().waitFor();
  expect(await page.getByText('ends (09:00) before it starts (17:00)').count()).toBe(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'calendar.png'), fullPage: true });
});

it('finds a unit for a new user when the name is typed without Turkish letters', async () => {
  // The seeded units include Fen İşleri Dairesi Başkanlığı.
  const page = await t.browser.newPage();
  await signInThroughForm(page, t.base, 'yonetici', 'yonetici-parola-1');
  await openFromMenu(page, 'Kullanıcılar');
  await page.getByRole('button', { name: 'Yeni kullanıcı' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Birim/).first().fill('Fen Isleri');
  await page.getByRole('option', { name: 'Fen İşleri Dairesi Başkanlığı' }).click();
  expect(await dialog.getByLabel(/^Birim/).first().inputValue()).toBe('Fen İşleri Dairesi Başkanlığı');
});
