/**
 * A call as the centre lives it: the phone system reports a call through the CTI webhook, the
 * agent's console pops the caller with their history, the agent finds the answer by typing
 * without Turkish letters and closes the call as information given from the keyboard, and the
 * supervisor's wallboard, open on another screen, counts it within moments.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import { citizens, kbArticles } from '../../src/db/schema.js';
import type { TestContext } from '../harness.js';
import { launchChromium, SCREENSHOTS, startBrowserApp } from './browser.js';

const TOKEN = 'pbx-browser-token-0123';
let t: TestContext & { base: string };
let browser: Browser;

beforeAll(async () => {
  t = await startBrowserApp({ ctiToken: TOKEN });
  await createUser(t.database.db, null, { username: 'temsilci', displayName: 'Temsilci Ayşe', password: 'temsilci-parola-1', role: 'agent' });
  await createUser(t.database.db, null, { username: 'sefi', displayName: 'Vardiya Şefi Mert', password: 'sefi-parola-1', role: 'supervisor' });
  await t.database.db.insert(citizens).values({ fullName: 'Zeynep Kaya', phone: '905321112233' });
  await t.database.db.insert(kbArticles).values([
    { titleTr: 'Çöp konteyneri talebi', bodyTr: 'Yeni veya ek konteyner talepleri Temizlik İşleri Daire Başkanlığına iletilir; ekip 3 iş günü içinde yerinde inceleme yapar.', tags: ['temizlik', 'konteyner'] },
    { titleTr: 'Su kesintisi bilgisi', bodyTr: 'Planlı kesintiler SASKİ tarafından önceden duyurulur.' },
  ]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signIn(page: Page, username: string, password: string) {
  await page.goto(t.base);
  await page.getByLabel('Kullanıcı adı').fill(username);
  await page.getByLabel('Parola').fill(password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await page.getByRole('button', { name: 'Çıkış yap' }).waitFor();
}

const cti = async (body: object) => {
  const res = await fetch(`${t.base}/api/v1/cti/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
};

it('a webhook call pops on the console, is answered from the knowledge base, and the wallboard counts it', async () => {
  const supervisor = await browser.newPage();
  await signIn(supervisor, 'sefi', 'sefi-parola-1');
  await supervisor.goto(`${t.base}/wallboard`);
  await expect.poll(() => supervisor.getByTestId('wallboard-status').textContent()).toBe('Canlı');
  await expect.poll(() => supervisor.getByTestId('wb-information-given').textContent()).toBe('0');
  const answeredBefore = Number(await supervisor.getByTestId('wb-answered').textContent());

  // The agent lands on the console.
  const agent = await browser.newPage();
  await signIn(agent, 'temsilci', 'temsilci-parola-1');
  await agent.getByRole('heading', { name: 'Temsilci konsolu' }).waitFor();
  await agent.getByText('Çağrı bekleniyor').waitFor();

  await cti({ event: 'call.new', callId: 'pbx-42', queue: 'alo153', callerNumber: '0532 111 22 33' });
  await expect.poll(() => supervisor.getByTestId('wb-waiting').textContent()).toBe('1');
  await cti({ event: 'call.answered', callId: 'pbx-42', agent: 'temsilci' });

  const card = agent.getByTestId('caller-card');
  await card.waitFor({ timeout: 5000 });
  await expect.poll(() => agent.getByTestId('caller-name').textContent()).toBe('Zeynep Kaya');
  expect(await agent.getByTestId('caller-number').textContent()).toBe('905321112233');
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
