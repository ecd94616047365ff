/**
 * buildServer(deps): the whole HTTP application, without listening, so tests call inject().
 * JSON API under /api/v1, OpenAPI at /api/openapi.json with a docs page at /api/docs, the
 * web app at /.
 */
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import pino from 'pino';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet, { type HelmetOptions } from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { DomainError } from '@cozum/domain';
import { enforceAccessDeclarations } from './access.js';
import type { Deps } from './deps.js';
import { errorBody, handleError } from './errors.js';
import { hasWebBuild, serveWebApp, webPageFor } from './web-app.js';
import { Category, ErrorResponse, Health, Unit, User } from '@cozum/contract';
import { registerCsrfCheck, registerSessions } from './session.js';
import { authRoutes } from './routes/auth.js';
import { categoryRoutes } from './routes/categories.js';
import { referenceRoutes } from './routes/places-and-request-types.js';
import { requestTypeSettingsRoutes } from './routes/request-type-settings.js';
import { requestRoutes } from './routes/requests.js';
import { unitWorkRoutes } from './routes/unit-work.js';
import { routingRuleRoutes } from './routes/routing-rules.js';
import { templateRoutes } from './routes/templates.js';
import { calendarRoutes } from './routes/calendar.js';
import { kpiRoutes } from './routes/kpis.js';
import { reportRoutes } from './routes/reports.js';
import { transparencyRoutes } from './routes/transparency.js';
import { contactRoutes } from './routes/contacts.js';
import { knowledgeBaseRoutes } from './routes/knowledge-base.js';
import { ctiRoutes } from './routes/cti.js';
import { agentRoutes } from './routes/agents.js';
import { auditRoutes } from './routes/audit.js';
import { privacyRoutes } from './routes/privacy.js';
import { securityRoutes } from './routes/security.js';
import { chooseLogMode, readableLogStream } from './log-output.js';
import { corsOptions, loggableUrl, PERSONAL_LOG_FIELDS, redactLoggedError, redactLogText } from './cors-and-redaction.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { open311Routes, OPEN311_PREFIX } from './routes/open311.js';
import { portalRoutes } from './routes/portal.js';
import { wallboardRoutes } from './routes/wallboard.js';
import { consoleRoutes } from './routes/console.js';
import { staffingRoutes } from './routes/staffing.js';
import { surveyRoutes } from './routes/surveys.js';
import { fieldRoutes } from './routes/field.js';
import { unitRoutes } from './routes/units.js';
import { userRoutes } from './routes/users.js';
import { devOutboxRoutes } from './routes/dev-outbox.js';

export type { Deps } from './deps.js';

