/**
 * The Mobile Solution Bus and field teams: visit planning and reports for supervisors; for the
 * field app, what it keeps offline, requests captured face to face, and work orders closed on
 * site. Writes from the field app carry an Idempotency-Key, so a sync repeated after a lost
 * answer does nothing twice.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import crypto from 'node:crypto';
import { DomainError } from '@cozum/domain';
import { fieldBootstrap } from '../../app/field/bootstrap.js';
import { captureFieldRequest } from '../../app/field/capture.js';
import { once } from '../../app/field/idempotency.js';
import { listFieldStaff, listTeams, saveTeam } from '../../app/field/teams.js';
import { createVisit, listVisits, updateVisit, visitReport } from '../../app/field/visits.js';
import { closeWorkOrder, listWorkOrders, MAX_PHOTOS, type Photo } from '../../app/field/work-orders.js';
import { MAX_ATTACHMENT_BYTES } from '../../app/requests/attachments.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { statusForCode } from '../errors.js';
import {
  CapturedFieldRequest,
  ClosedWorkOrder,
  FieldBootstrap,
  FieldRequestBody,
  FieldStaffList,
  IdempotencyHeaders,
  IdParams,
  Team,
  TeamBody,
  Teams,
  Visit,
  VisitBody,
  VisitReport,
  Visits,
  VisitsQuery,
  WorkOrders,
  responses,
} from '@cozum/contract';
import { idempotencyKey } from '../idempotency-key.js';

export const fieldRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/field/bootstrap',
    {
      config: { access: 'field.work' },
      schema: {
        tags: ['field'],
        summary: 'What the field app keeps for working offline: categories, districts and neighbourhoods, open campaign surveys, the team’s visits, the user’s work orders',
        response: responses({ 200: FieldBootstrap }),
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
        headers: IdempotencyHeaders,
        body: FieldRequestBody,
        response: responses({ 201: CapturedFieldRequest }),
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      const outcome = await once(db, { key: idempotencyKey(request), userId: actor.id, fingerprint: ['field.request', request.body], statusOf: statusForCode }, 201, (tx) => captureFieldRequest(tx, actor, request.body, deps.now()));
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(outcome.status).send(outcome.body as never);
    },
  );

  app.get('/field/work-orders', { config: { access: 'field.work' }, schema: { tags: ['field'], summary: 'Open requests assigned to me', response: responses({ 200: WorkOrders }) } }, async (request) => ({ items: await listWorkOrders(db, currentUser(request)) }));

  app.post(
    '/field/work-orders/:id/close',
    {
      config: { access: 'field.work' },
      schema: {
        tags: ['field'],
        summary: `Close a work order on site: resolve the request with a note and up to ${MAX_PHOTOS} photos (JPEG, PNG, WebP; ${MAX_ATTACHMENT_BYTES / 1048576} MB each) as multipart/form-data: fields 'version' and 'note', files 'photo'. Needs an Idempotency-Key header.`,
        params: IdParams,
        headers: IdempotencyHeaders,
        response: responses({ 200: ClosedWorkOrder }),
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      if (!request.isMultipart()) throw new DomainError('validation_failed', "send the close as multipart/form-data with the fields 'version' and 'note' and the photos as files named 'photo'", [{ field: 'body', code: 'type', params: { type: 'multipart/form-data' }, message: 'must be multipart/form-data' }]);
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
        if (code === 'FST_FILES_LIMIT') throw new DomainError('validation_failed', `photo: at most ${MAX_PHOTOS} photos per work order`, [{ field: 'photo', code: 'too_many_files', params: { limit: MAX_PHOTOS }, message: `at most ${MAX_PHOTOS}` }]);
        throw error;
      }
      const version = Number(fields.version);
      if (!Number.isInteger(version) || version < 1) throw new DomainError('validation_failed', 'version: is required: the version of the work order the tablet saw (a whole number)', [{ field: 'version', code: 'required', message: 'is required' }]);
      const note = fields.note ?? '';
      const fingerprint = ['field.close', request.params.id, version, note, photos.map((p) => crypto.createHash('sha256').update(p.content).digest('hex'))];
      const outcome = await once(db, { key: idempotencyKey(request), userId: actor.id, fingerprint, statusOf: statusForCode }, 200, (tx) => closeWorkOrder(tx, actor, request.params.id, { version, note, photos }, deps.config.dataDir, deps.now()));
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(outcome.status).send(outcome.body as never);
    },
  );

  app.get('/field/staff', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Field staff who can be put in a team', response: responses({ 200: FieldStaffList }) } }, async () => ({ items: await listFieldStaff(db) }));
  app.get('/field/teams', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Field teams and bus crews with their members', response: responses({ 200: Teams }) } }, async () => ({ items: await listTeams(db) }));
  app.post('/field/teams', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Add a field team or bus crew', body: TeamBody, response: responses({ 201: Team }) } }, async (request, reply) =>
    reply.status(201).send(await db.transaction((tx) => saveTeam(tx, currentUser(request), null, request.body))),
  );
  app.put('/field/teams/:id', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Change a team and its members', params: IdParams, body: TeamBody, response: responses({ 200: Team }) } }, async (request) =>
    db.transaction((tx) => saveTeam(tx, currentUser(request), request.params.id, request.body)),
  );

  app.get(
    '/field/visits',
    {
      config: { access: 'field.plan' },
      schema: { tags: ['field'], summary: 'Planned and past visits, with the requests and answers each took', querystring: VisitsQuery, response: responses({ 200: Visits }) },
    },
    async (request) => ({ items: await listVisits(db, request.query) }),
  );
  app.post('/field/visits', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Plan a visit: team, district, neighbourhood, place, date', body: VisitBody, response: responses({ 201: Visit }) } }, async (request, reply) =>
    reply.status(201).send(await db.transaction((tx) => createVisit(tx, currentUser(request), request.body, deps.now()))),
  );
  app.put('/field/visits/:id', { config: { access: 'field.plan' }, schema: { tags: ['field'], summary: 'Change a visit, mark it done or cancelled', params: IdParams, body: VisitBody, response: responses({ 200: Visit }) } }, async (request) =>
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
        response: responses({ 200: VisitReport }),
      },
    },
    async (request) => visitReport(db, request.params.id),
  );
};

function tooLarge(name?: string) {
  return new DomainError('validation_failed', `photo: ${name ? `'${name}' ` : ''}is larger than ${MAX_ATTACHMENT_BYTES / 1048576} MB; take it at a lower resolution or send a smaller copy`, [{ field: 'photo', code: 'too_large', params: { limit: MAX_ATTACHMENT_BYTES / 1048576 }, message: 'is too large' }]);
}
