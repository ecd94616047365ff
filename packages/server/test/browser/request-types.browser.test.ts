/** An administrator chooses which events of a request type's requests tell the citizen, on the Request types page. */
import path from 'node:path';
import { expect, it } from 'vitest';
import { createUser } from '../../src/app/users.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { openFromMenu, signInThroughForm } from './navigation.js';

let t: BrowserApp;

useBrowserApp(async (app) => {
  t = app;
  await createUser(t.database.db, null, { username: 'tur-yoneticisi', displayName: 'Tür Yöneticisi', password: 'tur-parola-1', role: 'admin' });
});

it('turns on the SMS for an assignment, keeps the final answer fixed, and saves', async () => {
  const page = await t.browser.newPage();
  await signInThroughForm(page, t.base, 'tur-yoneticisi', 'tur-parola-1');
  await openFromMenu(page, 'Başvuru türleri');

  await page.getByRole('button', { name: 'Şikâyet' }).click();
  const dialog = page.getByRole('dialog');
  const assignedSms = dialog.getByRole('checkbox', { name: 'Atandı: SMS gönder' });
  expect(await assignedSms.isChecked()).toBe(false);
  expect(await dialog.getByRole('checkbox', { name: 'Başvuru alındı (takip numarası): SMS gönder' }).isChecked()).toBe(true);
  const resolvedSms = dialog.getByRole('checkbox', { name: 'Çözüldü: SMS gönder' });
  expect(await resolvedSms.isChecked()).toBe(true);
  expect(await resolvedSms.isDisabled()).toBe(true);
  await assignedSms.check();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'request-types.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Kaydet' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('row', { name: /Şikâyet.*Atandı/ }).waitFor();

  const admin = await t.signIn('admin');
  const types = (await t.app.inject({ url: '/api/v1/request-types/settings', headers: admin })).json().items as { code: string; notifications: { sms: string[]; email: string[] } }[];
  expect(types.find((type) => type.code === 'sikayet')!.notifications).toEqual({ sms: ['received', 'assigned', 'reply', 'duplicate'], email: ['received', 'reply', 'duplicate'] });
});
