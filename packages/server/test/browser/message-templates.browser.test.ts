/**
 * An administrator changes what citizens are told: the page shows the message filled with
 * sample values before it can be saved, and the audit log keeps the old and new text.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createUser } from '../../src/app/users.js';
import { auditLog, messageTemplates } from '../../src/db/schema.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { openFromMenu, signInThroughForm } from './navigation.js';

let t: BrowserApp;

useBrowserApp(async (app) => {
  t = app;
  await createUser(t.database.db, null, { username: 'mesaj-yonetici', displayName: 'Mesaj Yönetici', password: 'yonetici-parola-1', role: 'admin' });
});

it('previews a citizen SMS with sample values before saving it, and audits the change', async () => {
  const page = await t.browser.newPage();
  await signInThroughForm(page, t.base, 'mesaj-yonetici', 'yonetici-parola-1');
  await openFromMenu(page, 'Vatandaş mesajları');

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
