/**
 * Writing surveys: the satisfaction survey asked after resolution and campaign surveys about
 * the city's projects. Questions can be rewritten until the first answer arrives; after that
 * they stay as answered, so results always mean what was asked.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { DomainError, checkQuestions, fieldError, notFound, type ChoiceOption, type Question, type QuestionDef, type SurveyKind, type SurveyStatus } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { districts, surveyQuestions, surveys } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';

export interface SurveyInput {
  kind: SurveyKind;
  titleTr: string;
  titleEn?: string | null;
  introTr?: string | null;
  introEn?: string | null;
  districtIds?: number[];
  questions: QuestionDef[];
}

export interface SurveyQuestion extends Question {
  position: number;
  textEn: string | null;
  options: ChoiceOption[];
  scaleMin: number | null;
  scaleMax: number | null;
  required: boolean;
  overall: boolean;
}

export interface Survey {
  id: number;
  kind: SurveyKind;
  titleTr: string;
  titleEn: string | null;
  introTr: string | null;
  introEn: string | null;
  status: SurveyStatus;
  districtIds: number[];
  responses: number;
  createdAt: string;
  questions: SurveyQuestion[];
}

async function checkDistricts(ex: Executor, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const found = await ex.select({ id: districts.id }).from(districts).where(inArray(districts.id, unique));
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw fieldError('districtIds', 'not_found', `district ${missing.join(', ')} does not exist; pick districts from the list`, { id: missing.join(', ') });
  return unique.sort((a, b) => a - b);
}

function checkInput(input: SurveyInput) {
  if (!input.titleTr.trim()) throw fieldError('titleTr', 'required', 'is required: the survey title in Turkish');
  if (input.kind === 'satisfaction' && input.districtIds?.length) throw fieldError('districtIds', 'campaigns_only', 'the satisfaction survey is asked after every resolution; only campaigns target districts');
  checkQuestions(input.kind, input.questions);
}

export async function writeQuestions(ex: Executor, surveyId: number, questions: QuestionDef[]) {
  await ex.delete(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId));
  await ex.insert(surveyQuestions).values(
    questions.map((q, n) => ({
      surveyId,
      position: n + 1,
      kind: q.kind,
      textTr: q.textTr.trim(),
      textEn: q.textEn?.trim() || null,
      options: (q.options ?? []).map((o) => ({ tr: o.tr.trim(), en: o.en?.trim() || null })),
      scaleMin: q.kind === 'scale' ? (q.scaleMin ?? 1) : null,
      scaleMax: q.kind === 'scale' ? (q.scaleMax ?? 5) : null,
      required: q.required !== false,
      overall: q.overall === true,
    })),
  );
}

export async function createSurvey(ex: Executor, actor: Actor, input: SurveyInput, now: Date): Promise<Survey> {
  checkInput(input);
  const districtIds = await checkDistricts(ex, input.districtIds ?? []);
  const [row] = await ex
    .insert(surveys)
    .values({ kind: input.kind, titleTr: input.titleTr.trim(), titleEn: input.titleEn?.trim() || null, introTr: input.introTr?.trim() || null, introEn: input.introEn?.trim() || null, districtIds, createdBy: actor.id, createdAt: now, updatedAt: now })
    .returning({ id: surveys.id });
  await writeQuestions(ex, row!.id, input.questions);
  await recordAudit(ex, { actor, action: 'survey.create', subjectType: 'survey', subjectId: row!.id, data: { kind: input.kind, title: input.titleTr } });
  return getSurvey(ex, row!.id);
}

/** Replaces a survey's texts and questions; refused once anyone has answered it. */
export async function updateSurvey(ex: Executor, actor: Actor, id: number, input: SurveyInput, now: Date): Promise<Survey> {
  const current = await getSurvey(ex, id);
  if (current.kind !== input.kind) throw fieldError('kind', 'unchangeable', `survey ${id} is a ${current.kind} survey; create a new survey to ask a ${input.kind} one`, { value: current.kind });
  if (current.responses > 0) throw new DomainError('survey.has_responses', `"${current.titleTr}" already has ${current.responses} answers, so its questions stay as they were asked; copy it into a new survey to change them`, undefined, { title: current.titleTr, responses: current.responses });
  checkInput(input);
  const districtIds = await checkDistricts(ex, input.districtIds ?? []);
  await ex.update(surveys).set({ titleTr: input.titleTr.trim(), titleEn: input.titleEn?.trim() || null, introTr: input.introTr?.trim() || null, introEn: input.introEn?.trim() || null, districtIds, updatedAt: now }).where(eq(surveys.id, id));
  await writeQuestions(ex, id, input.questions);
  await recordAudit(ex, { actor, action: 'survey.update', subjectType: 'survey', subjectId: id });
  return getSurvey(ex, id);
}

