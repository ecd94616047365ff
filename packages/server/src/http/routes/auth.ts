import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { issueProofChallenge } from '../../app/proof-of-work.js';
import { login, logout, signInWork } from '../../app/sessions.js';
import { throttleKeys } from '../../app/sign-in-throttle.js';
import { getUser } from '../../app/users.js';
import type { Deps } from '../deps.js';
import { currentUser } from '../access.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../session.js';
import { LoginBody, NoContent, ProofChallenge, SignedIn, SignInChallengeBody, responses } from '@cozum/contract';

export const authRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.post(
    '/auth/proof-of-work',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'A challenge to solve before the next sign-in, when recent failures for this username or address ask for one (bits 0: none needed)',
        body: SignInChallengeBody,
        response: responses({ 200: ProofChallenge }),
      },
    },
    async (request) => {
      const now = deps.now();
      const bits = await signInWork(deps.database.db, { username: request.body.username, ip: request.ip, now, secret: deps.config.sessionSecret });
      return issueProofChallenge(deps.config.sessionSecret, 'sign_in', throttleKeys(deps.config.sessionSecret, request.body.username, undefined).username, bits, now);
    },
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a staff account; sets the session cookie',
        body: LoginBody,
        response: responses({ 200: SignedIn }),
      },
    },
    async (request, reply) => {
      const result = await deps.database.db.transaction((tx) =>
        login(tx, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'], now: deps.now(), ttlHours: deps.config.sessionTtlHours, secret: deps.config.sessionSecret }),
      );
      if (!result.ok) throw result.error;
      const { token, user } = result;
      setSessionCookie(reply, deps, token);
      return { user, timeZone: deps.config.cityTimeZone };
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'End the current session', response: responses({ 204: NoContent }) } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(deps.database.db, token, deps.now(), deps.config.sessionSecret);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { config: { access: 'session.own' }, schema: { tags: ['auth'], summary: "The signed-in user, and the city's time zone the web app shows dates in", response: responses({ 200: SignedIn }) } },
    async (request) => ({ user: await getUser(deps.database.db, currentUser(request).id), timeZone: deps.config.cityTimeZone }),
  );
};
