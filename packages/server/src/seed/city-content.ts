/**
 * What the centre answers and works from on its first day, for Samsun: knowledge-base articles
 * on the topics it answers most (city-data/knowledge-base.json), the satisfaction survey asked
 * after each resolution, and the field teams with the Mobile Solution Bus's route through the
 * 17 districts. Run on every start after the reference data; each piece is put in once, under
 * its key in the seed's ledger, so an administrator's later edit or deletion stays.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { addWorkingDays, checkQuestions, localDate, type QuestionDef, type Role, type TeamKind } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { categories, districts, fieldTeamMembers, fieldTeams, fieldVisits, kbArticles, surveys, units, users } from '../db/schema.js';
import { readCityData } from '../city-data/read.js';
import { loadCalendar } from '../app/calendar.js';
import { writeQuestions } from '../app/surveys/surveys.js';
import { claimSeedKeys } from './seeded-content.js';

export interface ArticleSeed {
  /** Stable key in the seed's ledger (`kb:<key>`). */
  key: string;
  categoryCode: string;
  unitCode: string;
  titleTr: string;
  titleEn: string;
  tags: string[];
  bodyTr: string;
}

export interface ContentSummary {
  articles: number;
  satisfactionSurvey: boolean;
  teams: number;
  teamMembers: number;
  visits: number;
}

export const SATISFACTION_SURVEY: { titleTr: string; titleEn: string; introTr: string; introEn: string; questions: QuestionDef[] } = {
  titleTr: 'Çözüm Memnuniyet Anketi',
  titleEn: 'Satisfaction with the Solution',
  introTr: 'Başvurunuz sonuçlandı. Nasıl çözüldüğünü değerlendirmeniz hizmetlerimizi iyileştirmemize yardım eder; anket bir dakikanızı alır.',
  introEn: 'Your request has been resolved. Telling us how it was solved helps us improve our services; the survey takes a minute.',
  questions: [
    {
      kind: 'scale',
      textTr: 'Başvurunuzun çözümünden genel olarak ne kadar memnunsunuz? (1: hiç memnun değilim, 5: çok memnunum)',
      textEn: 'Overall, how satisfied are you with how your request was solved? (1: not at all, 5: very satisfied)',
      scaleMin: 1,
      scaleMax: 5,
      overall: true,
    },
    {
      kind: 'single',
      textTr: 'Sorununuz çözüldü mü?',
      textEn: 'Was your problem solved?',
      options: [
        { tr: 'Evet', en: 'Yes' },
        { tr: 'Kısmen', en: 'Partly' },
        { tr: 'Hayır', en: 'No' },
      ],
    },
    { kind: 'text', textTr: 'Eklemek istediğiniz bir görüş veya öneri var mı?', textEn: 'Is there anything you would like to add?', required: false },
  ],
};

export const BUS_NAME = 'Mobil Çözüm Otobüsü';
const TEAMS: { key: string; name: string; kind: TeamKind }[] = [
  { key: 'bus', name: BUS_NAME, kind: 'bus' },
  { key: 'field-west', name: 'Saha Ekibi (Batı İlçeleri)', kind: 'field' },
  { key: 'field-east', name: 'Saha Ekibi (Doğu İlçeleri)', kind: 'field' },
];

/** The demo field staff account (seed/demo-accounts.ts names each account after its role): a member of every seeded team. */
const FIELD_STAFF: Role = 'field_staff';

/**
 * The bus's route: one district a working day, round the province from the centre (İlkadım)
 * east along the coast, through the southern districts and back along the western coast.
 * Districts by their NVİ code (districts.json), which an administrator cannot change.
 */
export const BUS_ROUTE: { districtCode: string; district: string; place: string }[] = [
  { districtCode: '2074', district: 'İlkadım', place: 'Cumhuriyet Meydanı' },
  { districtCode: '2072', district: 'Atakum', place: 'Atakum Belediyesi önü' },
  { districtCode: '2073', district: 'Canik', place: 'Canik Belediyesi önü' },
  { districtCode: '1849', district: 'Tekkeköy', place: 'Tekkeköy Belediyesi önü' },
  { districtCode: '1234', district: 'Çarşamba', place: 'Çarşamba Belediyesi önü' },
  { districtCode: '1676', district: 'Terme', place: 'Terme Belediyesi önü' },
  { districtCode: '1838', district: 'Salıpazarı', place: 'Salıpazarı Belediyesi önü' },
  { districtCode: '1879', district: 'Ayvacık', place: 'Ayvacık Belediyesi önü' },
  { districtCode: '1763', district: 'Asarcık', place: 'Asarcık Belediyesi önü' },
  { districtCode: '1452', district: 'Kavak', place: 'Kavak Belediyesi önü' },
  { districtCode: '1501', district: 'Ladik', place: 'Ladik Belediyesi önü' },
  { districtCode: '1386', district: 'Havza', place: 'Havza Belediyesi önü' },
  { districtCode: '1712', district: 'Vezirköprü', place: 'Vezirköprü Belediyesi önü' },
  { districtCode: '1125', district: 'Alaçam', place: 'Alaçam Belediyesi önü' },
  { districtCode: '1993', district: 'Yakakent', place: 'Yakakent Belediyesi önü' },
  { districtCode: '1164', district: 'Bafra', place: 'Bafra Belediyesi önü' },
  { districtCode: '1830', district: '19 Mayıs', place: '19 Mayıs Belediyesi önü' },
];
const VISIT_NOTE = 'Vatandaşların talep, şikâyet ve önerileri yerinde alınır; ziyaret programı belediyenin internet sitesinde ilan edilir.';