export async function buildServer(deps: Deps): Promise<FastifyInstance> {
  // A test's log stream is no terminal: it reads JSON.
  const logMode = chooseLogMode(deps.config.logLevel, !deps.logStream && process.stdout.isTTY === true);
  const logStream = deps.logStream ?? (logMode.format === 'lines' ? readableLogStream(process.stdout) : undefined);
  const app = Fastify({
    logger: {
      level: logMode.level,
      ...(logStream ? { stream: logStream } : {}),
      // KVKK: no credentials and no personal data in the logs, wherever a logged object carries them.
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', ...PERSONAL_LOG_FIELDS], censor: '[redacted]' },
      serializers: {
        // The route's pattern and the query's names, never the phone, e-mail or api_key in a URL.
        req: (request: FastifyRequest) => ({ method: request.method, url: loggableUrl(request.url, request.routeOptions?.url), remoteAddress: request.ip }),
        err: (error: Error) => redactLoggedError(pino.stdSerializers.err(error)) as ReturnType<typeof pino.stdSerializers.err>,
      },
      // Messages given as text (Fastify's own name the URL) pass through the same redaction.
      hooks: {
        logMethod(args: unknown[], method: (...args: unknown[]) => void) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactLogText(arg) : arg)));
        },
      },
    },
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    // Only named proxies may speak for the client's address (rate limits and the audit log use it).
    trustProxy: deps.config.trustProxy,
    ajv: {
      // Unknown fields are an error the client hears about, not something silently dropped.
      // strictNumbers: a JSON 1e999 (Infinity) is not a number; see refuseInfinity for query strings.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true, strictNumbers: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Each request's logger is the server's with the request id bound. The id is ours (a UUID,
  // or the caller's X-Request-Id once checked against [\w-]{1,64}), so it is bound as it is
  // rather than run through every redaction path, which cost more than the rest of the child.
  app.setChildLoggerFactory((logger, bindings, options) => {
    const child = logger.child({}, Object.keys(options).length ? options : undefined);
    const { chindingsSym } = pino.symbols;
    for (const [key, value] of Object.entries(bindings)) (child as unknown as Record<symbol, string>)[chindingsSym] += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
    return child;
  });
  app.setErrorHandler(handleError);
  app.addHook('preHandler', refuseInfinity);
  // The API speaks JSON only; other bodies get a clear 415.
  app.removeContentTypeParser('text/plain');
  app.setNotFoundHandler((request, reply) => {
    const accepts = request.headers.accept ?? '';
    if (hasWebBuild(deps.webDist) && request.method === 'GET' && !request.url.startsWith('/api/') && accepts.includes('text/html')) {
      return reply.type('text/html').sendFile(webPageFor(request.url.split('?')[0]!));
    }
    const route = request.url.split('?')[0] ?? '';
    return reply.status(404).send(errorBody('route_not_found', `no route ${request.method} ${route}; see /api/docs for the API`, undefined, { method: request.method, path: route }));
  });

  // Security headers and the request id on every response, errors included (event streams
  // copy them too).
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The portal's map tiles, when MAP_TILE_URL names a tile server.
        imgSrc: ["'self'", 'data:', 'blob:', ...(deps.config.mapTileUrl ? [new URL(deps.config.mapTileUrl).origin] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(securityHeaders);
    reply.header('x-request-id', request.id);
    done();
  });

  // Order matters: cookies are parsed, sessions find the user, access judges them, then the CSRF check.
  await app.register(cookie);
  registerSessions(app, deps);
  enforceAccessDeclarations(app);
  registerCsrfCheck(app);

  await app.register(cors, corsOptions(deps.config.corsOrigins));
  // A refusal says when to try again, as `params.seconds` for the client's own words.
  await app.register(rateLimit, { global: false, errorResponseBuilder: (_request, context) => ({ statusCode: 429, retryAfterSeconds: Math.ceil(context.ttl / 1000), message: `too many requests; try again in ${context.after}` }) });
  // Only the attachment routes read multipart bodies; their own limits apply there.
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024 + 1, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Çözüm API', version: '1', description: "The API of Çözüm, a city's citizen solution centre. Staff routes use the session cookie set by POST /api/v1/auth/login; writes with that cookie must send the header X-Cozum-Csrf." },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cozum_session' }, bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addSchema(ErrorResponse);
  app.addSchema(User);
  app.addSchema(Unit);
  app.addSchema(Category);


  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags: ['ops'], summary: 'Liveness and database check', response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      try {
        await deps.database.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: deps.database.engine };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: deps.database.engine });
      }
    },
  );

  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(unitRoutes(deps));
      await api.register(categoryRoutes(deps));
      await api.register(referenceRoutes(deps));
      await api.register(requestTypeSettingsRoutes(deps));
      await api.register(requestRoutes(deps));
      await api.register(unitWorkRoutes(deps));
      await api.register(routingRuleRoutes(deps));
      await api.register(templateRoutes(deps));
      await api.register(calendarRoutes(deps));
      await api.register(kpiRoutes(deps));
      await api.register(reportRoutes(deps));
      await api.register(transparencyRoutes(deps));
      await api.register(contactRoutes(deps));
      await api.register(knowledgeBaseRoutes(deps));
      await api.register(ctiRoutes(deps));
      await api.register(agentRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(privacyRoutes(deps));
      await api.register(securityRoutes(deps));
      await api.register(apiKeyRoutes(deps));
      await api.register(portalRoutes(deps));
      await api.register(wallboardRoutes(deps));
      await api.register(consoleRoutes(deps));
      await api.register(staffingRoutes(deps));
      await api.register(surveyRoutes(deps));
      await api.register(fieldRoutes(deps));
      await api.register(devOutboxRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  // GeoReport v2 outside /api/v1: its own formats (.json, .xml) and its own error form.
  await app.register(open311Routes(deps), { prefix: OPEN311_PREFIX });

  if (hasWebBuild(deps.webDist)) await serveWebApp(app, deps.webDist);

  return app;
}

/**
 * ajv coerces "1e999" or "Infinity" in a query string or path to Infinity and lets it pass
 * every minimum and maximum, and a loop bounded by such a number never ends (the staffing
 * forecast did). A coerced value that is not finite is refused here, naming it.
 */
function refuseInfinity(request: FastifyRequest, _reply: unknown, done: (error?: Error) => void): void {
  for (const [context, values] of [['querystring', request.query], ['params', request.params]] as const) {
    if (!values || typeof values !== 'object') continue;
    for (const [name, value] of Object.entries(values)) {
      if ([value].flat().some((v) => typeof v === 'number' && !Number.isFinite(v))) {
        done(new DomainError('validation_failed', `${context}.${name}: must be a finite number`, [{ field: `${context}.${name}`, code: 'type', params: { type: 'number' }, message: 'must be a finite number' }]));
        return;
      }
    }
  }
  done();
}

/**
 * The headers helmet sets, worked out once: they do not depend on the request, so each
 * response copies them instead of running helmet's middlewares one by one.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}
