/**
 * The citizen portal's API under /api/v1/portal. Open to anyone ('public'): the reference data
 * the form needs, submitting (with a one-time code) and asking for a sign-in code. Behind a
 * verified phone ('token': the citizen session cookie, not a staff session): my requests, one
 * request's public timeline, photos, the rating. Writes made with the citizen cookie must send
 * X-Cozum-Csrf, as staff writes do.
 */
import crypto from 'node:crypto';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { DomainError } from '@cozum/domain';
import { categories } from '../../db/schema.js';
import { listDistricts, listNeighbourhoods } from '../../app/places-and-request-types.js';
import { CITIZEN_SESSION_MINUTES, CODE_LENGTH, CONFIRMATIONS_PER_IP, MAX_PHOTOS_PER_REQUEST, PHOTO_TYPES, SIGN_INS_PER_IP, SUBMISSIONS_PER_IP } from '../../app/portal/limits.js';
import { NOTICE_VERSION, PRIVACY_NOTICE } from '../../app/portal/notice.js';
import { districtBoundaries } from '../../app/portal/places.js';
import { citizenSessionPhone, endCitizenSession } from '../../app/portal/sessions.js';
import { checkPhone, confirmSubmission, isRobot, startSubmission } from '../../app/portal/submit.js';
import { codeCost, codeProofScope } from '../../app/portal/challenges.js';
import { issueProofChallenge } from '../../app/proof-of-work.js';
import { addCitizenPhoto, confirmSignIn, myRequests, publicRequestView, rateRequest, startSignIn } from '../../app/portal/track.js';
import { MAX_ATTACHMENT_BYTES } from '../../app/requests/attachments.js';
import type { Deps } from '../deps.js';
import { CSRF_HEADER } from '../session.js';
import { ProofBody, ProofChallenge } from '../proof-schemas.js';
import { Id, IdParams, Items, Locale, Nullable, responses } from '../schemas.js';

export const CITIZEN_COOKIE = 'cozum_citizen';
const COOKIE_PATH = '/api/v1/portal';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The rate limiter's refusal, in our error form. */
const limited = (what: string) => (_request: FastifyRequest, context: { after: string }) => ({
  statusCode: 429,
  message: `too many ${what} from your address; try again in ${context.after}`,
});

const S = Type.String();
const NS = Nullable(Type.String());
const TrackingParams = Type.Object({ trackingNo: Type.String({ pattern: '^\\d{4}-\\d{7}$' }) }, { additionalProperties: false });
const Code = Type.Object({ code: Type.String({ minLength: 1, maxLength: 12 }) }, { additionalProperties: false });
const Challenge = Type.Object({ phone: S, expiresAt: S });

