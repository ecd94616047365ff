import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { addDays, can, CHANNELS, DomainError, REQUEST_ACTIONS, scopedUnitId, startOfLocalDate } from '@cozum/domain';
import { actOnRequest } from '../../app/requests/act-on-request.js';
import { MAX_ATTACHMENT_BYTES, addAttachment, openAttachment } from '../../app/requests/attachments.js';
import { followRequest } from '../../app/requests/followers.js';
import { IntakeQueue } from '../../app/requests/intake-queue.js';
import { suggestDuplicates } from '../../app/requests/duplicates.js';
import { getRequestDetail } from '../../app/requests/detail.js';
import { INBOX_SORTS, listInbox } from '../../app/requests/inbox.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Id, IdParams, Locale, Nullable, responses } from '../schemas.js';

const Citizen = Type.Object(
  {
    fullName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    tcKimlikNo: Type.Optional(Nullable(Type.String({ maxLength: 11 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

export const CreateRequestBody = Type.Object(
  {
    categoryId: Id,
    requestType: Type.Optional(Type.String({ maxLength: 64 })),
    description: Type.String({ minLength: 1, maxLength: 5000 }),
    channel: Type.Union(CHANNELS.map((c) => Type.Literal(c))),
    districtId: Type.Optional(Nullable(Id)),
    neighbourhoodId: Type.Optional(Nullable(Id)),
    address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
    citizen: Type.Optional(Nullable(Citizen)),
  },
  { additionalProperties: false },
);

const Created = Type.Object({ id: Type.Integer(), trackingNo: Type.String(), unitId: Type.Integer(), routedBy: Type.String(), dueAt: Nullable(Type.String()), legalDueAt: Nullable(Type.String()) });

const InboxItem = Type.Object({
  id: Type.Integer(),
  trackingNo: Type.String(),
  status: Type.String(),
  requestType: Type.String(),
  channel: Type.String(),
  description: Type.String(),
  categoryId: Type.Integer(),
  categoryName: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  districtName: Nullable(Type.String()),
  neighbourhoodName: Nullable(Type.String()),
  assigneeId: Nullable(Type.Integer()),
  assigneeName: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  createdAt: Type.String(),
  version: Type.Integer(),
});

const S = Type.String();
const NS = Nullable(Type.String());
const NI = Nullable(Type.Integer());
const RequestDetail = Type.Object({
  id: Type.Integer(), trackingNo: S, status: S, requestType: S, channel: S, description: S,
  categoryId: Type.Integer(), categoryName: S, categoryNameEn: S, unitId: Type.Integer(), unitName: S, routedBy: S, routingRuleId: NI,
  districtId: NI, districtName: NS, neighbourhoodId: NI, neighbourhoodName: NS, address: NS, latitude: Nullable(Type.Number()), longitude: Nullable(Type.Number()),
  assigneeId: NI, assigneeName: NS, parentId: NI, dueAt: NS, legalDueAt: NS, overdueAt: NS, resolution: NS, referredTo: NS,
  createdAt: S, updatedAt: S, version: Type.Integer(),
  citizen: Nullable(Type.Object({ id: Type.Integer(), fullName: NS, phone: NS, email: NS, tcKimlikNo: NS, locale: S })),
  allowedActions: Type.Array(S),
  events: Type.Array(Type.Object({ id: Type.Integer(), type: S, fromStatus: NS, toStatus: NS, actorName: NS, actorKind: S, reason: NS, visibility: S, data: Type.Record(Type.String(), Type.Unknown()), at: S })),
  attachments: Type.Array(Type.Object({ id: Type.Integer(), fileName: S, contentType: S, sizeBytes: Type.Integer(), visibility: S, createdAt: S })),
  messages: Type.Array(Type.Object({ id: Type.Integer(), kind: S, to: S, subject: NS, text: S, status: S, attempts: Type.Integer(), sentAt: NS, lastError: NS, createdAt: S })),
});

export const requestRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  // Intakes arriving together share a transaction (intake-queue.ts).
  const intake = new IntakeQueue(db);

  app.post(
    '/requests',
    {
      config: { access: 'requests.create' },
      schema: { tags: ['requests'], summary: 'Record a request (any channel); routes it and tells the citizen', body: CreateRequestBody, response: responses({ 201: Created }) },
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
        querystring: Type.Object(
          {
            unitId: Type.Optional(Id),
            status: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 12 })),
            overdue: Type.Optional(Type.Boolean()),
            categoryId: Type.Optional(Id),
            districtId: Type.Optional(Id),
            neighbourhoodId: Type.Optional(Id),
            assigneeId: Type.Optional(Id),
            unassigned: Type.Optional(Type.Boolean()),
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            sort: Type.Optional(Type.Union(INBOX_SORTS.map((s) => Type.Literal(s)))),
            order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
            pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(InboxItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) }),
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
        body: Type.Object(
          {
            action: Type.Union(REQUEST_ACTIONS.map((a) => Type.Literal(a))),
            version: Type.Optional(Id),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
            text: Type.Optional(Type.String({ maxLength: 5000 })),
            assigneeId: Type.Optional(Id),
            unitId: Type.Optional(Id),
            institution: Type.Optional(Type.String({ maxLength: 200 })),
            parentTrackingNo: Type.Optional(Type.String({ maxLength: 20 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ id: Type.Integer(), status: Type.String(), version: Type.Integer() }) }),
      },
    },
    async (request) => {
      const user = currentUser(request);
      // Assigning is a head's or supervisor's call; unit staff may take work on themselves only.
      if (request.body.action === 'assign' && !can(user.role, 'requests.assign') && request.body.assigneeId !== user.id) {
        throw new DomainError('request.forbidden', 'you may assign requests only to yourself; ask your unit head to assign others');
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
        body: Type.Object({ citizen: Citizen, channel: Type.Union(CHANNELS.map((c) => Type.Literal(c))) }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ requestId: Type.Integer(), trackingNo: Type.String(), followers: Type.Integer(), alreadyFollowing: Type.Boolean() }) }),
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
        body: Type.Object(
          { assigneeId: Id, requests: Type.Array(Type.Object({ id: Id, version: Id }, { additionalProperties: false }), { minItems: 1, maxItems: 200 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ assigned: Type.Integer() }) }),
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
        querystring: Type.Object(
          {
            categoryId: Id,
            description: Type.String({ minLength: 1, maxLength: 5000 }),
            neighbourhoodId: Type.Optional(Id),
            latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
            longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
            radiusMeters: Type.Optional(Type.Integer({ minimum: 10, maximum: 5000 })),
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Type.Integer(), trackingNo: Type.String(), status: Type.String(), description: Nullable(Type.String({ description: "The citizen's words; null for roles without requests.read" })), neighbourhoodName: Nullable(Type.String()), createdAt: Type.String(), similarity: Type.Number(), distanceMeters: Nullable(Type.Number()) }),
            ),
          }),
        }),
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
        response: responses({ 201: Type.Object({ id: Type.Integer(), fileName: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer(), visibility: Type.String() }) }),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('validation_failed', "send the file as multipart/form-data in a field named 'file'", [{ field: 'file', message: 'is required' }]);
      const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 5 } });
      if (!part) throw new DomainError('validation_failed', "file: is required (a multipart field named 'file')", [{ field: 'file', message: 'is required' }]);
      const content = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('validation_failed', `file: is larger than the limit of ${MAX_ATTACHMENT_BYTES / 1048576} MB per file; send a smaller photo or split the PDF`, [{ field: 'file', message: 'is too large' }]);
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
        params: Type.Object({ id: Id, attachmentId: Id }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const file = await openAttachment(db, currentUser(request), request.params.id, request.params.attachmentId, deps.config.dataDir);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).header('x-content-type-options', 'nosniff').send(file.stream);
    },
  );
};
