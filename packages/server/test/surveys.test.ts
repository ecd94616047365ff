/**
 * Surveys as the centre runs them: the satisfaction survey goes out after a resolution by SMS
 * and e-mail with signed links in the citizen's language, each link takes one answer and the
 * score becomes the request's rating; campaigns targeted by district take answers from links,
 * agents on call-backs and field tablets; results per question and the CSV export.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { categories, districts, outbox, satisfactionRatings, surveyResponses } from '../src/db/schema.js';
import { inviteResolvedRequests } from '../src/app/surveys/invitations.js';
import { useTestApp, type TestContext } from './harness.js';
import { recordAndResolve } from './resolved-request.js';

let t: TestContext;
let supervisor: Record<string, string>;
let agent: Record<string, string>;
let unitStaff: Record<string, string>;
let categoryId: number;
let atakum: number;
let ilkadim: number;

const satisfaction = {
  kind: 'satisfaction',
  titleTr: 'Çözüm memnuniyeti',
  titleEn: 'Satisfaction with the solution',
  questions: [
    { kind: 'scale', textTr: 'Çözümden genel olarak ne kadar memnunsunuz?', textEn: 'How satisfied are you overall?', scaleMin: 1, scaleMax: 5, overall: true },
    { kind: 'single', textTr: 'Sorununuz çözüldü mü?', options: [{ tr: 'Evet', en: 'Yes' }, { tr: 'Kısmen', en: 'Partly' }, { tr: 'Hayır', en: 'No' }] },
    { kind: 'text', textTr: 'Eklemek istedikleriniz', required: false },
  ],
};

const campaign = () => ({
  kind: 'campaign',
  titleTr: 'Sahil parkı anketi',
  districtIds: [atakum],
  questions: [
    { kind: 'single', textTr: 'Parkı ne sıklıkla kullanıyorsunuz?', options: [{ tr: 'Her gün' }, { tr: 'Haftada bir' }, { tr: 'Hiç' }] },
    { kind: 'multiple', textTr: 'Neler eklenmeli?', options: [{ tr: 'Bisiklet yolu' }, { tr: 'Oyun alanı' }, { tr: 'Aydınlatma' }] },
    { kind: 'scale', textTr: 'Parkın temizliği', scaleMin: 0, scaleMax: 10 },
    { kind: 'text', textTr: 'Önerileriniz', required: false },
  ],
});

async function createSurvey(body: unknown) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: supervisor, payload: body as object });
  expect(res.statusCode, res.body).toBe(201);
  const survey = res.json();
  const opened = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.id}/status`, headers: supervisor, payload: { status: 'active' } });
  expect(opened.statusCode, opened.body).toBe(200);
  return opened.json() as { id: number; questions: { id: number }[] };
}

/** A request recorded by an agent for a citizen with a phone and an e-mail, resolved by the unit. */
async function resolvedRequest(locale: 'tr' | 'en' = 'tr', phone = '0532 111 22 33') {
  const request = { categoryId, description: 'Sokak lambası yanmıyor, akşamları karanlık.', channel: 'phone', districtId: atakum, citizen: { fullName: 'Elif Demir', phone, email: `elif${phone.slice(-2)}@example.org`, locale } };
  const { id, created, resolved } = await recordAndResolve(t, { agent, unitStaff }, request, 'Lamba değiştirildi.');
  expect(created.statusCode, created.body).toBe(201);
  expect(resolved.statusCode, resolved.body).toBe(200);
  return id;
}

const linksIn = (text: string) => [...text.matchAll(/\/s\/([\w.-]+)/g)].map((m) => m[1]!);

useTestApp(async (started) => {
  t = started;
  supervisor = await t.signIn('supervisor');
  agent = await t.signIn('agent');
  unitStaff = await t.signIn('unit_staff');
  const db = t.database.db;
  const [cat] = await db.select().from(categories).where(eq(categories.code, 'su-arizasi'));
  categoryId = cat!.id;
  atakum = (await db.select().from(districts).where(eq(districts.name, 'Atakum')))[0]!.id;
  ilkadim = (await db.select().from(districts).where(eq(districts.name, 'İlkadım')))[0]!.id;
});

