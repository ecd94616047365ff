/**
 * Open311 GeoReport v2 at /open311/v2 (http://wiki.open311.org/GeoReport_v2): discovery,
 * services, service definitions, requests (GET with every filter and paging, POST with an
 * api_key), single requests and tokens, each as .json or .xml. Errors use the spec's form,
 * a list of { code, description }, in the format the path asked for.
 */
import { TypeBoxValidatorCompiler, type TObject } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { clientForKey } from '../../app/open311/api-clients.js';
import { MAX_BODY_BYTES, Open311Error, errorList, formatOfUrl, isFormat, send, type Format } from '../open311/format.js';
import { UnparsedForm, parseForm } from '../open311/post-body.js';
import { MAX_SPAN_DAYS, findRequest, findRequests, findToken, type RequestQuery } from '../../app/open311/find-requests.js';
import { listServices, serviceDefinition } from '../../app/open311/services.js';
import { submitOpen311Request } from '../../app/open311/submit-request.js';
import { isLocalDate, startOfLocalDate } from '@cozum/domain';
import type { Deps } from '../deps.js';
import { Open311PostBody, Open311PostQuery, Open311Query, Open311RequestsQuery } from '@cozum/contract';

export const OPEN311_PREFIX = '/open311/v2';

/** The spec's default and our ceiling for one page of GET requests. */
export const MAX_PAGE_SIZE = 1000;

type Query = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[value.length - 1] : value);
/** Comma-delimited lists, also accepted as repeated parameters. */
const list = (value: string | string[] | undefined): string[] => [value ?? []].flat().flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

function dateParam(name: string, raw: string | undefined, zone: string): Date | undefined {
  if (!raw) return undefined;
  // W3C date-time (2010-01-01T00:00:00Z, with any offset) or a plain date, taken as a day in the city.
  const value = isLocalDate(raw) ? startOfLocalDate(raw, zone) : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw) ? new Date(raw) : new Date(NaN);
  if (Number.isNaN(value.getTime())) throw new Open311Error(400, `${name}: '${raw}' is not a W3C date-time; write it like 2026-05-01T00:00:00Z`);
  return value;
}

function positive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Open311Error(400, `${name}: '${raw}' must be a whole number from 1 to ${max}`);
  return value;
}

/** `zone`: the city's time zone, in which a plain date is a day. */
export function requestQuery(query: Query, zone: string): RequestQuery {
  const statuses = list(query.status);
  for (const status of statuses) if (status !== 'open' && status !== 'closed') throw new Open311Error(400, `status: '${status}' is not a status; use open or closed (or both, comma-delimited)`);
  const extensions = one(query.extensions);
  return {
    ids: list(query.service_request_id),
    serviceCodes: list(query.service_code),
    start: dateParam('start_date', one(query.start_date), zone),
    end: dateParam('end_date', one(query.end_date), zone),
    statuses: statuses as ('open' | 'closed')[],
    page: positive('page', one(query.page), 1, 100000),
    pageSize: positive('page_size', one(query.page_size), MAX_PAGE_SIZE, MAX_PAGE_SIZE),
    extensions: extensions === 'true' || extensions === '1',
  };
}

