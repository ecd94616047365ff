/**
 * The portal out of the box, in Chromium. With no SMS provider a development server keeps the
 * SMS in its development outbox: the citizen asks for a code, an administrator reads it on the
 * Development outbox page, and the citizen signs in with it and gets a tracking number. What is
 * wrong on the form is said next to the field, in Turkish, and a photo the server refuses after
 * the request exists is named with the reason. In production without a provider the portal
 * says plainly that sign-in by SMS is not available, and what to do instead.
 */
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { listenOnLoopback, startTestApp, type TestContext } from '../harness.js';
import { expectAccessible } from './axe.js';
import { useBrowserApp, WEB_DIST, type BrowserApp } from './browser.js';

let t: BrowserApp;
useBrowserApp((app) => {
  t = app;
  // The default test server has no SMS provider and no mail server: development mode.
  t.startWorkers();
});

/** A 1×1 PNG: a real photo the server accepts. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function adminContext(app: TestContext, base: string): Promise<BrowserContext> {
  const [name, ...value] = (await app.signIn('admin')).cookie!.split('=');
  const context = await t.browser.newContext();
  await context.addCookies([{ name: name!, value: value.join('='), url: base }]);
  return context;
}

/** The newest code to that number, as an administrator reads it on the Development outbox page. */
async function codeFromDevOutbox(admin: Page, to: string, not?: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const row = admin.getByTestId('dev-outbox-message').filter({ has: admin.getByTestId('dev-outbox-to').getByText(to, { exact: true }) }).filter({ hasText: 'doğrulama kodunuz' }).first();
      if (!(await row.count())) return undefined;
      code = /(\d{6})/.exec((await row.getByTestId('dev-outbox-text').textContent()) ?? '')?.[1];
      return code && code !== not ? code : undefined;
    }, { timeout: 20_000 })
    .toBeTruthy();
  return code!;
}

