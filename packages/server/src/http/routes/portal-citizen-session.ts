/**
 * What the portal's route files share: the citizen session cookie (a verified phone, not a
 * staff session), how codes reach a phone, and the rate limiter's refusal in our error form.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@cozum/domain';
import { smsDelivery } from '../../config.js';
import type { CodeDelivery } from '../../app/portal/challenges.js';
import { CITIZEN_SESSION_MINUTES } from '../../app/portal/limits.js';
import { citizenSessionPhone, endCitizenSession } from '../../app/portal/sessions.js';
import type { Deps } from '../deps.js';

export const CITIZEN_COOKIE = 'cozum_citizen';
const COOKIE_PATH = '/api/v1/portal';

/** The rate limiter's refusal, in our error form. */
export const limited = (what: string) => (_request: FastifyRequest, context: { after: string; ttl: number }) => ({
  statusCode: 429,
  retryAfterSeconds: Math.ceil(context.ttl / 1000),
  message: `too many ${what} from your address; try again in ${context.after}`,
});

/** How this server's one-time codes reach a phone (SMS_URL, DEV_OUTBOX); in development mode each is logged with the request. */
export function codeDelivery(deps: Deps, request: FastifyRequest): CodeDelivery {
  const by = smsDelivery(deps.config);
  return by === 'development' ? { by, log: (line) => request.log.warn({ devOutbox: true }, line) } : { by };
}

/** The citizen session cookie: set once a code is confirmed, read as the verified phone, ended. */
export function citizenSession(deps: Deps) {
  const db = deps.database.db;
  const secret = deps.config.sessionSecret;
  return {
    start: (reply: FastifyReply, token: string) =>
      reply.setCookie(CITIZEN_COOKIE, token, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: deps.config.publicUrl.startsWith('https:'), maxAge: CITIZEN_SESSION_MINUTES * 60 }),

    /** The verified phone of this request's citizen session, or 401. */
    async phone(request: FastifyRequest): Promise<string> {
      const token = request.cookies[CITIZEN_COOKIE];
      const phone = token && token.length <= 100 ? await citizenSessionPhone(db, token, secret, deps.now()) : null;
      if (!phone) throw new DomainError('unauthenticated', 'confirm your phone number with a one-time code first (the session lasts 30 minutes)', undefined, { reason: 'portal' });
      return phone;
    },

    async end(request: FastifyRequest, reply: FastifyReply) {
      const token = request.cookies[CITIZEN_COOKIE];
      if (token && token.length <= 100) await endCitizenSession(db, token, secret);
      reply.clearCookie(CITIZEN_COOKIE, { path: COOKIE_PATH });
    },
  };
}
