/**
 * Recording one respondent's answers, from whichever channel took them: a signed link (SMS,
 * e-mail, a printed or shared link), an agent calling back, or a field tablet. The satisfaction
 * survey's overall score also becomes the request's satisfaction rating.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { DomainError, checkAnswers, checkOpenFor, fieldError, isSolvedStatus, type AnswerInput, type ResponseChannel } from '@cozum/domain';
import type { SurveyLinkState } from '@cozum/contract';
import type { Executor } from '../../db/client.js';
import { districts, fieldVisits, neighbourhoods, requests, satisfactionRatings, surveyAnswers, surveyInvitations, surveyResponses } from '../../db/schema.js';
import type { Actor } from '../audit.js';
import { getSurvey, type Survey } from './surveys.js';
import { readInvitationToken } from './tokens.js';

/** How satisfaction_ratings names the channel a score came through. */
const RATING_CHANNEL: Record<ResponseChannel, string> = { sms_link: 'sms_link', email_link: 'email_link', link: 'portal', callback: 'callback', field: 'field' };

export interface ResponseInput {
  surveyId: number;
  answers: AnswerInput[];
  channel: ResponseChannel;
  requestId?: number | null;
  districtId?: number | null;
  neighbourhoodId?: number | null;
  visitId?: number | null;
}

export interface RecordedResponse {
  id: number;
  surveyId: number;
  channel: ResponseChannel;
  /** The satisfaction score written for the request, when this answer gave one. */
  rating: number | null;
}

/** A district's name for a message; its id when it is not found. */
async function districtName(ex: Executor, id: number): Promise<string> {
  const [row] = await ex.select({ name: districts.name }).from(districts).where(eq(districts.id, id));
  return row?.name ?? String(id);
}

export async function recordResponse(ex: Executor, actor: Actor | null, input: ResponseInput, now: Date, invitationId: number | null = null): Promise<RecordedResponse> {
  const survey = await getSurvey(ex, input.surveyId);
  let districtId = input.districtId ?? null;
  const neighbourhoodId = input.neighbourhoodId ?? null;
  if (neighbourhoodId) {
    const [hood] = await ex.select({ districtId: neighbourhoods.districtId, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, neighbourhoodId));
    if (!hood) throw fieldError('neighbourhoodId', 'not_found', `neighbourhood ${neighbourhoodId} does not exist`, { id: neighbourhoodId });
    if (districtId && hood.districtId !== districtId) {
      const district = await districtName(ex, districtId);
      throw fieldError('neighbourhoodId', 'not_in_district', `${hood.name} is not in ${district}; choose a neighbourhood of that district`, { neighbourhood: hood.name, district });
    }
    districtId = hood.districtId;
  }
  if (input.visitId) {
    const [visit] = await ex.select({ status: fieldVisits.status, districtId: fieldVisits.districtId }).from(fieldVisits).where(eq(fieldVisits.id, input.visitId));
    if (!visit) throw fieldError('visitId', 'not_found', `visit ${input.visitId} does not exist`, { id: input.visitId });
    if (visit.status === 'cancelled') throw new DomainError('field.visit_cancelled', `visit ${input.visitId} was cancelled; record the answer without it or under the visit that took place`, undefined, { id: input.visitId });
    districtId ??= visit.districtId;
  }
  checkOpenFor(survey, districtId);
  const checked = checkAnswers(survey.questions, input.answers);

  const requestId = input.requestId ?? null;
  if (survey.kind === 'satisfaction') {
    if (!requestId) throw fieldError('requestId', 'required', 'the satisfaction survey is about a resolved request: give its id');
    const [request] = await ex.select({ status: requests.status, trackingNo: requests.trackingNo, districtId: requests.districtId }).from(requests).where(eq(requests.id, requestId));
    if (!request) throw fieldError('requestId', 'not_found', `request ${requestId} does not exist`, { id: requestId });
    if (!isSolvedStatus(request.status)) throw new DomainError('survey.request_not_resolved', `request ${request.trackingNo} is ${request.status}; satisfaction is asked once it is resolved`, undefined, { trackingNo: request.trackingNo, status: request.status });
    districtId ??= request.districtId;
  } else if (requestId) {
    throw fieldError('requestId', 'satisfaction_only', 'only the satisfaction survey is tied to a request; leave it out for a campaign');
  }

  const [response] = await ex
    .insert(surveyResponses)
    .values({ surveyId: survey.id, invitationId, requestId, channel: input.channel, districtId, neighbourhoodId, visitId: input.visitId ?? null, answeredBy: actor?.id ?? null, createdAt: now })
    .returning({ id: surveyResponses.id });
  await ex.insert(surveyAnswers).values(checked.map((a) => ({ responseId: response!.id, questionId: a.questionId, choices: a.choices, value: a.value, text: a.text })));

  let rating: number | null = null;
  const overall = survey.questions.find((q) => q.overall);
  const score = overall ? checked.find((a) => a.questionId === overall.id)?.value ?? null : null;
  if (survey.kind === 'satisfaction' && requestId && score !== null) {
    const comment = checked.find((a) => a.text)?.text ?? null;
    // One rating per request: a citizen who already rated on the portal keeps that rating.
    const written = await ex
      .insert(satisfactionRatings)
      .values({ requestId, score, comment, channel: RATING_CHANNEL[input.channel], createdAt: now })
      .onConflictDoNothing({ target: satisfactionRatings.requestId })
      .returning({ id: satisfactionRatings.id });
    if (written.length) rating = score;
  }
  return { id: response!.id, surveyId: survey.id, channel: input.channel, rating };
}

