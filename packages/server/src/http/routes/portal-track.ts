/**
 * Following one's requests, behind a verified phone ('token': the citizen session cookie):
 * my requests, one request's public timeline, the rating, photos.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '@cozum/domain';
import { MAX_PHOTOS_PER_REQUEST } from '../../app/portal/limits.js';
import { addCitizenPhoto, myRequests, publicRequestView, rateRequest } from '../../app/portal/track.js';
import { MAX_ATTACHMENT_BYTES } from '../../app/requests/attachments.js';
import type { Deps } from '../deps.js';
import { Items, PortalMyRequest, PortalPhoto, PortalRating, PortalRatingBody, PortalRequestView, PortalTrackingParams, responses } from '@cozum/contract';
import { citizenSession } from './portal-citizen-session.js';

export const portalTrackRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  const session = citizenSession(deps);

  app.get(
    '/portal/requests',
    {
      config: { access: 'token' },
      schema: {
        tags: ['portal'],
        summary: 'My requests: every request of the verified phone, newest first',
        response: responses({ 200: Items(PortalMyRequest) }),
      },
    },
    async (request) => ({ items: await myRequests(db, await session.phone(request)) }),
  );

  app.get(
    '/portal/requests/:trackingNo',
    {
      config: { access: 'token' },
      schema: {
        tags: ['portal'],
        summary: "One of my requests with its public timeline (internal notes are never shown)",
        params: PortalTrackingParams,
        response: responses({ 200: PortalRequestView }),
      },
    },
    async (request) => publicRequestView(db, await session.phone(request), request.params.trackingNo),
  );

  app.post(
    '/portal/requests/:trackingNo/rating',
    {
      config: { access: 'token' },
      schema: {
        tags: ['portal'],
        summary: 'Rate the solution (1 to 5) once the request is resolved; once per request',
        params: PortalTrackingParams,
        body: PortalRatingBody,
        response: responses({ 201: PortalRating }),
      },
    },
    async (request, reply) => {
      const phone = await session.phone(request);
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
        params: PortalTrackingParams,
        response: responses({ 201: PortalPhoto }),
      },
    },
    async (request, reply) => {
      const phone = await session.phone(request);
      if (!request.isMultipart()) throw new DomainError('validation_failed', "file: send the photo as multipart/form-data in a field named 'file'", [{ field: 'file', code: 'required', message: 'is required' }]);
      const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 2 } });
      if (!part) throw new DomainError('validation_failed', "file: is required (a multipart field named 'file')", [{ field: 'file', code: 'required', message: 'is required' }]);
      const content = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
          const message = `'${part.filename}' is larger than ${MAX_ATTACHMENT_BYTES / 1048576} MB; a photo may be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB — send a smaller one`;
          throw new DomainError('validation_failed', `file: ${message}`, [{ field: 'file', code: 'too_large', params: { limit: MAX_ATTACHMENT_BYTES / 1048576 }, message }]);
        }
        throw error;
      });
      const saved = await db.transaction((tx) => addCitizenPhoto(tx, phone, request.params.trackingNo, { fileName: part.filename, content }, deps.config.dataDir, deps.now()));
      return reply.status(201).send(saved);
    },
  );
};
