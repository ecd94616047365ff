/**
 * Strict CORS: the web app is served from the API's own origin and needs none. Other origins
 * get no Access-Control-Allow-Origin unless CORS_ORIGINS lists them; the public, read-only
 * Open311 GeoReport API answers any origin (without cookies), as city app developers expect.
 * And the log redaction paths that keep personal data out of the logs.
 */
import type { FastifyCorsOptions, FastifyCorsOptionsDelegateCallback } from '@fastify/cors';

export const OPEN311_PATH = '/open311/';

export function corsOptions(allowed: readonly string[]): FastifyCorsOptions {
  const listed = new Set(allowed);
  const delegator: FastifyCorsOptionsDelegateCallback = (request, callback) => {
    const origin = request.headers.origin;
    const method = request.method === 'OPTIONS' ? String(request.headers['access-control-request-method'] ?? '') : request.method;
    if (request.url.startsWith(OPEN311_PATH) && (method === 'GET' || method === 'HEAD')) {
      callback(null, { origin: '*', credentials: false, methods: ['GET', 'HEAD'] } satisfies FastifyCorsOptions);
      return;
    }
    if (origin && listed.has(origin)) {
      callback(null, { origin, credentials: true, methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], allowedHeaders: ['content-type', 'x-cozum-csrf', 'x-request-id'], maxAge: 600 });
      return;
    }
    callback(null, { origin: false });
  };
  return { delegator };
}

/** Personal fields wherever a logged object carries them (bodies, errors, job payloads). */
export const PERSONAL_LOG_FIELDS = ['phone', 'tcKimlikNo', 'email', 'address', 'fullName', 'password', 'totpCode', 'to', 'callerNumber']
  .flatMap((field) => [`*.${field}`, `*.*.${field}`, `*.*.*.${field}`]);
