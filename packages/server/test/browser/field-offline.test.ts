/**
 * The field app with no network, as the Mobile Solution Bus team meets it: opened once online,
 * then the network is cut; the app still opens from the service worker, takes 3 requests and 2
 * survey answers into its queue, and sends them when the network is back, exactly once.
 * Sending the same queue again (a tablet that lost the answers) adds nothing.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import { attachments, categories, districts, fieldVisitRequests, idempotencyKeys, requests, surveyResponses, units, users } from '../../src/db/schema.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { signInThroughForm } from './navigation.js';

let t: BrowserApp;
let context: BrowserContext;
let page: Page;
let visitId: number;
let surveyId: number;

/** A photo as the tablet's camera would give it (the server judges photos by their first bytes). */
const PHOTO = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 7)]);

const today = () => new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);

useBrowserApp(async (app) => {
  t = app;
  const db = t.database.db;
  await createUser(db, null, { username: 'otobus1', displayName: 'Otobüs Ekibi Selin', password: 'otobus-parola-1', role: 'field_staff' });
  const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'otobus1'));
  const [atakum] = await db.select({ id: districts.id }).from(districts).where(eq(districts.name, 'Atakum'));
  const supervisor = await t.signIn('supervisor');
  const team = await t.app.inject({ method: 'POST', url: '/api/v1/field/teams', headers: supervisor, payload: { name: 'Mobil Çözüm Otobüsü', kind: 'bus', memberIds: [staff!.id] } });
  const visit = await t.app.inject({ method: 'POST', url: '/api/v1/field/visits', headers: supervisor, payload: { teamId: team.json().id, districtId: atakum!.id, place: 'Atakum Sahil Meydanı', visitDate: today() } });
  expect(visit.statusCode, visit.body).toBe(201);
  visitId = visit.json().id;
  const survey = await t.app.inject({
    method: 'POST',
    url: '/api/v1/surveys',
    headers: supervisor,
    payload: {
      kind: 'campaign',
      titleTr: 'Sahil düzenlemesi anketi',
      districtIds: [atakum!.id],
      questions: [
        { kind: 'single', textTr: 'Sahil yolu bisiklet yoluna dönüşsün mü?', options: [{ tr: 'Evet' }, { tr: 'Hayır' }] },
        { kind: 'scale', textTr: 'Sahilin bugünkü hâlinden memnuniyetiniz', scaleMin: 1, scaleMax: 5 },
      ],
    },
  });
  surveyId = survey.json().id;
  await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${surveyId}/status`, headers: supervisor, payload: { status: 'active' } });
  context = await t.browser.newContext();
  page = await context.newPage();
});
// Registered after the browser's own hooks, so it runs before the browser closes.
afterAll(() => context?.close());

// Run in the page (strings: this file is compiled without the DOM's types).
const CONTROLLED_BY_WORKER = 'navigator.serviceWorker.ready.then((r) => Boolean(r.active && navigator.serviceWorker.controller))';
/** Puts every queued item back to "waiting" and forgets the answers, as on a tablet that lost them. */
const REQUEUE_EVERYTHING = `new Promise((resolve, reject) => {
  const open = indexedDB.open('cozum-field');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction('queue', 'readwrite');
    const store = tx.objectStore('queue');
    const all = store.getAll();
    all.onsuccess = () => { for (const item of all.result) store.put({ ...item, status: 'pending', result: undefined, syncedAt: undefined }); };
    tx.oncomplete = () => { db.close(); resolve(all.result.length); };
    tx.onerror = () => reject(tx.error);
  };
})`;

const fieldRequests = () => t.database.db.select().from(requests).where(eq(requests.channel, 'field'));
const fieldAnswers = () => t.database.db.select().from(surveyResponses).where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.channel, 'field')));
const pending = () => page.getByTestId('pending-count');

async function captureRequest(description: string, citizen: string) {
  await page.getByRole('tab', { name: 'Başvuru al' }).click();
  await page.getByRole('combobox', { name: 'Kategori' }).fill('Su arızası');
  await page.getByRole('option', { name: /Su arızası/i }).first().click();
  await page.getByRole('textbox', { name: 'Açıklama' }).fill(description);
  await page.getByRole('textbox', { name: 'Ad soyad' }).fill(citizen);
  await page.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
  await page.getByTestId('field-notice').getByText(description.slice(0, 20)).waitFor();
}

async function answerSurvey(yes: boolean, score: number) {
  await page.getByRole('tab', { name: 'Anket' }).click();
  await page.getByRole('combobox', { name: 'Anket seçin' }).click();
  await page.getByRole('option', { name: 'Sahil düzenlemesi anketi' }).click();
  await page.getByRole('radio', { name: yes ? 'Evet' : 'Hayır' }).check();
  await page.getByRole('radio', { name: String(score), exact: true }).check();
  await page.getByRole('button', { name: 'Yanıtları kaydet' }).click();
  await page.getByTestId('field-notice').getByText('Sahil düzenlemesi anketi').waitFor();
}

it('captures 3 requests and 2 survey answers offline and syncs them exactly once, and a replay adds nothing', async () => {
  // Online once: sign in, let the service worker keep the shell and the app keep its data.
  await signInThroughForm(page, `${t.base}/field`, 'otobus1', 'otobus-parola-1');
  await page.getByRole('heading', { name: 'Saha uygulaması' }).waitFor();
  await page.getByRole('combobox', { name: 'Ziyaret' }).waitFor();
  await page.waitForFunction(CONTROLLED_BY_WORKER);
  // Reloaded under the worker's control, every chunk the app uses passes through its cache.
  await page.reload();
  await page.getByRole('combobox', { name: 'Ziyaret' }).waitFor();

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Saha uygulaması' }).waitFor();
  await expect.poll(() => page.getByTestId('network-state').textContent()).toBe('Çevrimdışı');
  await page.getByRole('combobox', { name: 'Ziyaret' }).click();
  await page.getByRole('option', { name: /Atakum Sahil Meydanı/ }).click();

  await captureRequest('Sahil yolundaki yağmur ızgarası tıkalı, su birikiyor.', 'Murat Aydın');
  await captureRequest('Çeşme çalışmıyor, musluktan su gelmiyor.', 'Ayten Koç');
  await captureRequest('Parktaki sulama borusu patlamış, çim su altında.', 'Kemal Öz');
  await answerSurvey(true, 4);
  await answerSurvey(false, 2);
  await expect.poll(() => pending().textContent()).toBe('5 gönderilmeyi bekliyor');
  await page.screenshot({ path: `${SCREENSHOTS}/field-offline-queue.png`, fullPage: true });
  expect(await fieldRequests()).toHaveLength(0);
  expect(await fieldAnswers()).toHaveLength(0);

  // Back online: the queue goes by itself.
  await context.setOffline(false);
  await expect.poll(() => pending().textContent(), { timeout: 20_000 }).toBe('0 gönderilmeyi bekliyor');
  const synced = await fieldRequests();
  expect(synced.map((r) => r.description).sort()).toEqual(['Parktaki sulama borusu patlamış, çim su altında.', 'Sahil yolundaki yağmur ızgarası tıkalı, su birikiyor.', 'Çeşme çalışmıyor, musluktan su gelmiyor.']);
  expect(await t.database.db.$count(fieldVisitRequests, eq(fieldVisitRequests.visitId, visitId))).toBe(3);
  expect((await fieldAnswers()).map((a) => a.visitId)).toEqual([visitId, visitId]);
  await page.getByRole('tab', { name: /Kuyruk/ }).click();
  const tracking = synced.map((r) => r.trackingNo);
  for (const number of tracking) await page.getByTestId('queue').getByText(number).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/field-offline-synced.png`, fullPage: true });

  // A tablet that lost the answers sends the whole queue again, with the same keys.
  expect(await page.evaluate(REQUEUE_EVERYTHING)).toBe(5);
  await page.reload();
  await expect.poll(() => pending().textContent(), { timeout: 20_000 }).toBe('0 gönderilmeyi bekliyor');
  expect((await fieldRequests()).map((r) => r.trackingNo).sort()).toEqual([...tracking].sort());
  expect(await fieldAnswers()).toHaveLength(2);
  expect(await t.database.db.$count(idempotencyKeys)).toBe(5);
  await page.getByRole('tab', { name: /Kuyruk/ }).click();
  for (const number of tracking) await page.getByTestId('queue').getByText(number).waitFor();
});

