/**
 * A call as the centre lives it: the phone system reports a call through the CTI webhook, the
 * agent's console pops the caller with their history, the agent finds the answer by typing
 * without Turkish letters and closes the call as information given from the keyboard, and the
 * supervisor's wallboard, open on another screen, counts it within moments.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import { eq } from 'drizzle-orm';
import { citizens, contacts, kbArticles, units } from '../../src/db/schema.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { signInThroughForm } from './navigation.js';

const TOKEN = 'pbx-browser-token-0123';
let t: BrowserApp;

useBrowserApp(async (app) => {
  t = app;
  await createUser(t.database.db, null, { username: 'temsilci', displayName: 'Temsilci Ayşe', password: 'temsilci-parola-1', role: 'agent' });
  await createUser(t.database.db, null, { username: 'sefi', displayName: 'Vardiya Şefi Mert', password: 'sefi-parola-1', role: 'supervisor' });
  await t.database.db.insert(citizens).values({ fullName: 'Zeynep Kaya', phone: '905321112233' });
  await t.database.db.insert(kbArticles).values([
    { titleTr: 'Çöp konteyneri talebi', bodyTr: 'Yeni veya ek konteyner talepleri Temizlik İşleri Daire Başkanlığına iletilir; ekip 3 iş günü içinde yerinde inceleme yapar.', tags: ['temizlik', 'konteyner'] },
    { titleTr: 'Su kesintisi bilgisi', bodyTr: 'Planlı kesintiler SASKİ tarafından önceden duyurulur.' },
  ]);
}, { config: () => ({ ctiToken: TOKEN }) });

const signIn = (page: Page, username: string, password: string) => signInThroughForm(page, t.base, username, password, 'sign-out button');

const cti = async (body: object) => {
  const res = await fetch(`${t.base}/api/v1/cti/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
};

it('a webhook call pops on the console, is answered from the knowledge base, and the wallboard counts it', async () => {
  const supervisor = await t.browser.newPage();
  await signIn(supervisor, 'sefi', 'sefi-parola-1');
  await supervisor.goto(`${t.base}/wallboard`);
  await expect.poll(() => supervisor.getByTestId('wallboard-status').textContent()).toBe('Canlı');
  await expect.poll(() => supervisor.getByTestId('wb-information-given').textContent()).toBe('0');
  const answeredBefore = Number(await supervisor.getByTestId('wb-answered').textContent());

  // The agent lands on the console.
  const agent = await t.browser.newPage();
  await signIn(agent, 'temsilci', 'temsilci-parola-1');
  await agent.getByRole('heading', { name: 'Temsilci konsolu' }).waitFor();
  await agent.getByText('Çağrı bekleniyor').waitFor();

  await cti({ event: 'call.new', callId: 'pbx-42', queue: 'alo153', callerNumber: '0532 111 22 33' });
  await expect.poll(() => supervisor.getByTestId('wb-waiting').textContent()).toBe('1');
  await cti({ event: 'call.answered', callId: 'pbx-42', agent: 'temsilci' });

  const card = agent.getByTestId('caller-card');
  await card.waitFor({ timeout: 5000 });
  await expect.poll(() => agent.getByTestId('caller-name').textContent()).toBe('Zeynep Kaya');
  expect(await agent.getByTestId('caller-number').textContent()).toBe('0532 111 22 33');
  await expect.poll(() => supervisor.getByTestId('wb-waiting').textContent()).toBe('0');

  // From the keyboard alone: Alt+K to the search, typed without Turkish letters, Enter, Ctrl+Enter.
  await agent.keyboard.press('Alt+K');
  await agent.keyboard.type('cop konteyneri');
  await agent.getByRole('option', { name: /Çöp konteyneri talebi/ }).waitFor();
  await agent.keyboard.press('Enter');
  await agent.getByTestId('kb-article').getByRole('heading', { name: 'Çöp konteyneri talebi' }).waitFor();
  await agent.screenshot({ path: path.join(SCREENSHOTS, 'console-screen-pop.png'), fullPage: true });
  await agent.keyboard.press('Control+Enter');
  await agent.getByText('Görüşme kapatıldı: Anlık bilgi verildi').waitFor();
  await agent.getByText('Çağrı bekleniyor').waitFor();

  await expect.poll(() => supervisor.getByTestId('wb-information-given').textContent(), { timeout: 5000 }).toBe('1');
  expect(Number(await supervisor.getByTestId('wb-answered').textContent())).toBe(answeredBefore + 1);
  expect(await supervisor.getByTestId('wb-instant-share').textContent()).toBe('%100.0');
  await supervisor.screenshot({ path: path.join(SCREENSHOTS, 'wallboard.png'), fullPage: true });
});

it("the supervisor's pages: the editor shows the article's use and previews a new one, KPIs and the week's staffing are charted", async () => {
  // Last week's calls on one half hour, for the forecast.
  const weekAgo = Date.now() - 7 * 86400_000;
  await t.database.db.insert(contacts).values(
    Array.from({ length: 40 }, (_, i) => ({ channel: 'phone' as const, externalId: `hist-${i}`, offeredAt: new Date(weekAgo + i * 1000), answeredAt: new Date(weekAgo + i * 1000 + 5000), waitSeconds: 5, talkSeconds: 170, wrapSeconds: 10, exitReason: 'answered' })),
  );
  const page = await t.browser.newPage();
  await signIn(page, 'sefi', 'sefi-parola-1');

  await page.goto(`${t.base}/kb`);
  const used = page.getByRole('row', { name: /Çöp konteyneri talebi/ });
  await expect.poll(() => used.getByTestId('kb-use-count').textContent()).toBe('1');
  await page.getByRole('button', { name: 'Yeni makale' }).click();
  // Only the open language tab's fields are visible (required ones carry an asterisk).
  await page.getByRole('textbox', { name: /^Başlık/ }).fill('Cenaze hizmetleri');
  await page.getByRole('textbox', { name: /^Metin/ }).fill('Cenaze nakli için 153 aranır.\n\nHizmet 7/24 verilir.');
  await page.getByTestId('kb-preview').getByRole('heading', { name: 'Cenaze hizmetleri' }).waitFor();
  await page.getByTestId('kb-preview').getByText('Hizmet 7/24 verilir.').waitFor();
  await page.getByRole('tab', { name: 'English' }).click();
  await page.getByRole('textbox', { name: /^Başlık \(İngilizce\)/ }).fill('Funeral services');
  await page.getByTestId('kb-preview').getByRole('heading', { name: 'Funeral services' }).waitFor();
  await page.getByRole('button', { name: 'Kaydet' }).click();
  await page.getByRole('row', { name: /Cenaze hizmetleri/ }).waitFor();

  await page.goto(`${t.base}/kpis`);
  await page.getByTestId('kpi-volume-chart').locator('canvas').waitFor();
  const today = page.getByTestId('kpi-table').getByRole('row').filter({ hasText: new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10) });
  await expect.poll(() => today.getByRole('cell').nth(1).textContent()).toBe('1');

  await page.goto(`${t.base}/staffing`);
  await page.getByTestId('staffing-heatmap').locator('canvas').waitFor();
  await expect.poll(() => page.getByTestId('staffing-peak').textContent()).toMatch(/^En yoğun yarım saatte [1-9]\d* temsilci$/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'staffing.png'), fullPage: true });
});

it("a unit head's new article belongs to their unit, which the editor does not let them change", async () => {
  const [unit] = await t.database.db.select().from(units).where(eq(units.code, 'saski-su-ariza'));
  await createUser(t.database.db, null, { username: 'birim-amiri', displayName: 'Birim Amiri Can', password: 'amir-parola-1', role: 'unit_head', unitId: unit!.id });
  const page = await t.browser.newPage();
  await signIn(page, 'birim-amiri', 'amir-parola-1');
  await page.goto(`${t.base}/kb`);
  await page.getByRole('button', { name: 'Yeni makale' }).click();
  const unitField = page.getByRole('combobox', { name: 'Sorumlu birim' });
  await expect.poll(() => unitField.inputValue()).toBe(unit!.nameTr);
  expect(await unitField.isDisabled()).toBe(true);
  await page.getByRole('textbox', { name: /^Başlık/ }).fill('Vana arızası bildirimi');
  await page.getByRole('textbox', { name: /^Metin/ }).fill('Arıza ekibi iki saat içinde gelir.');
  await page.getByRole('button', { name: 'Kaydet' }).click();
  await page.getByRole('row', { name: /Vana arızası bildirimi/ }).waitFor();
  const [saved] = await t.database.db.select().from(kbArticles).where(eq(kbArticles.titleTr, 'Vana arızası bildirimi'));
  expect(saved!.unitId).toBe(unit!.id);
});
