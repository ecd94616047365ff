/**
 * The satisfaction survey as a citizen and a supervisor meet it: the link from the SMS opens
 * the survey without signing in, takes one answer, and the supervisor sees it counted in the
 * results with a chart per question and a CSV to download.
 */
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createUser } from '../../src/app/users.js';
import { inviteResolvedRequests } from '../../src/app/surveys/invitations.js';
import { categories, outbox, requests, satisfactionRatings } from '../../src/db/schema.js';
import { recordAndResolve } from '../resolved-request.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { signInThroughForm } from './navigation.js';

let t: BrowserApp;
let surveyId: number;
let requestId: number;

useBrowserApp(async (app) => {
  t = app;
  const supervisor = await t.signIn('supervisor');
  const agent = await t.signIn('agent');
  const unitStaff = await t.signIn('unit_staff');
  const survey = await t.app.inject({
    method: 'POST',
    url: '/api/v1/surveys',
    headers: supervisor,
    payload: {
      kind: 'satisfaction',
      titleTr: 'Çözüm memnuniyeti',
      questions: [
        { kind: 'scale', textTr: 'Çözümden ne kadar memnunsunuz?', scaleMin: 1, scaleMax: 5, overall: true },
        { kind: 'single', textTr: 'Sorununuz çözüldü mü?', options: [{ tr: 'Evet' }, { tr: 'Hayır' }] },
        { kind: 'text', textTr: 'Eklemek istedikleriniz', required: false },
      ],
    },
  });
  surveyId = survey.json().id;
  await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${surveyId}/status`, headers: supervisor, payload: { status: 'active' } });
  const [category] = await t.database.db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'su-arizasi'));
  const request = { categoryId: category!.id, description: 'Sokakta su borusu patladı.', channel: 'phone', citizen: { fullName: 'Deniz Ak', phone: '0532 765 43 21' } };
  requestId = (await recordAndResolve(t, { agent, unitStaff }, request, 'Boru onarıldı.')).id;
  await t.database.db.transaction((tx) => inviteResolvedRequests(tx, new Date(Date.now() + 2 * 3600_000), { secret: t.config.sessionSecret, publicUrl: t.base }));
  await createUser(t.database.db, null, { username: 'sup1', displayName: 'Süpervizör Nur', password: 'sup-parola-1', role: 'supervisor' });
});

it('a citizen answers from the SMS link once, and the supervisor sees it charted', async () => {
  const texts = (await t.database.db.select({ payload: outbox.payload }).from(outbox).where(and(eq(outbox.kind, 'sms'), eq(outbox.requestId, requestId)))).map((m) => (m.payload as { text: string }).text);
  const link = texts.map((text) => /(http:\/\/\S+\/s\/\S+)/.exec(text)?.[1]).find(Boolean)!;
  expect(link).toBeTruthy();

  const citizen = await t.browser.newPage();
  await citizen.goto(link);
  await citizen.getByRole('heading', { name: 'Çözüm memnuniyeti' }).waitFor();
  await citizen.getByRole('button', { name: 'Yanıtı gönder' }).click();
  await citizen.getByText('Bu soruyu yanıtlayın').first().waitFor();
  await citizen.getByRole('radio', { name: '5', exact: true }).check();
  await citizen.getByRole('radio', { name: 'Evet' }).check();
  await citizen.getByRole('textbox', { name: /Eklemek istedikleriniz/ }).fill('Aynı gün geldiler, teşekkürler.');
  await citizen.getByRole('button', { name: 'Yanıtı gönder' }).click();
  await citizen.getByText('Yanıtınız kaydedildi.', { exact: false }).waitFor();
  const [rating] = await t.database.db.select().from(satisfactionRatings).where(eq(satisfactionRatings.requestId, requestId));
  expect(rating).toMatchObject({ score: 5, channel: 'sms_link' });

  await citizen.goto(link);
  await citizen.getByText('Bu bağlantıyla anket zaten yanıtlandı.', { exact: false }).waitFor();
  expect(await citizen.getByRole('button', { name: 'Yanıtı gönder' }).count()).toBe(0);
  await citizen.close();

  const supervisor = await t.browser.newPage();
  await signInThroughForm(supervisor, `${t.base}/surveys`, 'sup1', 'sup-parola-1');
  await supervisor.getByRole('link', { name: 'Çözüm memnuniyeti' }).click();
  await supervisor.getByTestId('survey-total').getByText('1 yanıt').waitFor();
  const first = supervisor.getByTestId('question-1');
  await first.getByText('ortalama 5').waitFor();
  expect(await first.locator('canvas').count()).toBe(1);
  await supervisor.getByTestId('question-3').getByText('“Aynı gün geldiler, teşekkürler.”', { exact: false }).waitFor();
  const download = supervisor.waitForEvent('download');
  await supervisor.getByRole('link', { name: 'CSV indir' }).click();
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toMatch(/,sms_link,.*,5,Evet,"Aynı gün geldiler, teşekkürler\."/);
  await supervisor.screenshot({ path: `${SCREENSHOTS}/survey-results.png`, fullPage: true });
  await supervisor.close();
});

it('a supervisor writes a campaign survey, is told what is missing, opens it, and plans a bus visit', async () => {
  await createUser(t.database.db, null, { username: 'saha9', displayName: 'Saha Ekibi Aslı', password: 'saha-parola-9', role: 'field_staff' });
  const page = await t.browser.newPage();
  await signInThroughForm(page, `${t.base}/surveys`, 'sup1', 'sup-parola-1');

  await page.getByRole('button', { name: 'Yeni kampanya anketi' }).click();
  const editor = page.getByRole('dialog');
  await editor.getByRole('textbox', { name: 'Başlık (Türkçe)' }).fill('Kütüphane anketi');
  await editor.getByRole('textbox', { name: 'Seçenek 1' }).fill('Her hafta');
  await editor.getByRole('textbox', { name: 'Seçenek 2' }).fill('Hiç');
  await editor.getByRole('button', { name: 'Kaydet' }).click();
  // The question itself was left empty: the editor points at it.
  await editor.getByText('Zorunlu alan', { exact: true }).first().waitFor();
  await editor.getByRole('textbox', { name: 'Soru (Türkçe)' }).fill('Kütüphaneye ne sıklıkla gidiyorsunuz?');
  await editor.getByRole('button', { name: 'Kaydet' }).click();
  await editor.waitFor({ state: 'detached' });
  const row = page.getByRole('row', { name: /Kütüphane anketi/ });
  await row.getByText('Taslak').waitFor();
  await row.getByRole('button', { name: 'Aç' }).click();
  await row.getByText('Açık').waitFor();

  await page.goto(`${t.base}/field/visits`);
  await page.getByRole('button', { name: 'Ekip ekle' }).click();
  const teamForm = page.getByRole('dialog');
  await teamForm.getByRole('textbox', { name: 'Ekip adı' }).fill('Mobil Çözüm Otobüsü 2');
  await teamForm.getByLabel('Üyeler').click();
  await page.getByRole('option', { name: 'Saha Ekibi Aslı' }).click();
  // The member list stays open for more picks; leaving it closes it.
  await teamForm.getByRole('textbox', { name: 'Ekip adı' }).click();
  await teamForm.getByRole('button', { name: 'Kaydet' }).click();
  await teamForm.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Ziyaret planla' }).click();
  const visitForm = page.getByRole('dialog');
  await visitForm.getByRole('combobox', { name: 'İlçe' }).fill('Bafra');
  await page.getByRole('option', { name: 'Bafra' }).click();
  await visitForm.getByRole('textbox', { name: 'Yer (meydan, cadde)' }).fill('Cumhuriyet Meydanı');
  await visitForm.getByRole('button', { name: 'Kaydet' }).click();
  await visitForm.waitFor({ state: 'detached' });
  const visit = page.getByRole('row', { name: /Cumhuriyet Meydanı/ });
  await visit.getByText('Mobil Çözüm Otobüsü 2').waitFor();
  await visit.getByRole('button', { name: 'Yapıldı' }).click();
  await visit.getByText('Yapıldı').waitFor();
  await visit.getByRole('button', { name: 'Rapor' }).click();
  await page.getByRole('dialog').getByTestId('report-requests').getByText('0').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/field-visits.png`, fullPage: true });
  await page.close();
});

