/** Two-factor sign-in (TOTP) for the signed-in user, and administrators' control of sessions. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listSessions, revokeSessions } from '../../app/sessions.js';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment, totpStatus } from '../../app/totp.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { IdParams, NoContent, responses, SessionsRevoked, StaffSessions, TotpConfirmationBody, TotpDisableBody, TotpEnrolment, TotpStatus } from '@cozum/contract';

export const securityRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/auth/totp',
    { config: { access: 'session.own' }, schema: { tags: ['auth'], summary: 'Is two-factor sign-in on for me?', response: responses({ 200: TotpStatus }) } },
    async (request) => totpStatus(db, currentUser(request).id),
  );

  app.post(
    '/auth/totp/enrolment',
    {
      config: { access: 'session.own' },
      schema: { tags: ['auth'], summary: 'Start two-factor enrolment: a new secret and its otpauth:// URI for the authenticator app', response: responses({ 201: TotpEnrolment }) },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => startTotpEnrolment(tx, currentUser(request), { sessionSecret: deps.config.sessionSecret, issuer: 'Çözüm' }))),
  );

  app.post(
    '/auth/totp/confirmation',
    {
      config: { access: 'session.own', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Finish enrolment with a current code; from then on sign-in asks for one', body: TotpConfirmationBody, response: responses({ 200: TotpStatus }) },
    },
    async (request) => db.transaction((tx) => confirmTotpEnrolment(tx, currentUser(request), { code: request.body.code, now: deps.now(), sessionSecret: deps.config.sessionSecret, ip: request.ip })),
  );

  app.post(
    '/auth/totp/disable',
    {
      config: { access: 'session.own', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Turn two-factor sign-in off (needs a current code)', body: TotpDisableBody, response: responses({ 204: NoContent }) },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      await db.transaction((tx) => disableTotp(tx, actor, actor.id, { code: request.body.code, now: deps.now(), sessionSecret: deps.config.sessionSecret, ip: request.ip }));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/users/:id/totp',
    { config: { access: 'users.manage' }, schema: { tags: ['admin'], summary: "Reset a user's two-factor sign-in (a lost phone)", params: IdParams, response: responses({ 204: NoContent }) } },
    async (request, reply) => {
      await db.transaction((tx) => disableTotp(tx, currentUser(request), request.params.id, { now: deps.now(), sessionSecret: deps.config.sessionSecret, ip: request.ip }));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users/:id/sessions',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['admin'],
        summary: "A user's open sessions",
        params: IdParams,
        response: responses({ 200: StaffSessions }),
      },
    },
    async (request) => ({ items: await listSessions(db, request.params.id, deps.now()) }),
  );

  app.post(
    '/users/:id/sessions/revocation',
    { config: { access: 'users.manage' }, schema: { tags: ['admin'], summary: "End every open session of a user", params: IdParams, response: responses({ 200: SessionsRevoked }) } },
    async (request) => ({ revoked: await db.transaction((tx) => revokeSessions(tx, currentUser(request), request.params.id, { now: deps.now(), ip: request.ip })) }),
  );
};
