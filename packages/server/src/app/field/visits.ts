/**
 * Visit planning for the Mobile Solution Bus and field teams across the city's districts, and
 * the report of a visit: the requests and survey answers it took, by category.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { fieldError, notFound, type VisitStatus } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, districts, fieldTeamMembers, fieldTeams, fieldVisitRequests, fieldVisits, neighbourhoods, requests, surveyResponses, surveys } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';
import { selectRequestsWithNames } from '../requests/with-names.js';

export interface VisitInput {
  teamId: number;
  districtId: number;
  neighbourhoodId?: number | null;
  place: string;
  visitDate: string;
  notes?: string | null;
  status?: VisitStatus;
}

export interface VisitFilter {
  from?: string;
  to?: string;
  districtId?: number;
  teamId?: number;
  /** Only the visits of teams this user belongs to. */
  memberId?: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function checkVisit(ex: Executor, input: VisitInput) {
  if (!input.place.trim()) throw fieldError('place', 'required', 'is required: where the bus or team will stand, e.g. "Cumhuriyet Meydanı"');
  if (!ISO_DATE.test(input.visitDate) || Number.isNaN(Date.parse(`${input.visitDate}T00:00:00Z`))) throw fieldError('visitDate', 'not_date', `'${input.visitDate}' is not a date; use YYYY-MM-DD`, { value: input.visitDate });
  const [team] = await ex.select({ active: fieldTeams.active, name: fieldTeams.name }).from(fieldTeams).where(eq(fieldTeams.id, input.teamId));
  if (!team) throw fieldError('teamId', 'not_found', `team ${input.teamId} does not exist; create the team first`, { id: input.teamId });
  if (!team.active) throw fieldError('teamId', 'inactive', `${team.name} is no longer active`, { name: team.name });
  const [district] = await ex.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.id, input.districtId));
  if (!district) throw fieldError('districtId', 'not_found', `district ${input.districtId} does not exist`, { id: input.districtId });
  if (input.neighbourhoodId) {
    const [hood] = await ex.select({ districtId: neighbourhoods.districtId, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, input.neighbourhoodId));
    if (!hood) throw fieldError('neighbourhoodId', 'not_found', `neighbourhood ${input.neighbourhoodId} does not exist`, { id: input.neighbourhoodId });
    if (hood.districtId !== input.districtId) throw fieldError('neighbourhoodId', 'not_in_district', `${hood.name} is not in ${district.name}; choose one of its neighbourhoods`, { neighbourhood: hood.name, district: district.name });
  }
}

export async function createVisit(ex: Executor, actor: Actor, input: VisitInput, now: Date) {
  await checkVisit(ex, input);
  const [row] = await ex
    .insert(fieldVisits)
    .values({ teamId: input.teamId, districtId: input.districtId, neighbourhoodId: input.neighbourhoodId ?? null, place: input.place.trim(), visitDate: input.visitDate, notes: input.notes?.trim() || null, status: input.status ?? 'planned', createdBy: actor.id, createdAt: now, updatedAt: now })
    .returning({ id: fieldVisits.id });
  await recordAudit(ex, { actor, action: 'field_visit.create', subjectType: 'field_visit', subjectId: row!.id });
  return getVisit(ex, row!.id);
}

export async function updateVisit(ex: Executor, actor: Actor, id: number, input: VisitInput, now: Date) {
  await getVisit(ex, id);
  await checkVisit(ex, input);
  await ex
    .update(fieldVisits)
    .set({ teamId: input.teamId, districtId: input.districtId, neighbourhoodId: input.neighbourhoodId ?? null, place: input.place.trim(), visitDate: input.visitDate, notes: input.notes?.trim() || null, status: input.status ?? 'planned', updatedAt: now })
    .where(eq(fieldVisits.id, id));
  await recordAudit(ex, { actor, action: 'field_visit.update', subjectType: 'field_visit', subjectId: id });
  return getVisit(ex, id);
}

const visitColumns = {
  id: fieldVisits.id,
  teamId: fieldVisits.teamId,
  teamName: fieldTeams.name,
  districtId: fieldVisits.districtId,
  districtName: districts.name,
  neighbourhoodId: fieldVisits.neighbourhoodId,
  neighbourhoodName: neighbourhoods.name,
  place: fieldVisits.place,
  visitDate: fieldVisits.visitDate,
  status: fieldVisits.status,
  notes: fieldVisits.notes,
  requests: sql<number>`(select count(*)::int from field_visit_requests r where r.visit_id = "field_visits"."id")`,
  answers: sql<number>`(select count(*)::int from survey_responses s where s.visit_id = "field_visits"."id")`,
};

