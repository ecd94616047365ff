import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { addDays, can, DomainError, scopedUnitId, startOfLocalDate } from '@cozum/domain';
import { actOnRequest } from '../../app/requests/act-on-request.js';
import { MAX_ATTACHMENT_BYTES, addAttachment, openAttachment } from '../../app/requests/attachments.js';
import { followRequest } from '../../app/requests/followers.js';
import { IntakeQueue } from '../../app/requests/intake-queue.js';
import { suggestDuplicates } from '../../app/requests/duplicates.js';
import { getRequestDetail } from '../../app/requests/detail.js';
import { listInbox } from '../../app/requests/inbox.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import {
  ActedOnRequest,
  Attachment,
  AttachmentParams,
  BulkAssignBody,
  BulkAssigned,
  CreatedRequest,
  CreateRequestBody,
  DuplicatesQuery,
  FollowBody,
  Followed,
  IdParams,
  InboxPage,
  InboxQuery,
  PossibleDuplicates,
  RequestActionBody,
  RequestDetail,
  responses,
} from '@cozum/contract';

export const requestRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  // Intakes arriving together share a transaction (intake-queue.ts).
  const intake = new IntakeQueue(db);

  app.post(
    '/requests',
    {
      config: { access: 'requests.create' },
      schema: { tags: ['requests'], summary: 'Record a request (any channel); routes it and tells the citizen', body: CreateRequestBody, response: responses({ 201: CreatedRequest }) },
    },
    async (request, reply) => {
      const created = await intake.submit(currentUser(request), request.body, deps.now());
      return reply.status(201).send({ ...created, dueAt: created.dueAt?.toISOString() ?? null, legalDueAt: created.legalDueAt?.toISOString() ?? null });
    },
  );

  app.get(
    '/requests',
    {
      config: { access: 'requests.read' },
      schema: {
        tags: ['requests'],
        summary: 'The inbox: filter, sort and page requests (unit staff see their unit only)',
        querystring: InboxQuery,
        response: responses({ 200: InboxPage }),
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { from, to, ...rest } = request.query;
      // Unit staff and heads: their own unit, whatever they ask for.
      const unitId = scopedUnitId(user) ?? rest.unitId;
      // Dates are days in the city's time zone, `to` included.
      const zone = deps.config.cityTimeZone;
      return listInbox(db, { ...rest, unitId, from: from ? startOfLocalDate(from, zone) : undefined, to: to ? startOfLocalDate(addDays(to, 1), zone) : undefined }, deps.now());
    },
  );

  app.get(
    '/requests/:id',
    { config: { access: 'requests.read' }, schema: { tags: ['requests'], summary: 'A request with its timeline, citizen (masked by role), attachments and the messages sent about it', params: IdParams, response: responses({ 200: RequestDetail }) } },
    async (request) => db.transaction((tx) => getRequestDetail(tx, currentUser(request), request.params.id, { ip: request.ip })),
  );

  app.post(
    '/requests/:id/actions',
    {
      config: { access: 'requests.work' },
      schema: {
        tags: ['requests'],
        summary: 'Act on a request: assign, start, hold, resume, transfer, refer, mark_duplicate, reject, resolve, close, reopen, comment, reply',
        params: IdParams,
        body: RequestActionBody,
        response: responses({ 200: ActedOnRequest }),
      },
    },
    async (request) => {
      const user = currentUser(request);
      // Assigning is a head's or supervisor's call; unit staff may take work on themselves only.
      if (request.body.action === 'assign' && !can(user.role, 'requests.assign') && request.body.assigneeId !== user.id) {
        throw new DomainError('request.forbidden', 'you may assign requests only to yourself; ask your unit head to assign others', undefined, { reason: 'assign_others' });
      }
      return db.transaction((tx) => actOnRequest(tx, user, request.params.id, request.body, deps.now()));
    },
  );

  app.post(
    '/requests/:id/followers',
    {
      config: { access: 'requests.create' },
      schema: {
        tags: ['requests'],
        summary: 'Link a caller to an open request of the same problem instead of recording it again; they are told its tracking number now and the solution later',
        params: IdParams,
        body: FollowBody,
        response: responses({ 200: Followed }),
      },
    },
    async (request) => db.transaction((tx) => followRequest(tx, currentUser(request), request.params.id, request.body, deps.now())),
  );

  app.post(
    '/requests/bulk-assign',
    {
      config: { access: 'requests.assign' },
      schema: {
        tags: ['requests'],
        summary: 'Assign several requests to one person; all or none',
        body: BulkAssignBody,
        response: responses({ 200: BulkAssigned }),
      },
    },
    async (request) => {
      const user = currentUser(request);
      const now = deps.now();
      await db.transaction(async (tx) => {
        for (const item of request.body.requests) await actOnRequest(tx, user, item.id, { action: 'assign', version: item.version, assigneeId: request.body.assigneeId }, now);
      });
      return { assigned: request.body.requests.length };
    },
  );

  app.get(
    '/requests/duplicates',
    {
      config: { access: 'requests.create' },
      schema: {
        tags: ['requests'],
        summary: 'Open requests of the same category nearby with similar text, best first; unit staff see their unit only, roles without requests.read no descriptions',
        querystring: DuplicatesQuery,
        response: responses({ 200: PossibleDuplicates }),
      },
    },
    async (request) => ({ items: await suggestDuplicates(db, currentUser(request), request.query) }),
  );

  app.post(
    '/requests/:id/attachments',
    {
      config: { access: 'requests.create' },
      schema: {
        tags: ['requests'],
        summary: `Attach a photo (JPEG, PNG, WebP) or a PDF, at most ${MAX_ATTACHMENT_BYTES / 1048576} MB, as multipart/form-data field 'file'; field 'visibility' public or internal`,
        params: IdParams,
        response: responses({ 201: Attachment }),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('validation_failed', "send the file as multipart/form-data in a field named 'file'", [{ field: 'file', code: 'required', message: 'is required' }]);
      const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 5 } });
      if (!part) throw new DomainError('validation_failed', "file: is required (a multipart field named 'file')", [{ field: 'file', code: 'required', message: 'is required' }]);
      const content = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('validation_failed', `file: is larger than the limit of ${MAX_ATTACHMENT_BYTES / 1048576} MB per file; send a smaller photo or split the PDF`, [{ field: 'file', code: 'too_large', params: { limit: MAX_ATTACHMENT_BYTES / 1048576 }, message: 'is too large' }]);
        throw error;
      });
      const visibilityField = part.fields.visibility as { value?: unknown } | undefined;
      const visibility = visibilityField?.value === 'public' ? 'public' : 'internal';
      const saved = await db.transaction((tx) => addAttachment(tx, currentUser(request), request.params.id, { fileName: part.filename, content, visibility }, deps.config.dataDir, deps.now()));
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/requests/:id/attachments/:attachmentId',
    {
      config: { access: 'requests.read' },
      schema: {
        tags: ['requests'],
        summary: 'Download an attachment',
        params: AttachmentParams,
      },
    },
    async (request, reply) => {
      const file = await openAttachment(db, currentUser(request), request.params.id, request.params.attachmentId, deps.config.dataDir);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).header('x-content-type-options', 'nosniff').send(file.stream);
    },
  );
};
