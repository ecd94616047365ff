/**
 * The citizen portal's API under /api/v1/portal, one file per subject: what the form needs
 * (portal-form-data.ts) and submitting with a one-time code (portal-submit.ts), open to anyone
 * ('public'); signing in with a code (portal-sign-in.ts); and, behind a verified phone ('token':
 * the citizen session cookie, not a staff session), following one's requests
 * (portal-track.ts). Writes made with the citizen cookie must send X-Cozum-Csrf, as staff
 * writes do: the hook below covers every portal route.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '@cozum/domain';
import type { Deps } from '../deps.js';
import { CSRF_HEADER } from '../session.js';
import { CITIZEN_COOKIE } from './portal-citizen-session.js';
import { portalFormDataRoutes } from './portal-form-data.js';
import { portalSignInRoutes } from './portal-sign-in.js';
import { portalSubmitRoutes } from './portal-submit.js';
import { portalTrackRoutes } from './portal-track.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const portalRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.cookies[CITIZEN_COOKIE]) return;
    if (request.headers[CSRF_HEADER] === undefined) throw new DomainError('csrf_required', `writes from the portal must send the ${CSRF_HEADER} header`, undefined, { header: CSRF_HEADER });
  });

  await app.register(portalFormDataRoutes(deps));
  await app.register(portalSubmitRoutes(deps));
  await app.register(portalSignInRoutes(deps));
  await app.register(portalTrackRoutes(deps));
};