describe('the satisfaction survey after resolution', () => {
  let survey: { id: number; questions: { id: number }[] };
  let requestId: number;
  let smsToken: string;
  let emailToken: string;

  it('refuses a satisfaction survey without its overall score, naming what to fix', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: supervisor, payload: { ...satisfaction, questions: [satisfaction.questions[1]] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/exactly one overall 1–5 score question/);
  });

  it('sends one link by SMS and one by e-mail in the citizen’s language, once, after the resolution has settled', async () => {
    survey = await createSurvey(satisfaction);
    requestId = await resolvedRequest('en');
    const secret = t.config.sessionSecret;
    const publicUrl = 'https://cozum.example.org';
    // Resolved a moment ago: the citizen hears of the solution before being asked about it.
    expect(await t.database.db.transaction((tx) => inviteResolvedRequests(tx, new Date(), { secret, publicUrl }))).toBe(0);
    const later = new Date(Date.now() + 2 * 3600_000);
    expect(await t.database.db.transaction((tx) => inviteResolvedRequests(tx, later, { secret, publicUrl }))).toBe(1);
    expect(await t.database.db.transaction((tx) => inviteResolvedRequests(tx, later, { secret, publicUrl }))).toBe(0);

    const messages = (await t.database.db.select().from(outbox).where(eq(outbox.requestId, requestId))).map((m) => ({ kind: m.kind, ...(m.payload as { text: string; subject?: string }) }));
    const sms = messages.filter((m) => m.kind === 'sms' && m.text.includes('/s/'));
    const email = messages.filter((m) => m.kind === 'email' && m.text.includes('/s/'));
    expect(sms).toHaveLength(1);
    expect(email).toHaveLength(1);
    expect(sms[0]!.text).toMatch(/^Would you rate how your request \d{4}-\d+ was solved\? .*https:\/\/cozum\.example\.org\/s\//);
    expect(email[0]!.subject).toMatch(/Were you satisfied/);
    // The citizen reads English: the page opens in English too.
    expect(sms[0]!.text).toMatch(/\/s\/[\w.-]+\?lang=en /);
    smsToken = linksIn(sms[0]!.text)[0]!;
    emailToken = linksIn(email[0]!.text)[0]!;
    expect(smsToken).not.toBe(emailToken);
  });

  it('shows the questions behind a link, and the answer becomes the request’s rating', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/survey-links/${smsToken}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().state).toBe('open');
    expect(page.json().survey.questions).toHaveLength(3);

    const [overall, solved, comment] = survey.questions;
    const answered = await t.app.inject({ method: 'POST', url: `/api/v1/survey-links/${smsToken}`, payload: { answers: [{ questionId: overall!.id, value: 4 }, { questionId: solved!.id, choices: [0] }, { questionId: comment!.id, text: 'Hızlı ilgilendiniz, teşekkürler.' }] } });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json().rating).toBe(4);
    const [rating] = await t.database.db.select().from(satisfactionRatings).where(eq(satisfactionRatings.requestId, requestId));
    expect(rating).toMatchObject({ score: 4, channel: 'sms_link', comment: 'Hızlı ilgilendiniz, teşekkürler.' });
  });

  it('takes one answer per link: the same link again and the e-mail link of the same request are spent', async () => {
    const [overall, solved] = survey.questions;
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/survey-links/${smsToken}`, payload: { answers: [{ questionId: overall!.id, value: 1 }, { questionId: solved!.id, choices: [2] }] } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('survey.already_answered');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/survey-links/${emailToken}` })).json().state).toBe('answered');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/survey-links/${emailToken}`, payload: { answers: [{ questionId: overall!.id, value: 1 }, { questionId: solved!.id, choices: [2] }] } })).statusCode).toBe(409);
    const ratings = await t.database.db.select().from(satisfactionRatings).where(eq(satisfactionRatings.requestId, requestId));
    expect(ratings.map((r) => r.score)).toEqual([4]);
  });

  it('refuses a forged or altered token', async () => {
    const [id] = smsToken.split('.');
    for (const token of [`${id}.${'A'.repeat(32)}`, `${Number(id) + 1}.${smsToken.split('.')[1]}`, 'nonsense']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/survey-links/${token}` });
      expect(res.statusCode, token).toBe(404);
      expect(res.json().error.message).toMatch(/not valid/);
    }
  });

  it('lets an agent take the survey on a call-back, recorded as a call-back rating', async () => {
    const other = await resolvedRequest('tr', '0532 111 22 44');
    const [overall, solved] = survey.questions;
    const listed = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/surveys/callbacks?afterDays=0', headers: agent })).json().items as { requestId: number; phone: string }[];
    expect((await listed()).find((c) => c.requestId === other)).toMatchObject({ phone: '905321112244' });
    // The request rated through its SMS link is nobody to call.
    expect((await listed()).some((c) => c.requestId === requestId)).toBe(false);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.id}/responses`, headers: agent, payload: { channel: 'callback', requestId: other, answers: [{ questionId: overall!.id, value: 2 }, { questionId: solved!.id, choices: [1] }] } });
    expect(res.statusCode, res.body).toBe(201);
    const [rating] = await t.database.db.select().from(satisfactionRatings).where(eq(satisfactionRatings.requestId, other));
    expect(rating).toMatchObject({ score: 2, channel: 'callback' });
    expect((await listed()).some((c) => c.requestId === other)).toBe(false);
    const missing = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.id}/responses`, headers: agent, payload: { channel: 'callback', answers: [{ questionId: overall!.id, value: 2 }, { questionId: solved!.id, choices: [1] }] } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('requestId');
  });
});

