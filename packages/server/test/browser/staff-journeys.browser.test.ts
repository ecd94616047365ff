/**
 * The staff screens as people use them: the agent's state badge follows the call and survives a
 * refresh; the supervisor lands on today's figures and watches agents by name on the wallboard;
 * the unit inbox opens on what is still owed; a unit head assigns within the unit while unit
 * staff are not offered someone else's assignment (and the server agrees).
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { createUser } from '../../src/app/users.js';
import { categories, requests, units, users } from '../../src/db/schema.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { openFromMenu, signInThroughForm } from './navigation.js';

const TOKEN = 'pbx-journeys-token-0123';
let t: BrowserApp;
let waterUnit: number;
/** Requests of the water unit: two open (one overdue) and one resolved, by tracking number. */
const made: { open: string; overdue: string; resolved: string } = { open: '', overdue: '', resolved: '' };
const ids: Record<keyof typeof made, number> = { open: 0, overdue: 0, resolved: 0 };

useBrowserApp(async (app) => {
  t = app;
  const db = t.database.db;
  [{ id: waterUnit }] = (await db.select({ id: units.id }).from(units).where(eq(units.code, 'saski-su-ariza'))) as [{ id: number }];
  await createUser(db, null, { username: 'temsilci', displayName: 'Temsilci Ayşe', password: 'temsilci-parola-1', role: 'agent' });
  await createUser(db, null, { username: 'sefi', displayName: 'Vardiya Şefi Mert', password: 'sefi-parola-1', role: 'supervisor' });
  await createUser(db, null, { username: 'amir', displayName: 'Birim Amiri Can', password: 'amir-parola-12', role: 'unit_head', unitId: waterUnit });
  await createUser(db, null, { username: 'ekip', displayName: 'Ekip Ali', password: 'ekip-parola-12', role: 'unit_staff', unitId: waterUnit });

  const agent = await t.signIn('agent');
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'su-arizasi'));
  for (const key of ['resolved', 'overdue', 'open'] as const) {
    // The resolved one is the first test's caller's: the console shows it in their history.
    const citizen = key === 'resolved' ? { citizen: { fullName: 'Zeynep Kaya', phone: '0532 111 22 44' } } : {};
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agent, payload: { categoryId: category!.id, description: `Ana boru hattında arıza (${key})`, channel: 'phone', ...citizen } });
    made[key] = res.json().trackingNo;
    ids[key] = res.json().id;
  }
  await db.update(requests).set({ overdueAt: new Date() }).where(eq(requests.id, ids.overdue));
  const staff = await t.signIn('unit_staff');
  const version = (await t.app.inject({ url: `/api/v1/requests/${ids.resolved}`, headers: staff })).json().version;
  const resolved = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${ids.resolved}/actions`, headers: staff, payload: { action: 'resolve', version, text: 'Boru değiştirildi.' } });
  expect(resolved.statusCode, resolved.body).toBe(200);
}, { config: () => ({ ctiToken: TOKEN }), timeout: 180_000 });

/** What a test reads of an element the page drew (the server's TypeScript has no DOM types). */
interface Drawn {
  getClientRects(): ArrayLike<unknown>;
  querySelectorAll(selector: string): Drawn[];
  getAttribute(name: string): string | null;
  scrollWidth: number;
  clientWidth: number;
}
/** The tracking numbers of the inbox's rows, in their order. */
const trackingNumbers = (page: Page) => page.getByTestId('request-row').evaluateAll((rows) => rows.map((r) => (r as unknown as Drawn).getAttribute('data-tracking-no')));

const signIn = (page: Page, username: string, password: string) => signInThroughForm(page, t.base, username, password, 'sign-out button');
const cti = async (body: object) => {
  const res = await fetch(`${t.base}/api/v1/cti/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.text()).toBe(200);
};