/** Opens or closes a survey. Opening a satisfaction survey closes the one asked until now. */
export async function setSurveyStatus(ex: Executor, actor: Actor, id: number, status: SurveyStatus, now: Date): Promise<Survey> {
  const current = await getSurvey(ex, id);
  if (status === 'draft' && current.status !== 'draft') throw new DomainError('survey.invalid_transition', `"${current.titleTr}" has been opened; it can be closed or opened again, not turned back into a draft`, undefined, { title: current.titleTr, status: current.status });
  if (status === 'active' && current.kind === 'satisfaction') {
    await ex.update(surveys).set({ status: 'closed', updatedAt: now }).where(and(eq(surveys.kind, 'satisfaction'), eq(surveys.status, 'active'), ne(surveys.id, id)));
  }
  await ex.update(surveys).set({ status, updatedAt: now }).where(eq(surveys.id, id));
  await recordAudit(ex, { actor, action: 'survey.status', subjectType: 'survey', subjectId: id, data: { from: current.status, to: status } });
  return getSurvey(ex, id);
}

export async function loadQuestions(ex: Executor, surveyIds: number[]): Promise<Map<number, SurveyQuestion[]>> {
  const byId = new Map<number, SurveyQuestion[]>(surveyIds.map((id) => [id, []]));
  if (!surveyIds.length) return byId;
  const rows = await ex.select().from(surveyQuestions).where(inArray(surveyQuestions.surveyId, surveyIds)).orderBy(asc(surveyQuestions.surveyId), asc(surveyQuestions.position));
  for (const q of rows) {
    byId.get(q.surveyId)!.push({ id: q.id, position: q.position, kind: q.kind as SurveyQuestion['kind'], textTr: q.textTr, textEn: q.textEn, options: q.options as ChoiceOption[], scaleMin: q.scaleMin, scaleMax: q.scaleMax, required: q.required, overall: q.overall });
  }
  return byId;
}

// Spelled out: drizzle leaves column names unqualified in a one-table select, which a subquery would misread.
const responseCount = sql<number>`(select count(*)::int from survey_responses r where r.survey_id = "surveys"."id")`;

export async function listSurveys(ex: Executor, filter: { status?: SurveyStatus; kind?: SurveyKind; districtId?: number } = {}): Promise<Survey[]> {
  const conditions = [];
  if (filter.status) conditions.push(eq(surveys.status, filter.status));
  if (filter.kind) conditions.push(eq(surveys.kind, filter.kind));
  if (filter.districtId) conditions.push(sql`(cardinality(${surveys.districtIds}) = 0 or ${filter.districtId} = any(${surveys.districtIds}))`);
  const rows = await ex.select({ survey: surveys, responses: responseCount }).from(surveys).where(conditions.length ? and(...conditions) : undefined).orderBy(desc(surveys.id));
  const questions = await loadQuestions(ex, rows.map((r) => r.survey.id));
  return rows.map((r) => toSurvey(r.survey, r.responses, questions.get(r.survey.id) ?? []));
}

export async function getSurvey(ex: Executor, id: number): Promise<Survey> {
  const [row] = await ex.select({ survey: surveys, responses: responseCount }).from(surveys).where(eq(surveys.id, id));
  if (!row) throw notFound('survey', id);
  const questions = await loadQuestions(ex, [id]);
  return toSurvey(row.survey, row.responses, questions.get(id) ?? []);
}

function toSurvey(s: typeof surveys.$inferSelect, responses: number, questions: SurveyQuestion[]): Survey {
  return {
    id: s.id,
    kind: s.kind as SurveyKind,
    titleTr: s.titleTr,
    titleEn: s.titleEn,
    introTr: s.introTr,
    introEn: s.introEn,
    status: s.status as SurveyStatus,
    districtIds: s.districtIds,
    responses: Number(responses),
    createdAt: s.createdAt.toISOString(),
    questions,
  };
}
