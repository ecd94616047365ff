/**
 * Surveys: the editor and results for supervisors, answers taken by agents (call-back) and
 * field tablets, and the public survey links citizens answer once.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { QUESTION_KINDS, SURVEY_KINDS } from '@cozum/domain';
import { answerByLink, recordResponse, STAFF_CHANNELS, surveyForLink } from '../../app/surveys/answer.js';
import { once } from '../../app/field/idempotency.js';
import { checkVisitMember } from '../../app/field/visits.js';
import { satisfactionCallbacks } from '../../app/surveys/callbacks.js';
import { createCampaignLinks } from '../../app/surveys/invitations.js';
import { surveyCsv, surveyResults } from '../../app/surveys/results.js';
import { createSurvey, getSurvey, listSurveys, setSurveyStatus, SURVEY_STATUSES, updateSurvey } from '../../app/surveys/surveys.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { statusForCode } from '../errors.js';
import { Id, IdParams, Items, Nullable, responses } from '@cozum/contract';

const S = Type.String();
const NS = Nullable(Type.String());
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const IsoDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

const Option = Type.Object({ tr: Type.String({ maxLength: 300 }), en: Type.Optional(Nullable(Type.String({ maxLength: 300 }))) }, { additionalProperties: false });
const QuestionIn = Type.Object(
  {
    kind: literals(QUESTION_KINDS),
    textTr: Type.String({ maxLength: 1000 }),
    textEn: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    options: Type.Optional(Type.Array(Option, { maxItems: 20 })),
    scaleMin: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10 }))),
    scaleMax: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10 }))),
    required: Type.Optional(Type.Boolean()),
    overall: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const SurveyIn = Type.Object(
  {
    kind: literals(SURVEY_KINDS),
    titleTr: Type.String({ maxLength: 300 }),
    titleEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    introTr: Type.Optional(Nullable(Type.String({ maxLength: 3000 }))),
    introEn: Type.Optional(Nullable(Type.String({ maxLength: 3000 }))),
    districtIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    questions: Type.Array(QuestionIn, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
const Question = Type.Object({
  id: Type.Integer(),
  position: Type.Integer(),
  kind: S,
  textTr: S,
  textEn: NS,
  options: Type.Array(Type.Object({ tr: S, en: Type.Optional(NS) })),
  scaleMin: Nullable(Type.Integer()),
  scaleMax: Nullable(Type.Integer()),
  required: Type.Boolean(),
  overall: Type.Boolean(),
});
export const Survey = Type.Object({ id: Type.Integer(), kind: S, titleTr: S, titleEn: NS, introTr: NS, introEn: NS, status: S, districtIds: Type.Array(Type.Integer()), responses: Type.Integer(), createdAt: S, questions: Type.Array(Question) });
const AnswerIn = Type.Object(
  {
    questionId: Id,
    choices: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 100 }), { maxItems: 20 })),
    value: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    text: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
const Answers = Type.Array(AnswerIn, { minItems: 1, maxItems: 50 });
const Recorded = Type.Object({ id: Type.Integer(), surveyId: Type.Integer(), channel: S, rating: Nullable(Type.Integer()) });
const ResultFilter = Type.Object({ districtId: Type.Optional(Id), channel: Type.Optional(S), from: Type.Optional(IsoDay), to: Type.Optional(IsoDay) }, { additionalProperties: false });
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

const idempotencyKey = (request: FastifyRequest) => {
  const value = request.headers['idempotency-key'];
  return typeof value === 'string' ? value : undefined;
};

export const surveyRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  const secret = () => deps.config.sessionSecret;

  app.get(
    '/surveys',
    {
      config: { access: 'surveys.read' },
      schema: { tags: ['surveys'], summary: 'Surveys with their questions; districtId keeps the campaigns asked there', querystring: Type.Object({ status: Type.Optional(literals(SURVEY_STATUSES)), kind: Type.Optional(literals(SURVEY_KINDS)), districtId: Type.Optional(Id) }, { additionalProperties: false }), response: responses({ 200: Items(Survey) }) },
    },
    async (request) => ({ items: await listSurveys(db, request.query) }),
  );
  app.get('/surveys/:id', { config: { access: 'surveys.read' }, schema: { tags: ['surveys'], summary: 'A survey and its questions', params: IdParams, response: responses({ 200: Survey }) } }, async (request) => getSurvey(db, request.params.id));
  app.post(
    '/surveys',
    { config: { access: 'surveys.manage' }, schema: { tags: ['surveys'], summary: 'Write a survey (a draft until opened): single and multiple choice, scale and free-text questions', body: SurveyIn, response: responses({ 201: Survey }) } },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => createSurvey(tx, currentUser(request), request.body, deps.now()))),
  );
  app.put(
    '/surveys/:id',
    { config: { access: 'surveys.manage' }, schema: { tags: ['surveys'], summary: 'Rewrite a survey; refused once it has answers', params: IdParams, body: SurveyIn, response: responses({ 200: Survey }) } },
    async (request) => db.transaction((tx) => updateSurvey(tx, currentUser(request), request.params.id, request.body, deps.now())),
  );
  app.post(
    '/surveys/:id/status',
    {
      config: { access: 'surveys.manage' },
      schema: { tags: ['surveys'], summary: 'Open (active) or close a survey; opening a satisfaction survey closes the previous one', params: IdParams, body: Type.Object({ status: literals(SURVEY_STATUSES) }, { additionalProperties: false }), response: responses({ 200: Survey }) },
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
        body: Type.Object({ count: Type.Integer({ minimum: 1, maximum: 1000 }), districtId: Type.Optional(Nullable(Id)) }, { additionalProperties: false }),
        response: responses({ 201: Items(Type.Object({ id: Type.Integer(), url: S, expiresAt: S })) }),
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
        querystring: ResultFilter,
        response: responses({
          200: Type.Object({
            survey: Type.Object({ id: Type.Integer(), kind: S, titleTr: S, titleEn: NS, status: S }),
            total: Type.Integer(),
            channels: Type.Array(Type.Object({ channel: S, count: Type.Integer() })),
            districts: Type.Array(Type.Object({ district: NS, count: Type.Integer() })),
            questions: Type.Array(
              Type.Object({
                id: Type.Integer(),
                position: Type.Integer(),
                kind: S,
                textTr: S,
                textEn: NS,
                answered: Type.Integer(),
                options: Type.Array(Type.Object({ index: Type.Integer(), labelTr: S, labelEn: NS, count: Type.Integer() })),
                scale: Type.Array(Type.Object({ value: Type.Integer(), count: Type.Integer() })),
                average: Nullable(Type.Number()),
                texts: Type.Array(Type.Object({ text: S, at: S })),
              }),
            ),
          }),
        }),
      },
    },
    async (request) => surveyResults(db, request.params.id, { ...request.query, timeZone: deps.config.cityTimeZone }),
  );
  app.get(
    '/surveys/:id/export.csv',
    { config: { access: 'surveys.results' }, schema: { tags: ['surveys'], summary: 'Every answer as CSV (UTF-8), one row per respondent and one column per question', params: IdParams, querystring: ResultFilter, response: responses({ 200: Type.String({ description: 'text/csv' }) }) } },
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
        querystring: Type.Object({ afterDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })), withinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
        response: responses({
          200: Items(Type.Object({ requestId: Type.Integer(), trackingNo: S, categoryTr: S, resolvedAt: S, resolution: NS, citizenId: Type.Integer(), fullName: NS, phone: NS, locale: S, linkSent: Type.Boolean() })),
        }),
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
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 100 })) }),
        body: Type.Object(
          { channel: literals(STAFF_CHANNELS), requestId: Type.Optional(Nullable(Id)), districtId: Type.Optional(Nullable(Id)), neighbourhoodId: Type.Optional(Nullable(Id)), visitId: Type.Optional(Nullable(Id)), answers: Answers },
          { additionalProperties: false },
        ),
        response: responses({ 201: Recorded }),
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
        params: TokenParams,
        response: responses({ 200: Type.Object({ state: S, survey: Type.Object({ id: Type.Integer(), kind: S, titleTr: S, titleEn: NS, introTr: NS, introEn: NS, questions: Type.Array(Question) }) }) }),
      },
    },
    async (request) => surveyForLink(db, request.params.token, secret(), deps.now()),
  );
  app.post(
    '/survey-links/:token',
    {
      config: { access: 'public', rateLimit: LinkLimit },
      schema: { tags: ['surveys'], summary: 'Answer a survey link; each link takes one answer', security: [], params: TokenParams, body: Type.Object({ answers: Answers }, { additionalProperties: false }), response: responses({ 201: Recorded }) },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => answerByLink(tx, request.params.token, secret(), request.body.answers, deps.now()))),
  );
};