it("the agent's badge follows the call, survives a refresh, and the wallboard lists the agent by name, state and since when", { timeout: 120_000 }, async () => {
  const supervisor = await t.browser.newPage();
  await signIn(supervisor, 'sefi', 'sefi-parola-1');
  await openFromMenu(supervisor, 'Canlı pano');
  const row = supervisor.getByTestId('roster-row').filter({ hasText: 'Temsilci Ayşe' });

  // A laptop's screen: the caller's card is a narrow column.
  const agent = await t.browser.newPage({ viewport: { width: 1024, height: 768 } });
  await signIn(agent, 'temsilci', 'temsilci-parola-1');
  await agent.getByRole('heading', { name: 'Temsilci konsolu' }).waitFor();
  const badge = agent.getByTestId('agent-state-badge');
  await expect.poll(() => badge.textContent()).toBe('Çevrim dışı');
  await agent.keyboard.press('Alt+1');
  await expect.poll(() => badge.textContent()).toBe('Hazır');
  await expect.poll(() => row.getByTestId('roster-state').textContent()).toBe('Hazır');

  await cti({ event: 'call.new', callId: 'journey-1', queue: 'alo153', callerNumber: '0532 111 22 44' });
  await cti({ event: 'call.answered', callId: 'journey-1', agent: 'temsilci' });
  await agent.getByTestId('caller-card').waitFor();
  await expect.poll(() => badge.textContent()).toBe('Görüşmede');
  // The caller's earlier request: its tracking number on one line, its status badge whole.
  const earlier = agent.getByTestId('caller-requests').getByRole('link', { name: made.resolved });
  expect(await earlier.evaluate((a) => (a as unknown as Drawn).getClientRects().length)).toBe(1);
  const status = agent.getByTestId('caller-requests').getByTestId('request-status');
  expect(await status.evaluate((b) => [b as unknown as Drawn, ...(b as unknown as Drawn).querySelectorAll('*')].every((e) => e.scrollWidth <= e.clientWidth + 1))).toBe(true);
  await expect.poll(() => row.getByTestId('roster-state').textContent()).toBe('Görüşmede');
  // Since when: the moment of the answer, in the city's time, and the time in the state counting on.
  expect(await row.getByRole('cell').nth(2).textContent()).toMatch(/\d{2}:\d{2}$/);
  await expect.poll(() => row.getByTestId('roster-for').textContent()).toMatch(/^0:0[1-9]$/);

  await cti({ event: 'call.ended', callId: 'journey-1' });
  await expect.poll(() => badge.textContent()).toBe('Çağrı sonrası işlem');
  await expect.poll(() => row.getByTestId('roster-state').textContent()).toBe('Çağrı sonrası');
  await agent.screenshot({ path: path.join(SCREENSHOTS, 'console-after-call-work.png'), fullPage: true });

  // A refresh shows the server's state, not a default.
  await agent.reload();
  await agent.getByTestId('caller-card').waitFor();
  await expect.poll(() => badge.textContent()).toBe('Çağrı sonrası işlem');

  // Closing the contact ends the after-call work.
  await agent.getByRole('combobox', { name: 'Görüşme sonucu' }).click();
  await agent.getByRole('option', { name: 'Geri aranacak' }).click();
  await agent.getByRole('button', { name: 'Sonuçla kapat' }).click();
  await agent.getByText('Çağrı bekleniyor').waitFor();
  await expect.poll(() => badge.textContent()).toBe('Hazır');
  await expect.poll(() => row.getByTestId('roster-state').textContent()).toBe('Hazır');

  // A call taken by hand is a call too.
  await agent.getByLabel('Arayan numarası').fill('0532 111 22 55');
  await agent.getByRole('button', { name: 'Çağrıyı al' }).click();
  await expect.poll(() => badge.textContent()).toBe('Görüşmede');
  await supervisor.screenshot({ path: path.join(SCREENSHOTS, 'wallboard-roster.png'), fullPage: true });
});

it("lands the supervisor on today's figures: calls, answer rate, agents by state, and each unit's open and overdue requests", async () => {
  const page = await t.browser.newPage();
  await signIn(page, 'sefi', 'sefi-parola-1');
  await page.getByRole('heading', { name: 'Bugün' }).waitFor();
  // The page shows the server's figures: what the wallboard API answers now.
  await cti({ event: 'call.new', callId: 'journey-home-1', queue: 'alo153', callerNumber: '0532 111 22 77' });
  await cti({ event: 'call.answered', callId: 'journey-home-1', agent: 'temsilci-yedek' });
  await cti({ event: 'call.new', callId: 'journey-home-2', queue: 'alo153', callerNumber: '0532 111 22 88' });
  await cti({ event: 'call.ended', callId: 'journey-home-2' });
  const board = (await (await page.request.get(`${t.base}/api/v1/wallboard`)).json()) as { today: { offered: number; answered: number; answerRate: number }; agents: { state: string; count: number }[] };
  expect(board.today.offered).toBeGreaterThanOrEqual(2);
  await expect.poll(() => page.getByTestId('home-calls-today').textContent()).toBe(String(board.today.offered));
  expect(await page.getByTestId('home-answered-today').textContent()).toBe(String(board.today.answered));
  expect(await page.getByTestId('home-answer-rate').textContent()).toBe(`%${(board.today.answerRate * 100).toFixed(1)}`);
  expect(board.today.answerRate).toBeLessThan(1);
  expect(await page.getByTestId('home-agents-on_call').textContent()).toBe(String(board.agents.find((a) => a.state === 'on_call')?.count ?? 0));

  const water = page.getByTestId('home-unit-row').filter({ hasText: 'Su Arıza Şube Müdürlüğü' });
  await expect.poll(() => water.getByTestId('home-unit-open').textContent()).toBe('2');
  expect(await water.getByTestId('home-unit-overdue').textContent()).toBe('1');
  expect(await page.getByTestId('home-open-requests').textContent()).toBe('2');
  expect(await page.getByTestId('home-overdue-requests').textContent()).toBe('1');
  await page.getByTestId('home-units-chart').locator('canvas').waitFor();

  // Live: a new call moves today's count without a reload.
  await cti({ event: 'call.new', callId: 'journey-2', queue: 'alo153', callerNumber: '0532 111 22 66' });
  await expect.poll(() => page.getByTestId('home-calls-today').textContent()).toBe(String(board.today.offered + 1));
  await expect.poll(() => page.getByTestId('home-waiting').textContent()).toBe('1');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'supervisor-home.png'), fullPage: true });

  // The overdue figure opens the unit's overdue requests in the inbox.
  await water.getByTestId('home-unit-overdue').click();
  await page.getByRole('heading', { name: 'Başvurular' }).waitFor();
  await expect.poll(() => trackingNumbers(page)).toEqual([made.overdue]);
});