export async function listVisits(ex: Executor, filter: VisitFilter = {}) {
  const conditions = [];
  if (filter.from) conditions.push(gte(fieldVisits.visitDate, filter.from));
  if (filter.to) conditions.push(lte(fieldVisits.visitDate, filter.to));
  if (filter.districtId) conditions.push(eq(fieldVisits.districtId, filter.districtId));
  if (filter.teamId) conditions.push(eq(fieldVisits.teamId, filter.teamId));
  if (filter.memberId) conditions.push(inArray(fieldVisits.teamId, ex.select({ id: fieldTeamMembers.teamId }).from(fieldTeamMembers).where(eq(fieldTeamMembers.userId, filter.memberId))));
  const rows = await ex
    .select(visitColumns)
    .from(fieldVisits)
    .innerJoin(fieldTeams, eq(fieldTeams.id, fieldVisits.teamId))
    .innerJoin(districts, eq(districts.id, fieldVisits.districtId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, fieldVisits.neighbourhoodId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(fieldVisits.visitDate), asc(fieldVisits.id))
    .limit(1000);
  return rows.map((r) => ({ ...r, requests: Number(r.requests), answers: Number(r.answers) }));
}

export async function getVisit(ex: Executor, id: number) {
  const [row] = await ex
    .select(visitColumns)
    .from(fieldVisits)
    .innerJoin(fieldTeams, eq(fieldTeams.id, fieldVisits.teamId))
    .innerJoin(districts, eq(districts.id, fieldVisits.districtId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, fieldVisits.neighbourhoodId))
    .where(eq(fieldVisits.id, id));
  if (!row) throw notFound('visit', id);
  return { ...row, requests: Number(row.requests), answers: Number(row.answers) };
}

/** What a visit took: its requests by category (and each one), and its survey answers by survey. */
export async function visitReport(ex: Executor, id: number) {
  const visit = await getVisit(ex, id);
  const byCategory = await selectRequestsWithNames(ex, { categoryId: categories.id, categoryTr: categories.nameTr, categoryEn: categories.nameEn, count: sql<number>`count(*)::int` })
    .innerJoin(fieldVisitRequests, eq(fieldVisitRequests.requestId, requests.id))
    .where(eq(fieldVisitRequests.visitId, id))
    .groupBy(categories.id, categories.nameTr, categories.nameEn)
    .orderBy(desc(sql`count(*)`), asc(categories.nameTr));
  const items = await selectRequestsWithNames(ex, { id: requests.id, trackingNo: requests.trackingNo, categoryTr: categories.nameTr, status: requests.status, createdAt: requests.createdAt })
    .innerJoin(fieldVisitRequests, eq(fieldVisitRequests.requestId, requests.id))
    .where(eq(fieldVisitRequests.visitId, id))
    .orderBy(asc(requests.id));
  const answers = await ex
    .select({ surveyId: surveys.id, titleTr: surveys.titleTr, count: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .where(eq(surveyResponses.visitId, id))
    .groupBy(surveys.id, surveys.titleTr)
    .orderBy(asc(surveys.titleTr));
  return {
    visit,
    requests: { total: items.length, byCategory: byCategory.map((c) => ({ ...c, count: Number(c.count) })), items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) },
    answers: { total: answers.reduce((s, a) => s + Number(a.count), 0), bySurvey: answers.map((a) => ({ ...a, count: Number(a.count) })) },
  };
}

/** Team membership decides which visits field staff may record under. */
export async function checkVisitMember(ex: Executor, actor: Actor, visitId: number): Promise<void> {
  const visit = await getVisit(ex, visitId);
  if (visit.status === 'cancelled') throw fieldError('visitId', 'cancelled', `the visit to ${visit.place} on ${visit.visitDate} was cancelled`, { place: visit.place, date: visit.visitDate });
  if (actor.role !== 'field_staff') return;
  const [member] = await ex.select({ userId: fieldTeamMembers.userId }).from(fieldTeamMembers).where(and(eq(fieldTeamMembers.teamId, visit.teamId), eq(fieldTeamMembers.userId, actor.id)));
  if (!member) throw fieldError('visitId', 'not_in_team', `you are not in ${visit.teamName}, the team of the visit to ${visit.place}; pick one of your own visits`, { team: visit.teamName, place: visit.place });
}