it('shows a conflict when the unit resolved a work order while the tablet was offline, and keeps the rest', async () => {
  const db = t.database.db;
  const agent = await t.signIn('agent');
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'su-arizasi'));
  const record = async (description: string) => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agent, payload: { categoryId: category!.id, description, channel: 'phone' } });
    return (await db.select().from(requests).where(eq(requests.id, created.json().id)))[0]!;
  };
  const taken = await record('Vana odasının kapağı kırık, tehlike yaratıyor.');
  const fixed = await record('Rögar kapağı yerinden oynamış, araçlar çarpıyor.');
  const [unit] = await db.select({ code: units.code }).from(units).where(eq(units.id, taken.unitId));
  await createUser(db, null, { username: 'saha2', displayName: 'Saha Ekibi Cem', password: 'saha-parola-2', role: 'field_staff', unitId: taken.unitId });
  const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'saha2'));
  const head = await t.signIn('unit_head', { unitCode: unit!.code });
  for (const request of [taken, fixed]) {
    const assigned = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${request.id}/actions`, headers: head, payload: { action: 'assign', version: request.version, assigneeId: staff!.id } });
    expect(assigned.statusCode, assigned.body).toBe(200);
  }

  const tablet = await t.browser.newContext();
  const app = await tablet.newPage();
  const order = (trackingNo: string) => app.locator('.mantine-Card-root').filter({ hasText: trackingNo });
  try {
    await signInThroughForm(app, `${t.base}/field`, 'saha2', 'saha-parola-2');
    await app.getByRole('tab', { name: 'İş emirleri (2)' }).click();
    await order(taken.trackingNo).waitFor();

    await tablet.setOffline(true);
    await order(taken.trackingNo).getByRole('textbox', { name: 'Yapılan iş (vatandaş okur)' }).fill('Kapak yenisiyle değiştirildi.');
    await order(taken.trackingNo).getByRole('button', { name: 'İşi kapat' }).click();
    await order(fixed.trackingNo).getByRole('textbox', { name: 'Yapılan iş (vatandaş okur)' }).fill('Rögar kapağı yerine oturtuldu ve sabitlendi.');
    await order(fixed.trackingNo).locator('input[type=file]').setInputFiles({ name: 'rogar.png', mimeType: 'image/png', buffer: PHOTO });
    await order(fixed.trackingNo).getByRole('button', { name: 'İşi kapat' }).click();
    await expect.poll(() => app.getByTestId('pending-count').textContent()).toBe('2 gönderilmeyi bekliyor');

    // Meanwhile the unit solved the first one from the office.
    const current = (await db.select().from(requests).where(eq(requests.id, taken.id)))[0]!;
    const resolved = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${taken.id}/actions`, headers: head, payload: { action: 'resolve', version: current.version, text: 'Ekip yönlendirildi, kapak değişti.' } });
    expect(resolved.statusCode, resolved.body).toBe(200);

    await tablet.setOffline(false);
    await expect.poll(() => app.getByTestId('pending-count').textContent(), { timeout: 20_000 }).toBe('0 gönderilmeyi bekliyor');
    await app.getByText('1 çakışma').waitFor();
    await app.getByRole('tab', { name: /Kuyruk/ }).click();
    await app.getByTestId('queue').getByText('Siz çevrimdışıyken bu iş kapatılmış veya durumu değişmiş').waitFor();
    await app.getByTestId('queue').getByText(/durumundaki bir başvuruda/).waitFor();
    await app.screenshot({ path: `${SCREENSHOTS}/field-offline-conflict.png`, fullPage: true });
    expect((await db.select().from(requests).where(eq(requests.id, taken.id)))[0]).toMatchObject({ status: 'resolved', resolution: 'Ekip yönlendirildi, kapak değişti.' });
    // The other close went through, with its photo.
    expect((await db.select().from(requests).where(eq(requests.id, fixed.id)))[0]).toMatchObject({ status: 'resolved', resolution: 'Rögar kapağı yerine oturtuldu ve sabitlendi.' });
    expect((await db.select().from(attachments).where(eq(attachments.requestId, fixed.id))).map((a) => a.fileName)).toEqual(['rogar.png']);

    await app.getByRole('button', { name: 'Kuyruktan sil' }).click();
    await expect.poll(() => app.getByText('1 çakışma').count()).toBe(0);
  } finally {
    await tablet.close();
  }
});
