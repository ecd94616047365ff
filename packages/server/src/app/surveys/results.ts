/**
 * Survey results: per question, how many chose each option, the spread on a scale with its
 * average, and the latest free-text answers; and every answer as CSV, one row per respondent.
 * Read with SQL that groups in the database, so a campaign of any size is one query a question.
 */
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { addDays, csvLine, startOfLocalDate, type ChoiceOption, type ResponseChannel } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { districts, fieldVisits, neighbourhoods, requests, surveyAnswers, surveyResponses } from '../../db/schema.js';
import { getSurvey, type SurveyQuestion } from './surveys.js';

export interface ResultFilter {
  /** The city's IANA time zone, in which `from` and `to` are days. */
  timeZone: string;
  districtId?: number;
  channel?: string;
  /** Answers from this day on (YYYY-MM-DD, in the city) … */
  from?: string;
  /** … up to and including this day. */
  to?: string;
}

function responseConditions(surveyId: number, filter: ResultFilter): SQL {
  const conditions = [eq(surveyResponses.surveyId, surveyId)];
  if (filter.districtId) conditions.push(eq(surveyResponses.districtId, filter.districtId));
  if (filter.channel) conditions.push(eq(surveyResponses.channel, filter.channel));
  if (filter.from) conditions.push(gte(surveyResponses.createdAt, startOfLocalDate(filter.from, filter.timeZone)));
  if (filter.to) conditions.push(lt(surveyResponses.createdAt, startOfLocalDate(addDays(filter.to, 1), filter.timeZone)));
  return and(...conditions)!;
}

const label = (options: ChoiceOption[], index: number) => options[index]?.tr ?? `#${index}`;

export async function surveyResults(ex: Executor, surveyId: number, filter: ResultFilter) {
  const survey = await getSurvey(ex, surveyId);
  const where = responseConditions(surveyId, filter);
  const [total] = await ex.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(where);
  const channels = await ex.select({ channel: surveyResponses.channel, count: sql<number>`count(*)::int` }).from(surveyResponses).where(where).groupBy(surveyResponses.channel).orderBy(surveyResponses.channel);
  const byDistrict = await ex
    .select({ district: districts.name, count: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .leftJoin(districts, eq(districts.id, surveyResponses.districtId))
    .where(where)
    .groupBy(districts.name)
    .orderBy(desc(sql`count(*)`));

  const joined = (q: SurveyQuestion) => and(where, eq(surveyAnswers.questionId, q.id));
  const questions = [];
  for (const q of survey.questions) {
    const [answered] = await ex.select({ n: sql<number>`count(*)::int` }).from(surveyAnswers).innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId)).where(joined(q));
    const base = { id: q.id, position: q.position, kind: q.kind, textTr: q.textTr, textEn: q.textEn ?? null, answered: Number(answered?.n ?? 0) };
    if (q.kind === 'single' || q.kind === 'multiple') {
      const counts = (await ex.execute(sql`
        select c.choice::int as choice, count(*)::int as n
        from ${surveyAnswers} a join ${surveyResponses} on ${surveyResponses.id} = a.response_id, unnest(a.choices) as c(choice)
        where ${where} and a.question_id = ${q.id}
        group by c.choice`)) as unknown as { rows: { choice: number; n: number }[] };
      const countOf = new Map(counts.rows.map((r) => [Number(r.choice), Number(r.n)]));
      questions.push({ ...base, options: q.options.map((o, index) => ({ index, labelTr: o.tr, labelEn: o.en ?? null, count: countOf.get(index) ?? 0 })), scale: [], average: null, texts: [] });
    } else if (q.kind === 'scale') {
      const rows = await ex.select({ value: surveyAnswers.value, n: sql<number>`count(*)::int` }).from(surveyAnswers).innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId)).where(joined(q)).groupBy(surveyAnswers.value);
      const countOf = new Map(rows.map((r) => [Number(r.value), Number(r.n)]));
      const scale = [];
      for (let value = q.scaleMin ?? 1; value <= (q.scaleMax ?? 5); value++) scale.push({ value, count: countOf.get(value) ?? 0 });
      const n = scale.reduce((s, x) => s + x.count, 0);
      const average = n ? Math.round((scale.reduce((s, x) => s + x.value * x.count, 0) / n) * 100) / 100 : null;
      questions.push({ ...base, options: [], scale, average, texts: [] });
    } else {
      const texts = await ex
        .select({ text: surveyAnswers.text, at: surveyResponses.createdAt })
        .from(surveyAnswers)
        .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
        .where(joined(q))
        .orderBy(desc(surveyResponses.createdAt))
        .limit(50);
      questions.push({ ...base, options: [], scale: [], average: null, texts: texts.map((t) => ({ text: t.text ?? '', at: t.at.toISOString() })) });
    }
  }
  return {
    survey: { id: survey.id, kind: survey.kind, titleTr: survey.titleTr, titleEn: survey.titleEn, status: survey.status },
    total: Number(total?.n ?? 0),
    // survey_responses_channel_ck keeps the column to the response channels.
    channels: channels.map((c) => ({ channel: c.channel as ResponseChannel, count: Number(c.count) })),
    districts: byDistrict.map((d) => ({ district: d.district, count: Number(d.count) })),
    questions,
  };
}

/** Every response as one CSV row: when, channel, place, visit, request, then one column a question. */
export async function surveyCsv(ex: Executor, surveyId: number, filter: ResultFilter): Promise<string> {
  const survey = await getSurvey(ex, surveyId);
  const responses = await ex
    .select({ id: surveyResponses.id, at: surveyResponses.createdAt, channel: surveyResponses.channel, district: districts.name, neighbourhood: neighbourhoods.name, visit: fieldVisits.place, trackingNo: requests.trackingNo })
    .from(surveyResponses)
    .leftJoin(districts, eq(districts.id, surveyResponses.districtId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, surveyResponses.neighbourhoodId))
    .leftJoin(fieldVisits, eq(fieldVisits.id, surveyResponses.visitId))
    .leftJoin(requests, eq(requests.id, surveyResponses.requestId))
    .where(responseConditions(surveyId, filter))
    .orderBy(asc(surveyResponses.id));
  const answers = responses.length
    ? await ex
        .select({ responseId: surveyAnswers.responseId, questionId: surveyAnswers.questionId, choices: surveyAnswers.choices, value: surveyAnswers.value, text: surveyAnswers.text })
        .from(surveyAnswers)
        .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
        .where(responseConditions(surveyId, filter))
    : [];
  const byResponse = new Map<number, Map<number, (typeof answers)[number]>>();
  for (const a of answers) {
    if (!byResponse.has(a.responseId)) byResponse.set(a.responseId, new Map());
    byResponse.get(a.responseId)!.set(a.questionId, a);
  }
  const cell = (q: SurveyQuestion, a: (typeof answers)[number] | undefined) => {
    if (!a) return null;
    if (q.kind === 'text') return a.text;
    if (q.kind === 'scale') return a.value;
    return (a.choices ?? []).map((c) => label(q.options, c)).join('; ');
  };
  const header = ['response', 'answered_at', 'channel', 'district', 'neighbourhood', 'visit', 'tracking_no', ...survey.questions.map((q) => `Q${q.position} ${q.textTr}`)];
  const lines = [csvLine(header)];
  for (const r of responses) {
    const given = byResponse.get(r.id);
    lines.push(csvLine([r.id, r.at.toISOString(), r.channel, r.district, r.neighbourhood, r.visit, r.trackingNo, ...survey.questions.map((q) => cell(q, given?.get(q.id)))]));
  }
  // A byte-order mark so spreadsheet programs read the Turkish letters as UTF-8.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
