/**
 * Cookie sessions. The cookie holds a random token (httpOnly, SameSite=Strict, Secure behind
 * https); the database holds its hash. Strict: a link followed from another site arrives
 * without the cookie, so it cannot open a record or act as the signed-in user. Cookie-authenticated writes must carry the
 * `X-Cozum-Csrf` header, which a cross-site form cannot send, so no other site can act for
 * a signed-in user.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DomainError } from '@cozum/domain';
import { BatchLoader } from '../app/batch-loader.js';
import { sessionUsers, type SessionUser } from '../app/sessions.js';
import type { Deps } from './deps.js';

export const SESSION_COOKIE = 'cozum_session';
export const CSRF_HEADER = 'x-cozum-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Registered before the access check: it finds the user the check then judges. */
export function registerSessions(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('user', null);
  // Requests arriving together share one session query.
  const loader = new BatchLoader<string, SessionUser | null>((tokens) => sessionUsers(deps.database.db, tokens, deps.now(), deps.config.sessionTtlHours, deps.config.sessionSecret), null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    request.user = await loader.get(token);
  });
}

/** Registered after the access check, so anonymous callers hear 401 first. */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.access === 'token') return;
    if (!request.cookies[SESSION_COOKIE]) return;
    if (request.headers[CSRF_HEADER] === undefined) {
      throw new DomainError('csrf_required', `writes from the web app must send the ${CSRF_HEADER} header`, undefined, { header: CSRF_HEADER });
    }
  });
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.publicUrl.startsWith('https:'),
    maxAge: deps.config.sessionTtlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