export const open311Routes = (deps: Deps): FastifyPluginAsync => async (app) => {
  const db = deps.database.db;
  const jurisdiction = new URL(deps.config.publicUrl).hostname;

  // A form is kept as text until its api_key has been checked (see authenticate below).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, new UnparsedForm(String(body))));
  app.setErrorHandler((error, request, reply) => {
    const { status, errors } = errorList(error);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    return send(reply, formatOfUrl(request.url), 'errors', errors, status);
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, formatOfUrl(request.url), 'errors', [{ code: 404, description: `no GeoReport resource at ${request.url.split('?')[0]}; try ${OPEN311_PREFIX}/services.json` }], 404),
  );

  // Inside the prefix an unknown GET is a GeoReport 404, not the web app's index.html.
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    send(reply, formatOfUrl(request.url), 'errors', [{ code: 404, description: `no GeoReport resource at ${request.url.split('?')[0]}; try ${OPEN311_PREFIX}/services.json` }], 404),
  );

  /** The format from the path, and the jurisdiction_id check every GeoReport call makes. */
  function begin(request: FastifyRequest): Format {
    const { format } = request.params as { format: string };
    if (!isFormat(format)) throw new Open311Error(404, `'.${format}' is not a format here; use .json or .xml`);
    const query = request.query as Query;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const given = one(query.jurisdiction_id) ?? (typeof body.jurisdiction_id === 'string' ? body.jurisdiction_id : undefined);
    if (given !== undefined && given !== jurisdiction) throw new Open311Error(404, `jurisdiction_id '${given}' was not found; this server serves '${jurisdiction}'`);
    return format;
  }

  const spec = (summary: string, querystring: TObject = Open311Query) => ({ config: { access: 'public' as const }, schema: { tags: ['open311'], summary, querystring } });

  app.get('/discovery.:format', spec('GeoReport discovery: where the endpoint is and what it speaks'), async (request, reply) => {
    const format = begin(request);
    return send(reply, format, 'discovery', {
      changeset: '2026-01-01T00:00:00Z',
      contact: `Çözüm Merkezi, ALO 153 — ${deps.config.publicUrl}`,
      key_service: `İstemci anahtarı (api_key) için belediyenin Çözüm Merkezi yöneticisine başvurun: ${deps.config.publicUrl}`,
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${deps.config.publicUrl}${OPEN311_PREFIX}`, changeset: '2026-01-01T00:00:00Z', type: 'production', formats: ['application/json', 'text/xml'] }],
    });
  });

  app.get('/services.:format', spec('GeoReport services: our categories'), async (request, reply) => send(reply, begin(request), 'services', await listServices(db)));

  app.get('/services/:code.:format', spec('GeoReport service definition: the attributes a request of this service takes'), async (request, reply) => {
    const format = begin(request);
    return send(reply, format, 'service_definition', await serviceDefinition(db, (request.params as { code: string }).code));
  });

  app.get('/requests.:format', spec(`GeoReport requests: filters service_request_id, service_code, start_date, end_date (at most ${MAX_SPAN_DAYS} days; default the last ${MAX_SPAN_DAYS}), status; page and page_size (default and at most ${MAX_PAGE_SIZE}); extensions=true adds notes and extended_attributes`, Open311RequestsQuery), async (request, reply) => {
    const format = begin(request);
    return send(reply, format, 'service_requests', await findRequests(db, requestQuery(request.query as Query, deps.config.cityTimeZone), deps.now()));
  });

  app.get('/requests/:id.:format', spec('GeoReport request by id (our tracking number); extensions=true adds notes'), async (request, reply) => {
    const format = begin(request);
    const query = request.query as Query;
    const found = await findRequest(db, (request.params as { id: string }).id, one(query.extensions) === 'true', deps.now());
    return send(reply, format, 'service_requests', [found]);
  });

  app.get('/tokens/:token.:format', spec('GeoReport token: the service_request_id a POST token stands for'), async (request, reply) => {
    const format = begin(request);
    return send(reply, format, 'service_requests', [await findToken(db, (request.params as { token: string }).token)]);
  });

  /** The client application each authenticated POST speaks for. */
  const clients = new WeakMap<FastifyRequest, { id: number }>();

  async function authenticate(request: FastifyRequest, key: string): Promise<void> {
    // The key is a secret: no message or log line repeats it.
    const client = key.trim() ? await clientForKey(db, key.trim()) : null;
    if (!client) throw new Open311Error(403, 'api_key: is not valid or was revoked; ask the city for a key for your application');
    clients.set(request, client);
  }

  app.post(
    '/requests.:format',
    {
      config: { access: 'token', rateLimit: { max: 120, timeWindow: '1 minute' } },
      bodyLimit: MAX_BODY_BYTES,
      // No type coercion: a number, list, object or null where text belongs is a 400 naming the field.
      validatorCompiler: TypeBoxValidatorCompiler,
      schema: {
        tags: ['open311'],
        summary: `GeoReport POST request (form-encoded or JSON, at most ${MAX_BODY_BYTES / 1024} KB): files a request on the open311 channel. The api_key goes in the X-Api-Key header or the body`,
        body: Open311PostBody,
        querystring: Open311PostQuery,
      },
      // A key in the header (or, as old clients send it, the query string) is checked before a byte of the body is read.
      preParsing: async (request, _reply, payload) => {
        const header = request.headers['x-api-key'];
        const query = (request.query as Query).api_key;
        const key = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
        if (key !== undefined) await authenticate(request, key);
        return payload;
      },
      // Otherwise the key is in the body, read (at most MAX_BODY_BYTES) but not parsed: a form is parsed only once the key holds.
      preValidation: async (request) => {
        if (!clients.has(request)) {
          const body = request.body;
          const key = body instanceof UnparsedForm ? body.apiKey() : body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).api_key : undefined;
          if (key === undefined || key === null || key === '') throw new Open311Error(403, 'api_key: is required to POST a request; send it in the X-Api-Key header or the body. Ask the city for a key for your application');
          if (typeof key !== 'string') throw new Open311Error(400, 'api_key: must be string');
          await authenticate(request, key);
        }
        if (request.body instanceof UnparsedForm) request.body = parseForm(request.body.text);
      },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const format = begin(request);
      const client = clients.get(request)!;
      const created = await db.transaction((tx) => submitOpen311Request(tx, client, request.body as Open311PostBody, deps.now()));
      return send(reply, format, 'service_requests', [created]);
    },
  );
};
