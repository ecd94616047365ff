/**
 * An administrator changes what citizens are told: the page shows the message filled with
 * sample values before it can be saved, and the audit log keeps the old and new text.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { createUser } from '../../src/app/users.js';
import { auditLog, messageTemplates } from '../../src/db/schema.js';
import type { TestContext } from '../harness.js';
import { launchChromium, SCREENSHOTS, startBrowserApp } from './browser.js';

let t: TestContext & { base: string };
let browser: Browser;

beforeAll(async () => {
  t = await startBrowserApp();
  await createUser(t.database.db, null, { username: 'mesaj-yonetici', displayName: 'Mesaj Yönetici', password: 'yonetici-parola-1', role: 'admin' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('previews a citizen SMS with sample values before saving it, and audits the change', async () => {
  const page = await browser.newPage();
  await page.goto(t.base);
  await page.getByLabel('Kullanıcı adı').fill('mesaj-yonetici');
  await page.getByLabel('Parola').fill('yonetici-parola-1');
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await page.getByRole('link', { name: 'Vatandaş mesajları' }).click();
  await page.getByRole('heading', { name: 'Vatandaş mesajları' }).waitFor();

  await page.getByRole('button', { name: 'request.created (tr, sms) metnini düzenle' }).click();
  const dialog = page.getByRole('dialog');
  const save = dialog.getByRole('button', { name: 'Kaydet' });
  // Nothing is saved unseen.
  expect(await save.isDisabled()).toBe(true);
  await dialog.getByLabel('Mesaj').fill('Samsun 153: {trackingNo} numaralı başvurunuz ({category}) alındı.');
  await dialog.getByRole('button', { name: 'Önizle' }).click();
  const preview = dialog.getByTestId('message-preview');
  await expect.poll(() => preview.textContent()).toContain('Samsun 153: 2026-0001234 numaralı başvurunuz (Su arızası) alındı.');
  expect(await save.isDisabled()).toBe(false);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'message-template-preview.png'), fullPage: true });

  // Changing the text after the preview asks for a new one.
  await dialog.getByLabel('Mesaj').fill('Samsun 153: {trackingNo} alındı.');
  await expect.poll(() => save.isDisabled()).toBe(true);
  await dialog.getByRole('button', { name: 'Önizle' }).click();
  await expect.poll(() => preview.textContent()).toContain('Samsun 153: 2026-0001234 alındı.');
  await save.click();
  await page.getByText('Mesaj metni kaydedildi').waitFor();

  const [row] = await t.database.db.select().from(messageTemplates).where(and(eq(messageTemplates.key, 'request.created'), eq(messageTemplates.locale, 'tr'), eq(messageTemplates.channel, 'sms')));
  expect(row!.body).toBe('Samsun 153: {trackingNo} alındı.');
  const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'message_template.update'));
  expect(entry!.actorName).toBe('mesaj-yonetici');
  expect((entry!.data as { after: { body: string } }).after.body).toBe('Samsun 153: {trackingNo} alındı.');
});