export const portalRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  const secret = deps.config.sessionSecret;

  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.cookies[CITIZEN_COOKIE]) return;
    if (request.headers[CSRF_HEADER] === undefined) throw new DomainError('csrf_required', `writes from the portal must send the ${CSRF_HEADER} header`);
  });

  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(CITIZEN_COOKIE, token, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: deps.config.publicUrl.startsWith('https:'), maxAge: CITIZEN_SESSION_MINUTES * 60 });

  /** The verified phone of this request's citizen session, or 401. */
  async function citizenPhone(request: FastifyRequest): Promise<string> {
    const token = request.cookies[CITIZEN_COOKIE];
    const phone = token && token.length <= 100 ? await citizenSessionPhone(db, token, secret, deps.now()) : null;
    if (!phone) throw new DomainError('unauthenticated', 'confirm your phone number with a one-time code first (the session lasts 30 minutes)');
    return phone;
  }

  app.get(
    '/portal/config',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'What the portal form needs: the privacy notice and its version, photo limits, the map tiles (MAP_TILE_URL) if any',
        response: responses({
          200: Type.Object({
            noticeVersion: S,
            notice: Type.Object({ tr: S, en: S }),
            codeLength: Type.Integer(),
            maxPhotoBytes: Type.Integer(),
            maxPhotos: Type.Integer(),
            photoTypes: Type.Array(S),
            mapTiles: Nullable(Type.Object({ url: S, attribution: S })),
          }),
        }),
      },
    },
    async () => ({ noticeVersion: NOTICE_VERSION, notice: PRIVACY_NOTICE, codeLength: CODE_LENGTH, maxPhotoBytes: MAX_ATTACHMENT_BYTES, maxPhotos: MAX_PHOTOS_PER_REQUEST, photoTypes: [...PHOTO_TYPES], mapTiles: deps.config.mapTileUrl ? { url: deps.config.mapTileUrl, attribution: deps.config.mapTileAttribution } : null }),
  );

  app.get(
    '/portal/categories',
    {
      config: { access: 'public' },
      schema: { tags: ['portal'], summary: 'Topics a citizen may choose, with their group', response: responses({ 200: Items(Type.Object({ id: Type.Integer(), code: S, nameTr: S, nameEn: S, parentId: Nullable(Type.Integer()) })) }) },
    },
    async () => {
      const rows = await db.select({ id: categories.id, code: categories.code, nameTr: categories.nameTr, nameEn: categories.nameEn, parentId: categories.parentId }).from(categories).where(eq(categories.active, true)).orderBy(asc(categories.nameTr));
      return { items: rows };
    },
  );

  const Place = Type.Object({ id: Type.Integer(), code: S, name: S, population: Nullable(Type.Integer()) });
  app.get('/portal/districts', { config: { access: 'public' }, schema: { tags: ['portal'], summary: "The city's districts", response: responses({ 200: Items(Place) }) } }, async () => ({ items: await listDistricts(db) }));
  app.get(
    '/portal/districts/:id/neighbourhoods',
    { config: { access: 'public' }, schema: { tags: ['portal'], summary: 'Neighbourhoods of a district', params: IdParams, response: responses({ 200: Items(Place) }) } },
    async (request) => ({ items: await listNeighbourhoods(db, request.params.id) }),
  );
  app.get(
    '/portal/map/districts',
    { config: { access: 'public' }, schema: { tags: ['portal'], summary: 'District boundaries as GeoJSON (© OpenStreetMap contributors, ODbL 1.0)' } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').send(districtBoundaries()),
  );

  app.post(
    '/portal/submissions',
    {
      config: { access: 'public', rateLimit: { ...SUBMISSIONS_PER_IP, errorResponseBuilder: limited('submissions') } },
      schema: {
        tags: ['portal'],
        summary: 'Submit a request: checked, kept, and a one-time code sent by SMS to confirm it',
        body: Type.Object(
          {
            categoryId: Id,
            description: Type.String({ minLength: 1, maxLength: 5000 }),
            districtId: Type.Optional(Nullable(Id)),
            neighbourhoodId: Type.Optional(Nullable(Id)),
            latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
            longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
            address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            fullName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
            phone: Type.String({ minLength: 1, maxLength: 30 }),
            email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
            locale: Type.Optional(Locale),
            consent: Type.Boolean(),
            noticeVersion: Type.String({ maxLength: 40 }),
            website: Type.Optional(Type.String({ maxLength: 200 })),
            proof: Type.Optional(ProofBody),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Intersect([Challenge, Type.Object({ submissionId: S })]) }),
      },
    },
    async (request, reply) => {
      if (isRobot(request.body)) {
        // Answered like a person so the robot learns nothing; no code, no request.
        request.log.info({ honeypot: true }, 'portal submission dropped: honeypot filled');
        return reply.status(201).send({ submissionId: crypto.randomUUID(), phone: '0*** *** ** **', expiresAt: new Date(deps.now().getTime() + 600_000).toISOString() });
      }
      const started = await db.transaction((tx) => startSubmission(tx, request.body, { ip: request.ip, secret }, deps.now()));
      return reply.status(201).send(started);
    },
  );

  app.post(
    '/portal/submissions/:id/confirm',
    {
      config: { access: 'public', rateLimit: { ...CONFIRMATIONS_PER_IP, errorResponseBuilder: limited('code attempts') } },
      schema: {
        tags: ['portal'],
        summary: 'Confirm a submission with its one-time code: the request is recorded and a citizen session starts',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        body: Code,
        response: responses({ 201: Type.Object({ trackingNo: S }) }),
      },
    },
    async (request, reply) => {
      const result = await db.transaction((tx) => confirmSubmission(tx, { submissionId: request.params.id, code: request.body.code }, { ip: request.ip, secret }, deps.now()));
      // The counted attempt is committed; now the refusal is told.
      if (!result.ok) throw result.error;
      setCookie(reply, result.token);
      return reply.status(201).send({ trackingNo: result.trackingNo });
    },
  );

  app.post(
    '/portal/proof-of-work',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute', errorResponseBuilder: limited('challenges') } },
      schema: {
        tags: ['portal'],
        summary: 'A challenge to solve before the next code to this number, when recent codes to it or from this address ask for one (bits 0: none needed)',
        body: Type.Object({ phone: Type.String({ minLength: 1, maxLength: 30 }) }, { additionalProperties: false }),
        response: responses({ 200: ProofChallenge }),
      },
    },
    async (request) => {
      const phone = checkPhone(request.body.phone);
      const now = deps.now();
      const bits = await codeCost(db, { phone, ip: request.ip }, now);
      return issueProofChallenge(secret, 'portal_code', codeProofScope(secret, phone), bits, now);
    },
  );

  app.post(
    '/portal/sign-in',
    {
      config: { access: 'public', rateLimit: { ...SIGN_INS_PER_IP, errorResponseBuilder: limited('code requests') } },
      schema: {
        tags: ['portal'],
        summary: 'Ask for a one-time code to follow your requests (with a tracking number: that request). Answers alike whether or not the number is known',
        body: Type.Object({ phone: Type.String({ minLength: 1, maxLength: 30 }), trackingNo: Type.Optional(Type.String({ maxLength: 20 })), locale: Type.Optional(Locale), proof: Type.Optional(ProofBody) }, { additionalProperties: false }),
        response: responses({ 201: Type.Intersect([Challenge, Type.Object({ challengeId: S })]) }),
      },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => startSignIn(tx, request.body, { ip: request.ip, secret }, deps.now()))),
  );

  app.post(
    '/portal/sign-in/:id/confirm',
    {
      config: { access: 'public', rateLimit: { ...CONFIRMATIONS_PER_IP, errorResponseBuilder: limited('code attempts') } },
      schema: {
        tags: ['portal'],
        summary: 'Confirm the phone with the one-time code; starts a citizen session of 30 minutes',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        body: Code,
        response: responses({ 200: Type.Object({ trackingNo: NS }) }),
      },
    },
    async (request, reply) => {
      const result = await db.transaction((tx) => confirmSignIn(tx, { challengeId: request.params.id, code: request.body.code }, { secret }, deps.now()));
      if (!result.ok) throw result.error;
      setCookie(reply, result.token);
      return { trackingNo: result.trackingNo };
    },
  );

  app.get(
    '/portal/me',
    { config: { access: 'token' }, schema: { tags: ['portal'], summary: 'The verified phone of this citizen session (masked)', response: responses({ 200: Type.Object({ phone: S }) }) } },
    async (request) => {
      const phone = await citizenPhone(request);
      return { phone: `0${phone.slice(2, 5)} *** ** ${phone.slice(10)}` };
    },
  );

  app.post(
    '/portal/sign-out',
    { config: { access: 'token' }, schema: { tags: ['portal'], summary: 'End the citizen session' } },
    async (request, reply) => {
      const token = request.cookies[CITIZEN_COOKIE];
      if (token && token.length <= 100) await endCitizenSession(db, token, secret);
      reply.clearCookie(CITIZEN_COOKIE, { path: COOKIE_PATH });
      return reply.status(204).send();
    },
  );

  app.get(
    '/portal/requests',
    {
      config: { access: 'token' },
      schema: {
        tags: ['portal'],
        summary: 'My requests: every request of the verified phone, newest first',
        response: responses({ 200: Items(Type.Object({ trackingNo: S, status: S, categoryNameTr: S, categoryNameEn: S, createdAt: S, updatedAt: S })) }),
      },
    },
    async (request) => ({ items: await myRequests(db, await citizenPhone(request)) }),
  );

  app.get(
    '/portal/requests/:trackingNo',
    {
      config: { access: 'token' },
      schema: {
        tags: ['portal'],
        summary: "One of my requests with its public timeline (internal notes are never shown)",
        params: TrackingParams,
        response: responses({
          200: Type.Object({
            trackingNo: S, status: S, description: S, categoryNameTr: S, categoryNameEn: S, districtName: NS, neighbourhoodName: NS, address: NS,
            createdAt: S, dueAt: NS, resolvedAt: NS, resolution: NS,
            timeline: Type.Array(Type.Object({ id: Type.Integer(), type: S, toStatus: NS, text: NS, at: S })),
            canRate: Type.Boolean(),
            rating: Nullable(Type.Object({ score: Type.Integer(), comment: NS })),
          }),
        }),
      },
    },
    async (request) => publicRequestView(db, await citizenPhone(request), request.params.trackingNo),
  );

  app.post(
    '/portal/requests/:trackingNo/rating',
    {
      config: { access: 'token' },
      schema: {
        tags: ['portal'],
        summary: 'Rate the solution (1 to 5) once the request is resolved; once per request',
        params: TrackingParams,
        body: Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }, { additionalProperties: false }),
        response: responses({ 201: Type.Object({ score: Type.Integer(), comment: NS }) }),
      },
    },
    async (request, reply) => {
      const phone = await citizenPhone(request);
      return reply.status(201).send(await db.transaction((tx) => rateRequest(tx, phone, request.params.trackingNo, request.body, deps.now())));
    },
  );

  app.post(
    '/portal/requests/:trackingNo/photos',
    {
      config: { access: 'token' },
      schema: {
        tags: ['portal'],
        summary: `Add a photo (JPEG, PNG or WebP, at most ${MAX_ATTACHMENT_BYTES / 1048576} MB, at most ${MAX_PHOTOS_PER_REQUEST} a request) as multipart/form-data field 'file'`,
        params: TrackingParams,
        response: responses({ 201: Type.Object({ id: Type.Integer(), fileName: S, contentType: S, sizeBytes: Type.Integer() }) }),
      },
    },
    async (request, reply) => {
      const phone = await citizenPhone(request);
      if (!request.isMultipart()) throw new DomainError('validation_failed', "file: send the photo as multipart/form-data in a field named 'file'", [{ field: 'file', message: 'is required' }]);
      const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 2 } });
      if (!part) throw new DomainError('validation_failed', "file: is required (a multipart field named 'file')", [{ field: 'file', message: 'is required' }]);
      const content = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
          const message = `'${part.filename}' is larger than ${MAX_ATTACHMENT_BYTES / 1048576} MB; a photo may be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB — send a smaller one`;
          throw new DomainError('validation_failed', `file: ${message}`, [{ field: 'file', message }]);
        }
        throw error;
      });
      const saved = await db.transaction((tx) => addCitizenPhoto(tx, phone, request.params.trackingNo, { fileName: part.filename, content }, deps.config.dataDir, deps.now()));
      return reply.status(201).send(saved);
    },
  );
};