export interface LinkedSurvey {
  survey: Survey;
  invitationId: number;
  channel: ResponseChannel;
  requestId: number | null;
  districtId: number | null;
  answered: boolean;
  expired: boolean;
}

async function invitationFor(ex: Executor, token: string, secret: string, now: Date): Promise<LinkedSurvey> {
  const id = readInvitationToken(token, secret);
  const missing = () => new DomainError('survey_link.not_found', 'this survey link is not valid; open the link exactly as it arrived in the message');
  if (id === null) throw missing();
  const [invitation] = await ex.select().from(surveyInvitations).where(eq(surveyInvitations.id, id));
  if (!invitation) throw missing();
  const survey = await getSurvey(ex, invitation.surveyId);
  return { survey, invitationId: invitation.id, channel: invitation.channel as ResponseChannel, requestId: invitation.requestId, districtId: invitation.districtId, answered: invitation.answeredAt !== null, expired: invitation.expiresAt <= now };
}

/** What the public page shows for a link: the questions, or that it was answered or has expired. */
export async function surveyForLink(ex: Executor, token: string, secret: string, now: Date) {
  const linked = await invitationFor(ex, token, secret, now);
  const { survey } = linked;
  const state: SurveyLinkState = linked.answered ? 'answered' : linked.expired ? 'expired' : survey.status !== 'active' ? 'closed' : 'open';
  return { state, survey: { id: survey.id, kind: survey.kind, titleTr: survey.titleTr, titleEn: survey.titleEn, introTr: survey.introTr, introEn: survey.introEn, questions: survey.questions } };
}

/** Answers through a link: one answer per token, and per request for the satisfaction survey. */
export async function answerByLink(ex: Executor, token: string, secret: string, answers: AnswerInput[], now: Date): Promise<RecordedResponse> {
  const linked = await invitationFor(ex, token, secret, now);
  if (linked.expired) throw new DomainError('survey.link_expired', 'this survey link has expired');
  // The conditional update is the lock: of two answers sent at once, one finds the link taken.
  const taken = await ex.update(surveyInvitations).set({ answeredAt: now }).where(and(eq(surveyInvitations.id, linked.invitationId), isNull(surveyInvitations.answeredAt))).returning({ id: surveyInvitations.id });
  if (!taken.length) throw new DomainError('survey.already_answered', 'this survey link has already been answered; thank you');
  if (linked.requestId) {
    // The same request's link in the other message (SMS and e-mail) is spent too.
    await ex.update(surveyInvitations).set({ answeredAt: now }).where(and(eq(surveyInvitations.requestId, linked.requestId), eq(surveyInvitations.surveyId, linked.survey.id), isNull(surveyInvitations.answeredAt)));
  }
  return recordResponse(ex, null, { surveyId: linked.survey.id, answers, channel: linked.channel, requestId: linked.requestId, districtId: linked.districtId }, now, linked.invitationId);
}
