import crypto from 'node:crypto';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '@cozum/domain';
import { CTI_EVENTS, applyCtiEvent } from '../../app/contacts/cti.js';
import type { Deps } from '../deps.js';
import { Nullable, responses } from '../schemas.js';

function checkToken(header: string | undefined, token: string | null): void {
  if (!token) throw new DomainError('unauthenticated', 'the CTI webhook is closed: set CTI_TOKEN on the server and send it as a Bearer token');
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  if (!crypto.timingSafeEqual(a, b)) throw new DomainError('unauthenticated', 'wrong or missing CTI token: send Authorization: Bearer <CTI_TOKEN>');
}

export const ctiRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.post(
    '/cti/events',
    {
      config: { access: 'token' },
      schema: {
        tags: ['contact centre'],
        summary: 'CTI webhook for PBXs without queue_log: call.new, call.answered, call.ended, call.transferred (Bearer CTI_TOKEN)',
        security: [{ bearer: [] }],
        body: Type.Object(
          {
            event: Type.Union(CTI_EVENTS.map((e) => Type.Literal(e))),
            callId: Type.String({ minLength: 1, maxLength: 100 }),
            at: Type.Optional(Type.String({ format: 'date-time' })),
            queue: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
            callerNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
            agent: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
            reason: Type.Optional(Nullable(Type.Union([Type.Literal('abandoned'), Type.Literal('timeout')]))),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ contactId: Type.Integer(), changed: Type.Boolean() }) }),
      },
      // The token is checked before the body is read.
      onRequest: async (request) => checkToken(request.headers.authorization, deps.config.ctiToken),
    },
    async (request) => {
      const { at, ...rest } = request.body;
      return deps.database.db.transaction((tx) => applyCtiEvent(tx, { ...rest, at: at ? new Date(at) : deps.now() }));
    },
  );
};