it('a citizen asks for a code, an admin reads it in the development outbox, and the citizen signs in and sees the tracking number', { timeout: 120_000 }, async () => {
  const admin = await (await adminContext(t, t.base)).newPage();
  await admin.goto(`${t.base}/`);
  // The page is in the administrator's menu.
  await admin.getByRole('link', { name: 'Geliştirme gidenleri' }).waitFor({ state: 'attached' });
  await admin.goto(`${t.base}/admin/dev-outbox`);
  await admin.getByRole('heading', { name: 'Geliştirme gidenleri' }).waitFor();
  await admin.getByText('SMS: gönderilmiyor, burada tutuluyor').waitFor();

  const page = await t.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${t.base}/portal/new`);
  await page.getByRole('heading', { name: 'Yeni başvuru' }).waitFor();
  await page.getByTestId('district-map').waitFor();

  // Sent empty: each problem beside its field and listed by the button, the first field focused.
  await page.getByRole('button', { name: 'Doğrulama kodu gönder' }).click();
  const problems = page.getByTestId('form-problems');
  await problems.waitFor();
  for (const text of ['Listeden bir konu seçin.', 'Sorunu en az 10 karakterle anlatın: ne oldu, tam olarak nerede?', 'Cep telefonu numaranızı 0532 123 45 67 gibi yazın; kod bu numaraya gönderilir.', 'Başvurunuzu alabilmemiz için aydınlatma metnini okuyup kutuyu işaretleyin.']) {
    expect(await problems.getByText(text).count(), text).toBe(1);
  }
  const topic = page.getByRole('combobox', { name: /^Konu/ });
  expect(await topic.getAttribute('aria-invalid')).toBe('true');
  // The first field with a problem is brought into view (a list is not opened over its message).
  const topicId = await topic.getAttribute('id');
  await expect.poll(() => page.evaluate(`(() => { const r = document.getElementById(${JSON.stringify(topicId)}).getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })()`)).toBe(true);
  await expectAccessible(page, 'new-problems');

  await page.getByRole('combobox', { name: /^Konu/ }).fill('su arizasi');
  await page.getByRole('option', { name: /Su Arızası/ }).first().click();
  await page.getByLabel('Açıklama').fill('Körfez Mahallesi 12. sokakta boru patladı, yola su akıyor.');
  await page.getByRole('combobox', { name: 'İlçe' }).fill('Atakum');
  await page.getByRole('option', { name: 'Atakum' }).click();
  // A wrong number is said at the phone field, in Turkish, as it is typed after the first try.
  await page.getByLabel('Cep telefonu').fill('0212 111 22 99');
  await page.getByRole('checkbox', { name: /Aydınlatma metnini okudum/ }).check();
  expect(await problems.getByRole('listitem').allTextContents()).toEqual(['Cep telefonu numaranızı 0532 123 45 67 gibi yazın; kod bu numaraya gönderilir.']);
  // Sent again: the keyboard goes to the phone, the one field left to correct.
  await page.getByRole('button', { name: 'Doğrulama kodu gönder' }).click();
  const phoneId = await page.getByLabel('Cep telefonu').getAttribute('id');
  await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe(phoneId);
  await page.getByLabel('Cep telefonu').fill('0532 111 22 99');
  await problems.waitFor({ state: 'detached' });
  // A real photo, and a file that only calls itself one: the browser cannot tell, the server can.
  await page.locator('input[type="file"]').setInputFiles([
    { name: 'boru.png', mimeType: 'image/png', buffer: PNG },
    { name: 'sahte.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('bu bir fotoğraf değil') },
  ]);
  await page.getByRole('button', { name: 'Doğrulama kodu gönder' }).click();
  await page.getByLabel('Doğrulama kodu').waitFor();
  expect(await page.getByTestId('sms-development').textContent()).toContain('Geliştirme modu: SMS gönderilmez.');

  // The administrator's page shows the SMS within seconds, without a reload.
  const code = await codeFromDevOutbox(admin, '905321112299');

  // A wrong code is said under the code, in Turkish.
  await page.getByLabel('Doğrulama kodu').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Onayla' }).click();
  await page.getByText('Kod yanlış. Telefonunuza gelen 6 haneli kodu yazın.').waitFor();
  await page.getByLabel('Doğrulama kodu').fill(code);
  await page.getByRole('button', { name: 'Onayla' }).click();
  const trackingNo = (await page.getByTestId('tracking-number').textContent())!.trim();
  expect(trackingNo).toMatch(/^\d{4}-\d{7}$/);
  // Each photo: added, or named with why not.
  expect(await page.getByTestId('photo-added').allTextContents()).toEqual(['boru.png eklendi.']);
  expect(await page.getByTestId('photo-problem').allTextContents()).toEqual(['sahte.jpg: bu dosya JPEG, PNG veya WebP fotoğrafı olarak açılamadı.']);
  await expectAccessible(page, 'done-photo-problem');

  // The confirmation SMS with the tracking number lands in the development outbox too.
  await expect.poll(async () => (await admin.getByTestId('dev-outbox').textContent()) ?? '', { timeout: 20_000 }).toContain(trackingNo);

  // Later, on another device: signing in with the tracking number and a fresh code from the development outbox.
  const other = await t.browser.newPage({ viewport: { width: 390, height: 844 } });
  await other.goto(`${t.base}/portal/track`);
  await other.getByLabel('Takip numarası').fill(trackingNo);
  await other.getByLabel('Cep telefonu').fill('0532 111 22 99');
  await other.getByRole('button', { name: 'Kod gönder' }).click();
  await other.getByLabel('Doğrulama kodu').waitFor();
  const signInCode = await codeFromDevOutbox(admin, '905321112299', code);
  await other.getByLabel('Doğrulama kodu').fill(signInCode);
  await other.getByRole('button', { name: 'Onayla' }).click();
  await other.getByRole('heading', { name: `Başvuru ${trackingNo}` }).waitFor();
});

// A second server of its own starts inside the test.
it('in production without an SMS provider, the portal says sign-in by SMS is not available and what to do instead', { timeout: 180_000 }, async () => {
  const prod = await startTestApp({ webDist: WEB_DIST, config: { devOutbox: false } });
  try {
    const base = await listenOnLoopback(prod.app);
    const page = await t.browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const path of ['/portal', '/portal/new', '/portal/track']) {
      await page.goto(`${base}${path}`);
      const notice = page.getByTestId('sms-unavailable');
      await notice.waitFor();
      expect(await notice.textContent(), path).toContain('SMS ile doğrulama burada kullanılamıyor');
      expect(await notice.textContent(), path).toContain("ALO 153'ü arayın");
    }
    // No form to fill in for nothing, nor a button to ask for a code that cannot come.
    expect(await page.getByRole('button', { name: 'Kod gönder' }).count()).toBe(0);
    await expectAccessible(page, 'sms-unavailable');
    await page.goto(`${base}/portal/new`);
    await page.getByTestId('sms-unavailable').waitFor();
    expect(await page.getByRole('button', { name: 'Doğrulama kodu gönder' }).count()).toBe(0);

    // In English too.
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByText('Sign-in by SMS is not available here').waitFor();

    // The administrator's development outbox says it is off here.
    const admin = await (await adminContext(prod, base)).newPage();
    await admin.goto(`${base}/admin/dev-outbox`);
    await admin.getByTestId('dev-outbox-off').waitFor();
    expect(await admin.getByTestId('dev-outbox-off').textContent()).toContain('Geliştirme gidenleri kapalı');
  } finally {
    await prod.close();
  }
});
