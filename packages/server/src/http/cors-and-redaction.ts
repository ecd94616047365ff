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

/**
 * Query parameters whose values are neither personal nor secret, logged as they are; every
 * other parameter is logged by its name only (`?q&api_key&phone`).
 */
const SAFE_QUERY_VALUES = new Set(['page', 'limit', 'offset', 'from', 'to', 'status', 'format', 'year', 'compare', 'by', 'period', 'before', 'after', 'lang', 'dryRun', 'jurisdiction_id', 'start_date', 'end_date', 'service_code']);
const MAX_LOGGED_PARAMS = 20;
/** Even for those, only values of a harmless shape: a short number, a date, a lower-case word. */
const SAFE_VALUE = /^(?:-?\d{1,6}(?:\.\d{1,6})?|\d{4}-\d{2}(?:-\d{2})?(?:T[\d:.]{1,15}(?:Z|[+-]\d{2}:?\d{2})?)?|[a-z_]{1,30})$/;
/** A path segment or parameter name logged as it is: a word, not a number, e-mail or name with digits. */
const PLAIN_WORD = /^[A-Za-z][\w.-]{0,39}$/;
const plainWord = (text: string) => PLAIN_WORD.test(text) && !/\d{4}/.test(text);

/**
 * The URL as a log line may show it: the route's pattern (`/api/v1/callers/:number`) rather
 * than its values, and the query's parameter names with only safe values. Without a route
 * (a 404), path segments that are not plain words become `:value`.
 */
export function loggableUrl(rawUrl: string, routePattern: string | undefined): string {
  const queryAt = rawUrl.indexOf('?');
  const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  const logged = routePattern ?? rawPath.split('/').map((segment) => (segment === '' || plainWord(segment) ? segment : ':value')).join('/');
  if (queryAt < 0) return logged;
  const params: string[] = [];
  const pairs = rawUrl.slice(queryAt + 1).split('&', MAX_LOGGED_PARAMS + 1);
  for (const pair of pairs.slice(0, MAX_LOGGED_PARAMS)) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const name = safeDecode(equals < 0 ? pair : pair.slice(0, equals));
    if (!plainWord(name)) {
      params.push(':name');
      continue;
    }
    const value = equals < 0 ? '' : safeDecode(pair.slice(equals + 1));
    params.push(SAFE_QUERY_VALUES.has(name) && SAFE_VALUE.test(value) ? `${name}=${value}` : name);
  }
  if (pairs.length > MAX_LOGGED_PARAMS) params.push('…');
  return `${logged}?${params.join('&')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

// Shapes of personal data in free text. Each starts only where a run of its characters starts
// (the lookbehinds), so a long line costs linear time.
const EMAIL_IN_TEXT = /(?<![\w.+-])[\w.+-]+(?:@|\s?\[at\]\s?)[\w-]+(?:\.[\w-]+)+/gi;
const PHONE_IN_TEXT = /(?<![\d+])(?:\+?90[\s.-]?|0[\s.-]?)?\(?5\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{2}[\s.-]?\d{2}(?!\d)/g;
const ID_NUMBER_IN_TEXT = /(?<!\d)[1-9]\d{2}[\s.]?\d{3}[\s.]?\d{3}[\s.]?\d{2}(?!\d)/g;
// A failed query's message lists its parameters, which are the citizen's data.
const QUERY_PARAMS_IN_TEXT = /\bparams: [^\n]*/g;
// A URL's query inside a message: names only, as in the request log.
const QUERY_IN_TEXT = /(\/[\w.%:-]*)\?([^\s"'`]*)/g;

/** Free text (a log message, an error's message and stack) without personal data or secrets. */
export function redactLogText(text: string): string {
  return text
    .replace(QUERY_PARAMS_IN_TEXT, 'params: [redacted]')
    .replace(QUERY_IN_TEXT, (_, path: string, query: string) => loggableUrl(`${path}?${query}`, undefined))
    .replace(EMAIL_IN_TEXT, '[e-mail]')
    .replace(PHONE_IN_TEXT, '[phone]')
    .replace(ID_NUMBER_IN_TEXT, '[number]');
}

/**
 * An error as the log shows it (after pino's serializer): every text redacted, the parameters
 * of a failed query left out, nested causes alike.
 */
export function redactLoggedError(serialized: unknown, depth = 0): unknown {
  if (typeof serialized === 'string') return redactLogText(serialized);
  if (serialized === null || typeof serialized !== 'object' || depth > 4) return serialized;
  if (Array.isArray(serialized)) return serialized.map((item) => redactLoggedError(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) out[key] = key === 'params' ? '[redacted]' : redactLoggedError(value, depth + 1);
  return out;
}
