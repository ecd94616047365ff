/** A person signs in, switches the language and reaches the admin screen. */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import { startTestApp, type TestContext } from '../harness.js';
import { launchChromium, requireWebBuild, SCREENSHOTS, WEB_DIST } from './browser.js';

let t: TestContext;
let browser: Browser;
let base: string;

beforeAll(async () => {
  requireWebBuild();
  t = await startTestApp({ webDist: WEB_DIST });
  await createUser(t.database.db, null, { username: 'yonetici', displayName: 'Yönetici Test', password: 'yonetici-parola-1', role: 'admin' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
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
