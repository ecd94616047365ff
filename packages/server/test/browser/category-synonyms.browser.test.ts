/**
 * Everyday words find a category: the agent types "lamba" and is offered street lighting, a
 * citizen types "su yok" on the portal and is offered the water cut, and an administrator adds
 * a word in the category form that the category picker then matches.
 */
import { expect, it } from 'vitest';
import { createUser } from '../../src/app/users.js';
import { useBrowserApp, type BrowserApp } from './browser.js';
import { openFromMenu, signInThroughForm } from './navigation.js';

let t: BrowserApp;

useBrowserApp(async (app) => {
  t = app;
  await createUser(t.database.db, null, { username: 'temsilci-sozcuk', displayName: 'Temsilci Deniz', password: 'temsilci-parola-1', role: 'agent' });
  await createUser(t.database.db, null, { username: 'yonetici-sozcuk', displayName: 'Yönetici Can', password: 'yonetici-parola-1', role: 'admin' });
});

it('offers street lighting to the agent who types "lamba"', async () => {
  const page = await t.browser.newPage();
  await signInThroughForm(page, t.base, 'temsilci-sozcuk', 'temsilci-parola-1', 'sign-out button');
  await page.goto(`${t.base}/requests/new`);
  const category = page.getByRole('combobox', { name: 'Kategori' });
  await category.fill('lamba');
  await page.getByRole('option', { name: /Sokak ve Park Aydınlatması Arızası/ }).click();
  await expect.poll(() => category.inputValue()).toMatch(/Sokak ve Park Aydınlatması Arızası$/);
  await page.close();
});

it('offers the water cut to a citizen who types "su yok" on the portal', async () => {
  const page = await t.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${t.base}/portal/new`);
  await page.getByRole('combobox', { name: /^Konu/ }).fill('su yok');
  await page.getByRole('option', { name: /Su Kesintisi/ }).waitFor();
  expect(await page.getByRole('option').count()).toBe(1);
  await page.close();
});

it('lets an administrator add a word that the category picker then matches', async () => {
  const admin = await t.browser.newPage();
  await signInThroughForm(admin, t.base, 'yonetici-sozcuk', 'yonetici-parola-1');
  await openFromMenu(admin, 'Kategoriler');
  await admin.getByRole('button', { name: 'Dilencilik' }).click();
  const words = admin.getByRole('combobox', { name: 'Gündelik sözcükler (eş anlamlılar)' });
  // The seeded word is there as a pill.
  await admin.getByText('dilenci', { exact: true }).waitFor();
  await words.fill('para isteyen çocuk');
  await words.press('Enter');
  await admin.getByRole('button', { name: 'Kaydet' }).click();
  await admin.getByRole('dialog').waitFor({ state: 'detached' });

  const headers = await t.signIn('admin');
  const saved = (await t.app.inject({ url: '/api/v1/categories', headers })).json().items as { code: string; synonyms: string[] }[];
  expect(saved.find((c) => c.code === 'dilencilik')!.synonyms).toEqual(['dilenci', 'para isteyen çocuk']);

  // The same picker the agent uses, on the administrator's own new-request page.
  await admin.goto(`${t.base}/requests/new`);
  await admin.getByRole('combobox', { name: 'Kategori' }).fill('para isteyen');
  await admin.getByRole('option', { name: /Dilencilik/ }).waitFor();
});