it('opens the unit inbox on open requests; closed and all are one click away and stay across a reload', async () => {
  const page = await t.browser.newPage();
  await signIn(page, 'ekip', 'ekip-parola-12');
  await page.getByRole('heading', { name: 'Başvurular' }).waitFor();
  const shown = async () => (await trackingNumbers(page)).sort();
  await expect.poll(shown).toEqual([made.open, made.overdue].sort());
  expect(await page.getByRole('radio', { name: 'Açık' }).isChecked()).toBe(true);

  await page.getByText('Kapanmış', { exact: true }).click();
  await expect.poll(shown).toEqual([made.resolved]);
  expect(new URL(page.url()).searchParams.get('view')).toBe('closed');
  await page.reload();
  await expect.poll(shown).toEqual([made.resolved]);

  await page.getByText('Tümü', { exact: true }).click();
  await expect.poll(shown).toEqual([made.open, made.overdue, made.resolved].sort());

  // A tracking number is found whatever the view: a citizen may call about a closed request.
  await page.getByText('Açık', { exact: true }).click();
  await expect.poll(shown).toEqual([made.open, made.overdue].sort());
  await page.getByRole('searchbox', { name: 'Ara' }).fill(made.resolved);
  await expect.poll(shown).toEqual([made.resolved]);

  await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-all.png'), fullPage: true });
});

it("lets the unit head assign to the unit's staff; unit staff are offered no assignment of others, and the server refuses one", { timeout: 120_000 }, async () => {
  const head = await t.browser.newPage();
  await signIn(head, 'amir', 'amir-parola-12');
  await head.getByRole('link', { name: made.open }).click();
  await head.getByTestId('tracking-number').waitFor();
  await head.getByTestId('request-actions').getByRole('button', { name: 'Ata', exact: true }).click();
  await head.getByRole('combobox', { name: 'Atanacak kişi' }).fill('ekip');
  await head.getByRole('option', { name: 'Ekip Ali' }).click();
  await head.getByRole('dialog').getByRole('button', { name: 'Kaydet' }).click();
  await expect.poll(async () => (await t.database.db.select({ assigneeId: requests.assigneeId }).from(requests).where(eq(requests.id, ids.open)))[0]!.assigneeId).not.toBeNull();
  await head.getByText('Ekip Ali').first().waitFor();

  const staff = await t.browser.newPage();
  await signIn(staff, 'ekip', 'ekip-parola-12');
  await staff.goto(`${t.base}/requests/${ids.overdue}`);
  const actions = staff.getByTestId('request-actions');
  await actions.getByRole('button', { name: 'Bana ata' }).waitFor();
  expect(await actions.getByRole('button', { name: 'Ata', exact: true }).count()).toBe(0);
  // Sent by hand from the same session, the assignment of someone else is refused.
  const version = ((await (await staff.request.get(`${t.base}/api/v1/requests/${ids.overdue}`)).json()) as { version: number }).version;
  const [amir] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'amir'));
  const refused = await staff.request.post(`${t.base}/api/v1/requests/${ids.overdue}/actions`, { headers: { 'x-cozum-csrf': '1' }, data: { action: 'assign', version, assigneeId: amir!.id } });
  expect(refused.status()).toBe(403);
  // Taking it on themselves is theirs to do.
  await actions.getByRole('button', { name: 'Bana ata' }).click();
  await expect.poll(async () => (await t.database.db.select({ assigneeId: requests.assigneeId }).from(requests).where(eq(requests.id, ids.overdue)))[0]!.assigneeId).not.toBeNull();
});