describe('campaign surveys', () => {
  let survey: { id: number; questions: { id: number }[] };
  const answers = (often: number, wanted: number[], clean: number, note?: string) => {
    const [q1, q2, q3, q4] = survey.questions;
    return [{ questionId: q1!.id, choices: [often] }, { questionId: q2!.id, choices: wanted }, { questionId: q3!.id, value: clean }, ...(note ? [{ questionId: q4!.id, text: note }] : [])];
  };

  it('takes answers from links, call-backs and field tablets in the target district only', async () => {
    survey = await createSurvey(campaign());
    const links = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.id}/links`, headers: supervisor, payload: { count: 2, districtId: atakum } });
    expect(links.statusCode, links.body).toBe(201);
    const [first, second] = links.json().items.map((l: { url: string }) => linksIn(l.url)[0]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/survey-links/${first}`, payload: { answers: answers(0, [0, 2], 8, '=HYPERLINK("http://evil")') } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/survey-links/${second}`, payload: { answers: answers(1, [2], 6) } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/survey-links/${second}`, payload: { answers: answers(1, [2], 6) } })).statusCode).toBe(409);
    const callback = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.id}/responses`, headers: agent, payload: { channel: 'callback', districtId: atakum, answers: answers(0, [0], 10, 'Bisiklet yolu şart; çocuklar için de') } });
    expect(callback.statusCode, callback.body).toBe(201);

    const elsewhere = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.id}/responses`, headers: agent, payload: { channel: 'callback', districtId: ilkadim, answers: answers(0, [0], 10) } });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details[0].field).toBe('districtId');
  });

  it('refuses answers that do not fit the questions, naming the question', async () => {
    const [q1, , q3] = survey.questions;
    const cases: [unknown[], string, RegExp][] = [
      [answers(5, [0], 5), `answers.${q1!.id}`, /numbered 0 to 2/],
      [answers(0, [0], 11).map((a) => (a.questionId === q3!.id ? { ...a, value: 11 } : a)), 'body.answers.2.value', /must be <= 10/],
      [answers(0, [0], 5).filter((a) => a.questionId !== q3!.id), `answers.${q3!.id}`, /needs an answer/],
    ];
    for (const [given, field, message] of cases) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.id}/responses`, headers: agent, payload: { channel: 'callback', districtId: atakum, answers: given } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details[0].field).toBe(field);
      expect(res.json().error.details[0].message).toMatch(message);
    }
    expect(await t.database.db.$count(surveyResponses, eq(surveyResponses.surveyId, survey.id))).toBe(3);
  });

  it('counts each question’s answers for the charts', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${survey.id}/results`, headers: supervisor });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.channels).toEqual([{ channel: 'callback', count: 1 }, { channel: 'link', count: 2 }]);
    const [often, wanted, clean, notes] = body.questions;
    expect(often.options.map((o: { count: number }) => o.count)).toEqual([2, 1, 0]);
    expect(wanted.options.map((o: { count: number }) => o.count)).toEqual([2, 0, 2]);
    expect(clean.scale.filter((s: { count: number }) => s.count).map((s: { value: number }) => s.value)).toEqual([6, 8, 10]);
    expect(clean.average).toBe(8);
    expect(notes.texts).toHaveLength(2);
    const filtered = (await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${survey.id}/results?channel=callback`, headers: supervisor })).json();
    expect(filtered.total).toBe(1);
  });

  it('exports every answer as CSV with the choices spelled out and formulas disarmed', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${survey.id}/export.csv`, headers: supervisor });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('response,answered_at,channel,district,neighbourhood,visit,tracking_no,Q1 Parkı ne sıklıkla kullanıyorsunuz?,Q2 Neler eklenmeli?,Q3 Parkın temizliği,Q4 Önerileriniz');
    expect(lines[1]).toMatch(/,link,Atakum,,,,Her gün,"Bisiklet yolu; Aydınlatma",8,"'=HYPERLINK\(""http:\/\/evil""\)"$/);
    expect(lines[3]).toMatch(/,callback,Atakum,,,,Her gün,Bisiklet yolu,10,"Bisiklet yolu şart; çocuklar için de"$/);
  });

  it('keeps the questions as they were answered, and keeps results and editing to the right roles', async () => {
    const rewrite = await t.app.inject({ method: 'PUT', url: `/api/v1/surveys/${survey.id}`, headers: supervisor, payload: campaign() });
    expect(rewrite.statusCode).toBe(409);
    expect(rewrite.json().error.message).toMatch(/already has 3 answers/);
    expect(rewrite.json().error).toMatchObject({ code: 'survey.has_responses', params: { title: 'Sahil parkı anketi', responses: 3 } });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: agent, payload: campaign() })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${survey.id}/export.csv`, headers: agent })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${survey.id}/results` })).statusCode).toBe(401);
  });

  it('takes no answers once closed', async () => {
    await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.id}/status`, headers: supervisor, payload: { status: 'closed' } });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.id}/responses`, headers: agent, payload: { channel: 'callback', districtId: atakum, answers: answers(0, [0], 5) } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('survey.closed');
  });
});