export async function seedCityContent(ex: Executor, now: Date): Promise<ContentSummary> {
  const articles = await seedArticles(ex);
  const satisfactionSurvey = await seedSatisfactionSurvey(ex, now);
  const teams = await seedTeams(ex, now);
  return { articles, satisfactionSurvey, ...teams };
}

async function idsByCode(ex: Executor, table: typeof categories | typeof units, codes: string[]): Promise<Map<string, number>> {
  const rows = await ex.select({ id: table.id, code: table.code }).from(table).where(inArray(table.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function seedArticles(ex: Executor): Promise<number> {
  const seeds = readCityData<ArticleSeed[]>('knowledge-base.json');
  const claimed = await claimSeedKeys(ex, seeds.map((a) => `kb:${a.key}`));
  const fresh = seeds.filter((a) => claimed.has(`kb:${a.key}`));
  if (!fresh.length) return 0;
  const categoryIds = await idsByCode(ex, categories, fresh.map((a) => a.categoryCode));
  const unitIds = await idsByCode(ex, units, fresh.map((a) => a.unitCode));
  const idOf = (ids: Map<string, number>, code: string, what: string, key: string) => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`knowledge-base.json: article ${key} names the unknown ${what} ${code}; seed the taxonomy first`);
    return id;
  };
  await ex.insert(kbArticles).values(
    fresh.map((a) => ({
      titleTr: a.titleTr,
      titleEn: a.titleEn,
      bodyTr: a.bodyTr,
      categoryId: idOf(categoryIds, a.categoryCode, 'category', a.key),
      unitId: idOf(unitIds, a.unitCode, 'unit', a.key),
      tags: a.tags,
    })),
  );
  return fresh.length;
}

/** Opened at once, so the first resolution already invites the citizen; a centre already asking its own survey keeps it. */
async function seedSatisfactionSurvey(ex: Executor, now: Date): Promise<boolean> {
  if (!(await claimSeedKeys(ex, ['survey:satisfaction'])).size) return false;
  const [asking] = await ex.select({ id: surveys.id }).from(surveys).where(and(eq(surveys.kind, 'satisfaction'), eq(surveys.status, 'active')));
  if (asking) return false;
  const survey = SATISFACTION_SURVEY;
  checkQuestions('satisfaction', survey.questions);
  const [row] = await ex
    .insert(surveys)
    .values({ kind: 'satisfaction', titleTr: survey.titleTr, titleEn: survey.titleEn, introTr: survey.introTr, introEn: survey.introEn, status: 'active', createdAt: now, updatedAt: now })
    .returning({ id: surveys.id });
  await writeQuestions(ex, row!.id, survey.questions);
  return true;
}

async function seedTeams(ex: Executor, now: Date): Promise<{ teams: number; teamMembers: number; visits: number }> {
  const claimed = await claimSeedKeys(ex, TEAMS.map((t) => `field-team:${t.key}`));
  const fresh = TEAMS.filter((t) => claimed.has(`field-team:${t.key}`));
  // A team of the same name made by hand is not made again: it is taken as the seeded one.
  const made = fresh.length
    ? await ex
        .insert(fieldTeams)
        .values(fresh.map((t) => ({ name: t.name, kind: t.kind, createdAt: now })))
        .onConflictDoNothing()
        .returning({ id: fieldTeams.id })
    : [];
  const teamIds = new Map(
    (await ex.select({ id: fieldTeams.id, name: fieldTeams.name }).from(fieldTeams).where(inArray(fieldTeams.name, TEAMS.map((t) => t.name)))).map((t) => [t.name, t.id]),
  );
  const present = TEAMS.filter((t) => teamIds.has(t.name));

  // The demo account joins when it exists, also on a later start that creates it.
  let teamMembers = 0;
  const [staff] = await ex.select({ id: users.id }).from(users).where(and(eq(users.username, FIELD_STAFF), eq(users.active, true)));
  if (staff && present.length) {
    const joined = await claimSeedKeys(ex, present.map((t) => `field-team-member:${t.key}:${FIELD_STAFF}`));
    const joining = present.filter((t) => joined.has(`field-team-member:${t.key}:${FIELD_STAFF}`));
    if (joining.length) {
      const rows = await ex
        .insert(fieldTeamMembers)
        .values(joining.map((t) => ({ teamId: teamIds.get(t.name)!, userId: staff.id })))
        .onConflictDoNothing()
        .returning({ teamId: fieldTeamMembers.teamId });
      teamMembers = rows.length;
    }
  }

  const busId = teamIds.get(BUS_NAME);
  const visits = busId === undefined ? 0 : await seedBusRoute(ex, busId, now);
  return { teams: made.length, teamMembers, visits };
}

/** One district a working day from the next working day on, in the city's calendar. */
async function seedBusRoute(ex: Executor, teamId: number, now: Date): Promise<number> {
  if (!(await claimSeedKeys(ex, ['field-route:bus'])).size) return 0;
  const calendar = await loadCalendar(ex);
  const districtIds = new Map((await ex.select({ id: districts.id, code: districts.code }).from(districts)).map((d) => [d.code, d.id]));
  const rows = BUS_ROUTE.map((stop, day) => {
    const districtId = districtIds.get(stop.districtCode);
    if (districtId === undefined) throw new Error(`the bus route names district ${stop.district} (${stop.districtCode}), which is not in the database; seed the reference data first`);
    const visitDate = localDate(addWorkingDays(now, day + 1, calendar), calendar.timeZone);
    return { teamId, districtId, place: stop.place, visitDate, notes: VISIT_NOTE, status: 'planned' as const, createdAt: now, updatedAt: now };
  });
  await ex.insert(fieldVisits).values(rows);
  return rows.length;
}
