/**
 * Surveys: the editor and results for supervisors, answers taken by agents (call-back) and
 * field tablets, and the public survey links citizens answer once.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { answerByLink, recordResponse, surveyForLink } from '../../app/surveys/answer.js';
import { once } from '../../app/field/idempotency.js';
import { checkVisitMember } from '../../app/field/visits.js';
import { satisfactionCallbacks } from '../../app/surveys/callbacks.js';
import { createCampaignLinks } from '../../app/surveys/invitations.js';
import { surveyCsv, surveyResults } from '../../app/surveys/results.js';
import { createSurvey, getSurvey, listSurveys, setSurveyStatus, updateSurvey } from '../../app/surveys/surveys.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { statusForCode } from '../errors.js';
import {
  IdempotencyHeaders,
  IdParams,
  LinkedSurvey,
  RecordedSurveyResponse,
  responses,
  StaffSurveyResponseBody,
  Survey,
  SurveyBody,
  SurveyCallbacks,
  SurveyCallbacksQuery,
  SurveyCsv,
  SurveyLinkAnswerBody,
  SurveyLinkParams,
  SurveyLinks,
  SurveyLinksBody,
  SurveyListQuery,
  SurveyResults,
  SurveyResultsQuery,
  Surveys,
  SurveyStatusBody,
} from '@cozum/contract';
import { idempotencyKey } from '../idempotency-key.js';

export const surveyRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  const secret = () => deps.config.sessionSecret;

  app.get(
    '/surveys',
    {
      config: { access: 'surveys.read' },
      schema: { tags: ['surveys'], summary: 'Surveys with their questions; districtId keeps the campaigns asked there', querystring: SurveyListQuery, response: responses({ 200: Surveys }) },
    },
    async (request) => ({ items: await listSurveys(db, request.query) }),
  );
  app.get('/surveys/:id', { config: { access: 'surveys.read' }, schema: { tags: ['surveys'], summary: 'A survey and its questions', params: IdParams, response: responses({ 200: Survey }) } }, async (request) => getSurvey(db, request.params.id));
  app.post(
    '/surveys',
    { config: { access: 'surveys.manage' }, schema: { tags: ['surveys'], summary: 'Write a survey (a draft until opened): single and multiple choice, scale and free-text questions', body: SurveyBody, response: responses({ 201: Survey }) } },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => createSurvey(tx, currentUser(request), request.body, deps.now()))),
  );
  app.put(
    '/surveys/:id',
    { config: { access: 'surveys.manage' }, schema: { tags: ['surveys'], summary: 'Rewrite a survey; refused once it has answers', params: IdParams, body: SurveyBody, response: responses({ 200: Survey }) } },
    async (request) => db.transaction((tx) => updateSurvey(tx, currentUser(request), request.params.id, request.body, deps.now())),
  );
  app.post(
    '/surveys/:id/status',
    {
      config: { access: 'surveys.manage' },
      schema: { tags: ['surveys'], summary: 'Open (active) or close a survey; opening a satisfaction survey closes the previous one', params: IdParams, body: SurveyStatusBody, response: responses({ 200: Survey }) },
    },
    async (request) => db.transaction((tx) => setSurveyStatus(tx, currentUser(request), request.params.id, request.body.status, deps.now())),
  );
  app.post(
    '/surveys/:id/links',
    {
      config: { access: 'surveys.manage' },
      schema: {
        tags: ['surveys'],
        summary: 'Signed links to a campaign, one answer each (to print as QR codes or share)',
        params: IdParams,
        body: SurveyLinksBody,
        response: responses({ 201: SurveyLinks }),
      },
    },
    async (request, reply) => reply.status(201).send({ items: await db.transaction((tx) => createCampaignLinks(tx, currentUser(request), request.params.id, request.body, deps.now(), { secret: secret(), publicUrl: deps.config.publicUrl })) }),
  );
  app.get(
    '/surveys/:id/results',
    {
      config: { access: 'surveys.results' },
      schema: {
        tags: ['surveys'],
        summary: 'Results per question: counts per choice, the spread and average of scales, the latest free-text answers',
        params: IdParams,
        querystring: SurveyResultsQuery,
        response: responses({ 200: SurveyResults }),
      },
    },
    async (request) => surveyResults(db, request.params.id, { ...request.query, timeZone: deps.config.cityTimeZone }),
  );
  app.get(
    '/surveys/:id/export.csv',
    { config: { access: 'surveys.results' }, schema: { tags: ['surveys'], summary: 'Every answer as CSV (UTF-8), one row per respondent and one column per question', params: IdParams, querystring: SurveyResultsQuery, response: responses({ 200: SurveyCsv }) } },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="survey-${request.params.id}.csv"`)
        .header('cache-control', 'no-store')
        .send(await surveyCsv(db, request.params.id, { ...request.query, timeZone: deps.config.cityTimeZone })),
  );
  app.get(
    '/surveys/callbacks',
    {
      config: { access: 'surveys.callback' },
      schema: {
        tags: ['surveys'],
        summary: 'Whom to call back for the satisfaction survey: resolved requests not rated, resolved afterDays (default 3) to withinDays (default 30) days ago, with the citizen’s phone',
        querystring: SurveyCallbacksQuery,
        response: responses({ 200: SurveyCallbacks }),
      },
    },
    async (request) => ({ items: await db.transaction((tx) => satisfactionCallbacks(tx, currentUser(request), deps.now(), request.query, request.ip)) }),
  );
  app.post(
    '/surveys/:id/responses',
    {
      config: { access: 'surveys.answer' },
      schema: {
        tags: ['surveys'],
        summary: "Record a citizen's answers taken on a call-back (channel callback, with the request for the satisfaction survey) or on a field tablet (channel field). An Idempotency-Key header makes a retry return the first answer.",
        params: IdParams,
        headers: IdempotencyHeaders,
        body: StaffSurveyResponseBody,
        response: responses({ 201: RecordedSurveyResponse }),
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      const record = async (tx: typeof db) => {
        if (request.body.visitId) await checkVisitMember(tx, actor, request.body.visitId);
        return recordResponse(tx, actor, { surveyId: request.params.id, ...request.body }, deps.now());
      };
      const key = idempotencyKey(request);
      if (key === undefined) return reply.status(201).send(await db.transaction(record));
      const outcome = await once(db, { key, userId: actor.id, fingerprint: [request.routeOptions.url, request.params, request.body], statusOf: statusForCode }, 201, record);
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(outcome.status).send(outcome.body as never);
    },
  );

  // The public page behind a link: no sign-in, the signed token is the permission.
  const LinkLimit = { max: 30, timeWindow: '1 minute' };
  app.get(
    '/survey-links/:token',
    {
      config: { access: 'public', rateLimit: LinkLimit },
      schema: {
        tags: ['surveys'],
        summary: "A survey link's questions and whether it can still be answered (open, answered, expired, closed)",
        security: [],
        params: SurveyLinkParams,
        response: responses({ 200: LinkedSurvey }),
      },
    },
    async (request) => surveyForLink(db, request.params.token, secret(), deps.now()),
  );
  app.post(
    '/survey-links/:token',
    {
      config: { access: 'public', rateLimit: LinkLimit },
      schema: { tags: ['surveys'], summary: 'Answer a survey link; each link takes one answer', security: [], params: SurveyLinkParams, body: SurveyLinkAnswerBody, response: responses({ 201: RecordedSurveyResponse }) },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => answerByLink(tx, request.params.token, secret(), request.body.answers, deps.now()))),
  );
};
