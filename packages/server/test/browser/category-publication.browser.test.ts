/** An administrator decides what Open311 publishes of a category's requests, in the category form. */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import type { TestContext } from '../harness.js';
import { launchChromium, SCREENSHOTS, startBrowserApp } from './browser.js';

let t: TestContext & { base: string };
let browser: Browser;

beforeAll(async () => {
  t = await startBrowserApp();
  await createUser(t.database.db, null, { username: 'yayin-yoneticisi', displayName: 'Yayın Yöneticisi', password: 'yayin-parola-1', role: 'admin' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it("shows a category's publication and saves a new one", async () => {
  const page = await browser.newPage();
  await page.goto(t.base);
  await page.getByLabel('Kullanıcı adı').fill('yayin-yoneticisi');
  await page.getByLabel('Parola').fill('yayin-parola-1');
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await page.getByRole('link', { name: 'Kategoriler' }).click();
  await page.getByRole('heading', { name: 'Kategoriler' }).waitFor();

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
