/** An administrator decides what Open311 publishes of a category's requests, in the category form. */
import path from 'node:path';
import { expect, it } from 'vitest';
import { createUser } from '../../src/app/users.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { openFromMenu, signInThroughForm } from './navigation.js';

let t: BrowserApp;

useBrowserApp(async (app) => {
  t = app;
  await createUser(t.database.db, null, { username: 'yayin-yoneticisi', displayName: 'Yayın Yöneticisi', password: 'yayin-parola-1', role: 'admin' });
});

it("shows a category's publication and saves a new one", async () => {
  const page = await t.browser.newPage();
  await signInThroughForm(page, t.base, 'yayin-yoneticisi', 'yayin-parola-1');
  await openFromMenu(page, 'Kategoriler');

  await page.getByRole('button', { name: 'Gürültü' }).click();
  const field = page.getByRole('combobox', { name: "Open311'de yayımlanma" });
  await expect.poll(() => field.inputValue()).toBe('Yayımlanmaz');
  await page.getByText('KVKK: kişisel veri, bilgi edinme, ihbar').waitFor();
  await field.click();
  await page.getByRole('option', { name: /^Yalnızca konu, mahalle, durum/ }).click();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'category-publication.png'), fullPage: true });
  await page.getByRole('button', { name: 'Kaydet' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  const admin = await t.signIn('admin');
  const categories = (await t.app.inject({ url: '/api/v1/categories', headers: admin })).json().items as { code: string; publication: string }[];
  expect(categories.find((c) => c.code === 'gurultu')!.publication).toBe('staff_text');
});
