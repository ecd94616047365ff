/**
 * The first start's content for Samsun: a knowledge base the agents' search finds, the
 * satisfaction survey that invites the citizen after a resolution, the Mobile Solution Bus's
 * route through the 17 districts with the field staff in its crew, and the everyday words of
 * the categories. Seeding again adds nothing twice and undoes no administrator's change.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, isoWeekday, localDate } from '@cozum/domain';
import { categories, fieldTeams, fieldVisits, holidays, kbArticles, outbox, seededContent, surveys } from '../src/db/schema.js';
import { inviteResolvedRequests } from '../src/app/surveys/invitations.js';
import { seedCityContent, type ContentSummary } from '../src/seed/city-content.js';
import { seedReference } from '../src/seed/places-holidays-taxonomy.js';
import { useTestApp, type TestContext } from './harness.js';
import { recordAndResolve } from './resolved-request.js';

let t: TestContext;
let admin: Record<string, string>;
let supervisor: Record<string, string>;
let agent: Record<string, string>;
let unitStaff: Record<string, string>;
let fieldStaff: Record<string, string>;
let first: ContentSummary;
const today = localDate(new Date(), DEFAULT_TIME_ZONE);

useTestApp(async (started) => {
  t = started;
  // The demo field staff account, as `npm start` creates it before the content.
  fieldStaff = await t.signIn('field_staff', { username: 'field_staff' });
  first = await t.database.db.transaction((tx) => seedCityContent(tx, new Date()));
  admin = await t.signIn('admin');
  supervisor = await t.signIn('supervisor');
  agent = await t.signIn('agent');
  unitStaff = await t.signIn('unit_staff');
});

type Article = { id: number; titleTr: string; categoryId: number | null };
const search = async (q: string): Promise<Article[]> => {
  const res = await t.app.inject({ url: `/api/v1/kb/articles?q=${encodeURIComponent(q)}`, headers: agent });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const categoryId = async (code: string) => (await t.database.db.select({ id: categories.id }).from(categories).where(eq(categories.code, code)))[0]!.id;

describe('the knowledge base', () => {
  it('holds at least 40 articles, each filed under a category and a unit', async () => {
    expect(first.articles).toBeGreaterThanOrEqual(40);
    const rows = await t.database.db.select().from(kbArticles);
    expect(rows).toHaveLength(first.articles);
    expect(rows.every((a) => a.categoryId !== null && a.unitId !== null && a.tags.length > 0 && a.bodyTr.length > 200)).toBe(true);
  });

  it('answers the topics the centre is asked most', async () => {
    const funerals = await search('cenaze');
    expect(funerals.length).toBeGreaterThanOrEqual(4);
    const hearse = await categoryId('cenaze-nakil');
    expect(funerals[0]!.categoryId).toBe(hearse);

    const waterCut = await categoryId('su-kesintisi');
    expect((await search('su kesintisi'))[0]!.categoryId).toBe(waterCut);
    for (const q of ['sosyal yardım', 'Samkart', 'nikah salonu', 'çalışma saatleri']) expect(await search(q), q).not.toEqual([]);
  });

  it('finds them typed without Turkish letters or with a slip of the keyboard', async () => {
    expect((await search('cenaze araci'))[0]!.titleTr).toBe('Cenaze Aracı (Cenaze Nakil Hizmeti)');
    expect((await search('cenaze aracı'))[0]!.titleTr).toBe('Cenaze Aracı (Cenaze Nakil Hizmeti)');
    expect((await search('su kesıntisi'))[0]!.categoryId).toBe(await categoryId('su-kesintisi'));
    expect((await search('sokak lambasi'))[0]!.titleTr).toBe('Sokak Lambası Yanmıyor: Kime Bildirilir?');
  });
});

describe('the satisfaction survey', () => {
  it('is open, in Turkish and English, and invites the citizen once a request is resolved', async () => {
    expect(first.satisfactionSurvey).toBe(true);
    const [survey] = await t.database.db.select().from(surveys).where(eq(surveys.kind, 'satisfaction'));
    expect(survey).toMatchObject({ status: 'active', titleEn: 'Satisfaction with the Solution' });

    const request = { categoryId: await categoryId('su-arizasi'), description: 'Sokakta boru patladı, su akıyor.', channel: 'phone', citizen: { fullName: 'Ayşe Kaya', phone: '0532 444 55 66', locale: 'tr' } };
    const { id, resolved } = await recordAndResolve(t, { agent, unitStaff }, request, 'Boru onarıldı.');
    expect(resolved.statusCode, resolved.body).toBe(200);
    const later = new Date(Date.now() + 2 * 3600_000);
    expect(await t.database.db.transaction((tx) => inviteResolvedRequests(tx, later, { secret: t.config.sessionSecret!, publicUrl: 'https://cozum.example.org' }))).toBe(1);
    const sms = (await t.database.db.select().from(outbox).where(eq(outbox.requestId, id))).filter((m) => m.kind === 'sms' && (m.payload as { text: string }).text.includes('/s/'));
    expect(sms).toHaveLength(1);

    const link = (sms[0]!.payload as { text: string }).text.match(/\/s\/([\w.-]+)/)![1]!;
    const page = (await t.app.inject({ url: `/api/v1/survey-links/${link}` })).json();
    expect(page.survey.questions.map((q: { kind: string }) => q.kind)).toEqual(['scale', 'single', 'text']);
  });
});

describe('the Mobile Solution Bus and the field teams', () => {
  type Visit = { teamName: string; districtId: number; districtName: string; place: string; visitDate: string; status: string };
  const visits = async (): Promise<Visit[]> => (await t.app.inject({ url: '/api/v1/field/visits', headers: supervisor })).json().items;

  it('plans one visit in each of the 17 districts, one a working day from the next one on', async () => {
    const route = (await visits()).filter((v) => v.teamName === 'Mobil Çözüm Otobüsü');
    expect(route).toHaveLength(17);
    expect(new Set(route.map((v) => v.districtId)).size).toBe(17);
    expect(route.every((v) => v.status === 'planned' && v.place.length > 0)).toBe(true);
    const days = route.map((v) => v.visitDate).sort();
    expect(new Set(days).size).toBe(17);
    expect(days[0]! > today).toBe(true);
    const offDays = new Set((await t.database.db.select({ date: holidays.date, halfDay: holidays.halfDay }).from(holidays)).filter((h) => !h.halfDay).map((h) => String(h.date)));
    expect(days.filter((d) => isoWeekday(d) > 5 || offDays.has(d))).toEqual([]);
  });

  it('has the bus crew and two field teams, the field staff in each, who sees the route on the tablet', async () => {
    const teams = (await t.app.inject({ url: '/api/v1/field/teams', headers: supervisor })).json().items as { name: string; kind: string; members: { displayName: string }[] }[];
    expect(teams.map((team) => [team.name, team.kind]).sort()).toEqual([
      ['Mobil Çözüm Otobüsü', 'bus'],
      ['Saha Ekibi (Batı İlçeleri)', 'field'],
      ['Saha Ekibi (Doğu İlçeleri)', 'field'],
    ]);
    expect(teams.every((team) => team.members.length === 1)).toBe(true);
    const tablet = await t.app.inject({ url: '/api/v1/field/bootstrap', headers: fieldStaff });
    expect(tablet.statusCode, tablet.body).toBe(200);
    expect(tablet.json().visits.length).toBeGreaterThan(0);
  });
});

describe('the everyday words of the categories', () => {
  it('are seeded with the categories and offered to the pickers', async () => {
    const all = (await t.app.inject({ url: '/api/v1/categories', headers: agent })).json().items as { code: string; synonyms: string[] }[];
    expect(all.find((c) => c.code === 'sokak-aydinlatma')!.synonyms).toEqual(expect.arrayContaining(['lamba', 'sokak lambası', 'aydınlatma']));
    expect(all.find((c) => c.code === 'yol-cukur')!.synonyms).toContain('çukur');
    expect(all.find((c) => c.code === 'sokak-hayvanlari')!.synonyms).toContain('köpek');
    expect(all.find((c) => c.code === 'su-kesintisi')!.synonyms).toContain('su yok');
    const portal = (await t.app.inject({ url: '/api/v1/portal/categories' })).json().items as { code: string; synonyms: string[] }[];
    expect(portal.find((c) => c.code === 'cop-toplama')!.synonyms).toContain('çöp');
  });

  it('are edited by an administrator: trimmed, blanks and repeats dropped, too long refused naming the field', async () => {
    const id = await categoryId('dilencilik');
    const saved = await t.app.inject({ method: 'PATCH', url: `/api/v1/categories/${id}`, headers: admin, payload: { synonyms: [' dilenci ', 'Dilenci', '  ', 'para isteyen  çocuk'] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().synonyms).toEqual(['dilenci', 'para isteyen çocuk']);
    const tooLong = await t.app.inject({ method: 'PATCH', url: `/api/v1/categories/${id}`, headers: admin, payload: { synonyms: ['x'.repeat(101)] } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toMatch(/synonyms/);
  });

  it('reach a database seeded before they existed', async () => {
    const db = t.database.db;
    await db.update(categories).set({ synonyms: [] }).where(eq(categories.code, 'kar-buzlanma'));
    await db.delete(seededContent).where(eq(seededContent.key, 'category-synonyms:kar-buzlanma'));
    await db.transaction((tx) => seedReference(tx));
    const [row] = await db.select({ synonyms: categories.synonyms }).from(categories).where(eq(categories.code, 'kar-buzlanma'));
    expect(row!.synonyms).toContain('tuzlama');
  });
});

describe('seeding again, as every start does', () => {
  it('adds nothing twice and keeps what administrators changed or removed', async () => {
    const db = t.database.db;
    // An administrator rewrites an article, clears a category's words, closes the survey and drops a visit.
    const [article] = await db.select().from(kbArticles).limit(1);
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/kb/articles/${article!.id}`, headers: supervisor, payload: { titleTr: 'Yerel başlık' } });
    expect(edited.statusCode, edited.body).toBe(200);
    const lighting = await categoryId('sokak-aydinlatma');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/categories/${lighting}`, headers: admin, payload: { synonyms: [] } })).statusCode).toBe(200);
    const [survey] = await db.select().from(surveys).where(eq(surveys.kind, 'satisfaction'));
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey!.id}/status`, headers: supervisor, payload: { status: 'closed' } })).statusCode).toBe(200);
    const [dropped] = await db.select().from(fieldVisits).limit(1);
    await db.delete(fieldVisits).where(eq(fieldVisits.id, dropped!.id));
    const count = async (table: typeof kbArticles | typeof surveys | typeof fieldTeams | typeof fieldVisits) => Number((await db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n);
    const before = { articles: await count(kbArticles), surveys: await count(surveys), teams: await count(fieldTeams), visits: await count(fieldVisits) };

    await db.transaction((tx) => seedReference(tx));
    const again = await db.transaction((tx) => seedCityContent(tx, new Date()));

    expect(again).toEqual({ articles: 0, satisfactionSurvey: false, teams: 0, teamMembers: 0, visits: 0 });
    expect({ articles: await count(kbArticles), surveys: await count(surveys), teams: await count(fieldTeams), visits: await count(fieldVisits) }).toEqual(before);
    expect((await db.select().from(kbArticles).where(eq(kbArticles.id, article!.id)))[0]!.titleTr).toBe('Yerel başlık');
    expect((await db.select().from(categories).where(eq(categories.id, lighting)))[0]!.synonyms).toEqual([]);
    expect((await db.select().from(surveys).where(eq(surveys.id, survey!.id)))[0]!.status).toBe('closed');
  });
});
