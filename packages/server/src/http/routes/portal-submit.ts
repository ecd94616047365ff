/**
 * Submitting from the portal, open to anyone: the request is checked and kept, a one-time
 * code goes to the phone by SMS, and confirming the code records it and starts a citizen session.
 */
import crypto from 'node:crypto';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CONFIRMATIONS_PER_IP, SUBMISSIONS_PER_IP } from '../../app/portal/limits.js';
import { confirmSubmission, isRobot, startSubmission } from '../../app/portal/submit.js';
import type { Deps } from '../deps.js';
import { ProofBody } from '../proof-schemas.js';
import { Id, Locale, Nullable, responses } from '@cozum/contract';
import { Challenge, Code, citizenSession, limited } from './portal-citizen-session.js';

export const portalSubmitRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  const secret = deps.config.sessionSecret;
  const session = citizenSession(deps);

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
        response: responses({ 201: Type.Intersect([Challenge, Type.Object({ submissionId: Type.String() })]) }),
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
        response: responses({ 201: Type.Object({ trackingNo: Type.String() }) }),
      },
    },
    async (request, reply) => {
      const result = await db.transaction((tx) => confirmSubmission(tx, { submissionId: request.params.id, code: request.body.code }, { ip: request.ip, secret }, deps.now()));
      // The counted attempt is committed; now the refusal is told.
      if (!result.ok) throw result.error;
      session.start(reply, result.token);
      return reply.status(201).send({ trackingNo: result.trackingNo });
    },
  );
};