it('an agent calls back a citizen who did not rate, reads the survey and records the answers', async () => {
  const db = t.database.db;
  const agent = await t.signIn('agent');
  const unitStaff = await t.signIn('unit_staff');
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'su-arizasi'));
  const request = { categoryId: category!.id, description: 'Apartman önünde su kaçağı var.', channel: 'phone', citizen: { fullName: 'Sevgi Yurt', phone: '0533 222 11 00' } };
  const { id, trackingNo } = await recordAndResolve(t, { agent, unitStaff }, request, 'Kaçak giderildi.');
  // Resolved four days ago: the call-back list waits three days for the link to be answered.
  await db.update(requests).set({ resolvedAt: new Date(Date.now() - 4 * 86400_000) }).where(eq(requests.id, id));
  await createUser(db, null, { username: 'temsilci1', displayName: 'Temsilci Oya', password: 'temsilci-parola-1', role: 'agent' });

  const page = await t.browser.newPage();
  await signInThroughForm(page, `${t.base}/surveys/callbacks`, 'temsilci1', 'temsilci-parola-1');
  const row = page.getByRole('row', { name: new RegExp(trackingNo) });
  await row.getByText('0533 222 11 00').waitFor();
  await row.getByRole('button', { name: 'Anketi al' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: '3', exact: true }).check();
  await dialog.getByRole('radio', { name: 'Hayır' }).check();
  await dialog.getByRole('button', { name: 'Yanıtları kaydet' }).click();
  await page.getByText(`${trackingNo} için yanıtlar kaydedildi.`).waitFor();
  await expect.poll(() => row.count()).toBe(0);
  const [rating] = await db.select().from(satisfactionRatings).where(eq(satisfactionRatings.requestId, id));
  expect(rating).toMatchObject({ score: 3, channel: 'callback' });
  await page.close();
});
