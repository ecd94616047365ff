/** A person signs in, switches the language and reaches the admin screen. */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import type { TestContext } from '../harness.js';
import { launchChromium, SCREENSHOTS, startBrowserApp } from './browser.js';

let t: TestContext & { base: string };
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await startBrowserApp();
  base = t.base;
  await createUser(t.database.db, null, { username: 'yonetici', displayName: 'Yönetici Test', password: 'yonetici-parola-1', role: 'admin' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('signs in, switches to English and sees the users admin screen', async () => {
  const page = await browser.newPage();
  await page.goto(base);
  await page.getByLabel('Kullanıcı adı').fill('yonetici');
  await page.getByLabel('Parola').fill('yonetici-parola-1');
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await expect.poll(() => page.getByText('Yönetici Test').first().isVisible(), { timeout: 15_000 }).toBe(true);

  await page.getByRole('link', { name: 'Kullanıcılar' }).click();
  await page.getByRole('heading', { name: 'Kullanıcılar' }).waitFor();

  await page.locator('label', { hasText: /^EN$/ }).first().click();
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  expect(await page.evaluate('document.documentElement.lang')).toBe('en');
  await expect.poll(() => page.getByRole('cell', { name: 'yonetici', exact: true }).isVisible()).toBe(true);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-users-en.png'), fullPage: true });
});
