/**
 * Signing in on the portal with a one-time code to the phone (and the proof of work that
 * recent codes to a number ask for first), the session's masked phone, and signing out.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { codeCost, codeProofScope } from '../../app/portal/challenges.js';
import { CONFIRMATIONS_PER_IP, SIGN_INS_PER_IP } from '../../app/portal/limits.js';
import { checkPhone } from '../../app/portal/submit.js';
import { confirmSignIn, startSignIn } from '../../app/portal/track.js';
import { issueProofChallenge } from '../../app/proof-of-work.js';
import type { Deps } from '../deps.js';
import {
  PortalCodeBody,
  PortalCodeParams,
  PortalMe,
  PortalProofOfWorkBody,
  PortalSignedIn,
  PortalSignInBody,
  PortalSignInStarted,
  ProofChallenge,
  responses,
} from '@cozum/contract';
import { citizenSession, codeDelivery, limited } from './portal-citizen-session.js';

export const portalSignInRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  const secret = deps.config.sessionSecret;
  const session = citizenSession(deps);

  app.post(
    '/portal/proof-of-work',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute', errorResponseBuilder: limited('challenges') } },
      schema: {
        tags: ['portal'],
        summary: 'A challenge to solve before the next code to this number, when recent codes to it or from this address ask for one (bits 0: none needed)',
        body: PortalProofOfWorkBody,
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
        body: PortalSignInBody,
        response: responses({ 201: PortalSignInStarted }),
      },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => startSignIn(tx, request.body, { ip: request.ip, secret, delivery: codeDelivery(deps, request) }, deps.now()))),
  );

  app.post(
    '/portal/sign-in/:id/confirm',
    {
      config: { access: 'public', rateLimit: { ...CONFIRMATIONS_PER_IP, errorResponseBuilder: limited('code attempts') } },
      schema: {
        tags: ['portal'],
        summary: 'Confirm the phone with the one-time code; starts a citizen session of 30 minutes',
        params: PortalCodeParams,
        body: PortalCodeBody,
        response: responses({ 200: PortalSignedIn }),
      },
    },
    async (request, reply) => {
      const result = await db.transaction((tx) => confirmSignIn(tx, { challengeId: request.params.id, code: request.body.code }, { secret }, deps.now()));
      if (!result.ok) throw result.error;
      session.start(reply, result.token);
      return { trackingNo: result.trackingNo };
    },
  );

  app.get(
    '/portal/me',
    { config: { access: 'token' }, schema: { tags: ['portal'], summary: 'The verified phone of this citizen session (masked)', response: responses({ 200: PortalMe }) } },
    async (request) => {
      const phone = await session.phone(request);
      return { phone: `0${phone.slice(2, 5)} *** ** ${phone.slice(10)}` };
    },
  );

  app.post(
    '/portal/sign-out',
    { config: { access: 'token' }, schema: { tags: ['portal'], summary: 'End the citizen session' } },
    async (request, reply) => {
      await session.end(request, reply);
      return reply.status(204).send();
    },
  );
};
