/**
 * Submitting from the portal, open to anyone: the request is checked and kept, a one-time
 * code goes to the phone by SMS, and confirming the code records it and starts a citizen session.
 */
import crypto from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CONFIRMATIONS_PER_IP, SUBMISSIONS_PER_IP } from '../../app/portal/limits.js';
import { confirmSubmission, isRobot, startSubmission } from '../../app/portal/submit.js';
import type { Deps } from '../deps.js';
import { PortalCodeBody, PortalCodeParams, PortalSubmissionBody, PortalSubmissionConfirmed, PortalSubmissionStarted, responses } from '@cozum/contract';
import { citizenSession, codeDelivery, limited } from './portal-citizen-session.js';

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
        body: PortalSubmissionBody,
        response: responses({ 201: PortalSubmissionStarted }),
      },
    },
    async (request, reply) => {
      if (isRobot(request.body)) {
        // Answered like a person so the robot learns nothing; no code, no request.
        request.log.info({ honeypot: true }, 'portal submission dropped: honeypot filled');
        return reply.status(201).send({ submissionId: crypto.randomUUID(), phone: '0*** *** ** **', expiresAt: new Date(deps.now().getTime() + 600_000).toISOString() });
      }
      const started = await db.transaction((tx) => startSubmission(tx, request.body, { ip: request.ip, secret, delivery: codeDelivery(deps, request) }, deps.now()));
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
        params: PortalCodeParams,
        body: PortalCodeBody,
        response: responses({ 201: PortalSubmissionConfirmed }),
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
