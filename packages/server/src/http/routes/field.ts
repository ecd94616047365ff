/**
 * The Mobile Solution Bus and field teams: visit planning and reports for supervisors; for the
 * field app, what it keeps offline, requests captured face to face, and work orders closed on
 * site. Writes from the field app carry an Idempotency-Key, so a sync repeated after a lost
 * answer does nothing twice.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import crypto from 'node:crypto';
import { DomainError } from '@cozum/domain';
import { fieldBootstrap } from '../../app/field/bootstrap.js';
import { captureFieldRequest } from '../../app/field/capture.js';
import { once } from '../../app/field/idempotency.js';
import { listFieldStaff, listTeams, saveTeam } from '../../app/field/teams.js';
import { createVisit, listVisits, updateVisit, visitReport, VISIT_STATUSES } from '../../app/field/visits.js';
import { closeWorkOrder, listWorkOrders, MAX_PHOTOS, type Photo } from '../../app/field/work-orders.js';
import { MAX_ATTACHMENT_BYTES } from '../../app/requests/attachments.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { statusForCode } from '../errors.js';
import { Survey } from './surveys.js';
import { Id, IdParams, Items, Nullable, responses } from '@cozum/contract';

const S = Type.String();
const NS = Nullable(Type.String());
const NI = Nullable(Type.Integer());
const IsoDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const KeyHeader = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 100, description: 'A UUID naming this write, the same on every retry' })) });

const Team = Type.Object({ id: Type.Integer(), name: S, kind: S, active: Type.Boolean(), members: Type.Array(Type.Object({ id: Type.Integer(), displayName: S })) });
const TeamIn = Type.Object({ name: Type.String({ maxLength: 200 }), kind: Type.Optional(Type.Union([Type.Literal('bus'), Type.Literal('field')])), memberIds: Type.Array(Id, { maxItems: 100 }), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const Visit = Type.Object({ id: Type.Integer(), teamId: Type.Integer(), teamName: S, districtId: Type.Integer(), districtName: S, neighbourhoodId: NI, neighbourhoodName: NS, place: S, visitDate: S, status: S, notes: NS, requests: Type.Integer(), answers: Type.Integer() });
const VisitIn = Type.Object(
  {
    teamId: Id,
    districtId: Id,
    neighbourhoodId: Type.Optional(Nullable(Id)),
    place: Type.String({ maxLength: 300 }),
    visitDate: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    status: Type.Optional(Type.Union(VISIT_STATUSES.map((s) => Type.Literal(s)))),
  },
  { additionalProperties: false },
);
const WorkOrder = Type.Object({ id: Type.Integer(), trackingNo: S, status: S, version: Type.Integer(), description: S, categoryTr: S, categoryEn: S, districtName: NS, neighbourhoodName: NS, address: NS, dueAt: NS });
const Captured = Type.Object({ id: Type.Integer(), trackingNo: S, unitId: Type.Integer(), dueAt: NS, visitId: NI });
const Citizen = Type.Object(
  {
    fullName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    tcKimlikNo: Type.Optional(Nullable(Type.String({ maxLength: 11 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    locale: Type.Optional(Type.Union([Type.Literal('tr'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);

const keyOf = (request: FastifyRequest) => {
  const value = request.headers['idempotency-key'];
  return typeof value === 'string' ? value : undefined;
};

export const fieldRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/field/bootstrap',
    {
      config: { access: 'field.work' },
      schema: {
        tags: ['field'],
        summary: 'What the field app keeps for working offline: categories, districts and neighbourhoods, open campaign surveys, the team’s visits, the user’s work orders',
        response: responses({
          200: Type.Object({
            at: S,
            categories: Type.Array(Type.Object({ id: Type.Integer(), nameTr: S, nameEn: S, parentId: NI })),
            districts: Type.Array(Type.Object({ id: Type.Integer(), name: S })),
            neighbourhoods: Type.Array(Type.Object({ id: Type.Integer(), districtId: Type.Integer(), name: S })),
            surveys: Type.Array(Survey),
            visits: Type.Array(Visit),
            workOrders: Type.Array(WorkOrder),
          }),
        }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return fieldBootstrap(db, currentUser(request), deps.now(), deps.config.cityTimeZone);
    },
  );

  app.post(
    '/field/requests',
    {
      config: { access: 'field.work' },
      schema: {
        tags: ['field'],
        summary: 'A request taken face to face (channel field), counted under its visit. Needs an Idempotency-Key header: a repeat gets the first answer and creates nothing.',
        headers: KeyHeader,
        body: Type.Object(
          {
            categoryId: Id,
            description: Type.String({ maxLength: 5000 }),
            districtId: Type.Optional(Nullable(Id)),
            neighbourhoodId: Type.Optional(Nullable(Id)),
            address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
            longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
            citizen: Type.Optional(Nullable(Citizen)),
            visitId: Type.Optional(Nullable(Id)),
            capturedAt: Type.Optional(Type.String({ maxLength: 40, description: 'When the citizen asked (ISO 8601), by the tablet’s clock' })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Captured }),
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      const outcome = await once(db, { key: keyOf(request), userId: actor.id, fingerprint: ['field.request', request.body], statusOf: statusForCode }, 201, (tx) => captureFieldRequest(tx, actor, request.body, deps.now()));
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(outcome.status).send(outcome.body as never);
    },
  );

  app.get('/field/work-orders', { config: { access: 'field.work' }, schema: { tags: ['field'], summary: 'Open requests assigned to me', response: responses({ 200: Items(WorkOrder) }) } }, async (request) => ({ items: await listWorkOrders(db, currentUser(request)) }));

  app.post(
    '/field/work-orders/:id/close',
    {
      config: { access: 'field.work' },
      schema: {
        tags: ['field'],
        summary: `Close a work order on site: resolve the request with a note and up to ${MAX_PHOTOS} photos (JPEG, PNG, WebP; ${MAX_ATTACHMENT_BYTES / 1048576} MB each) as multipart/form-data: fields 'version' and 'note', files 'photo'. Needs an Idempotency-Key header.`,
        params: IdParams,
        headers: KeyHeader,
        response: responses({ 200: Type.Object({ id: Type.Integer(), trackingNo: S, status: S, version: Type.Integer(), photos: Type.Array(Type.Object({ id: Type.Integer(), fileName: S, sizeBytes: Type.Integer() })) }) }),
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      if (!request.isMultipart()) throw new DomainError('validation_failed', "send the close as multipart/form-data with the fields 'version' and 'note' and the photos as files named 'photo'", [{ field: 'body', message: 'must be multipart/form-data' }]);
      const fields: Record<string, string> = {};
      const photos: Photo[] = [];
      try {
        for await (const part of request.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: MAX_PHOTOS, fields: 10 } })) {
          if (part.type === 'file') {
            const content = await part.toBuffer();
            if (content.length > MAX_ATTACHMENT_BYTES) throw tooLarge(part.filename);
            photos.push({ fileName: part.filename, content });
          } else {
            fields[part.fieldname] = String(part.value);
          }
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        if (code === 'FST_FILES_LIMIT') throw new DomainError('validation_failed', `photo: at most ${MAX_PHOTOS} photos per work order`, [{ field: 'photo', message: `at most ${MAX_PHOTOS}` }]);
        throw error;
      }
      const version = Number(fields.version);
      if (!Number.isInteger(version) || version < 1) throw new DomainError('validation_failed', 'version: is required: the version of the work order the tablet saw (a whole number)', [{ field: 'version', message: 'is required' }]);
      const note = fields.note ?? '';
      const fingerprint = ['field.close', request.params.id, version, note, photos.map((p) => crypto.createHash('sha256').update(p.content).digest('hex'))];
      const outcome = await once(db, { key: keyOf(request), userId: actor.id, fingerprint, statusOf: statusForCode }, 200, (tx) => closeWorkOrder(tx, actor, request.params.id, { version, note, photos }, deps.config.dataDir, deps.now()));
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(outcome.status).send(outcome.body as never);
    },
  );

  app.get('/field/staff', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Field staff who can be put in a team', response: responses({ 200: Items(Type.Object({ id: Type.Integer(), displayName: S })) }) } }, async () => ({ items: await listFieldStaff(db) }));
  app.get('/field/teams', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Field teams and bus crews with their members', response: responses({ 200: Items(Team) }) } }, async () => ({ items: await listTeams(db) }));
  app.post('/field/teams', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Add a field team or bus crew', body: TeamIn, response: responses({ 201: Team }) } }, async (request, reply) =>
    reply.status(201).send(await db.transaction((tx) => saveTeam(tx, currentUser(request), null, request.body))),
  );
  app.put('/field/teams/:id', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Change a team and its members', params: IdParams, body: TeamIn, response: responses({ 200: Team }) } }, async (request) =>
    db.transaction((tx) => saveTeam(tx, currentUser(request), request.params.id, request.body)),
  );

  app.get(
    '/field/visits',
    {
      config: { access: 'field.plan' },
      schema: { tags: ['field'], summary: 'Planned and past visits, with the requests and answers each took', querystring: Type.Object({ from: Type.Optional(IsoDay), to: Type.Optional(IsoDay), districtId: Type.Optional(Id), teamId: Type.Optional(Id) }, { additionalProperties: false }), response: responses({ 200: Items(Visit) }) },
    },
    async (request) => ({ items: await listVisits(db, request.query) }),
  );
  app.post('/field/visits', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Plan a visit: team, district, neighbourhood, place, date', body: VisitIn, response: responses({ 201: Visit }) } }, async (request, reply) =>
    reply.status(201).send(await db.transaction((tx) => createVisit(tx, currentUser(request), request.body, deps.now()))),
  );
  app.put('/field/visits/:id', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Change a visit, mark it done or cancelled', params: IdParams, body: VisitIn, response: responses({ 200: Visit }) } }, async (request) =>
    db.transaction((tx) => updateVisit(tx, currentUser(request), request.params.id, request.body, deps.now())),
  );
  app.get(
    '/field/visits/:id/report',
    {
      config: { access: 'field.plan' },
      schema: {
        tags: ['field'],
        summary: 'What a visit took: requests by category, each request, survey answers by survey',
        params: IdParams,
        response: responses({
          200: Type.Object({
            visit: Visit,
            requests: Type.Object({ total: Type.Integer(), byCategory: Type.Array(Type.Object({ categoryId: Type.Integer(), categoryTr: S, categoryEn: S, count: Type.Integer() })), items: Type.Array(Type.Object({ id: Type.Integer(), trackingNo: S, categoryTr: S, status: S, createdAt: S })) }),
            answers: Type.Object({ total: Type.Integer(), bySurvey: Type.Array(Type.Object({ surveyId: Type.Integer(), titleTr: S, count: Type.Integer() })) }),
          }),
        }),
      },
    },
    async (request) => visitReport(db, request.params.id),
  );
};

function tooLarge(name?: string) {
  return new DomainError('validation_failed', `photo: ${name ? `'${name}' ` : ''}is larger than ${MAX_ATTACHMENT_BYTES / 1048576} MB; take it at a lower resolution or send a smaller copy`, [{ field: 'photo', message: 'is too large' }]);
}
