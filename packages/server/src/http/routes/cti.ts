import crypto from 'node:crypto';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AGENT_STATES, DomainError, invalid } from '@cozum/domain';
import { CTI_AGENT_EVENTS, CTI_EVENTS, applyCtiAgentEvent, applyCtiEvent } from '../../app/contacts/cti.js';
import type { Deps } from '../deps.js';
import { Nullable, responses } from '@cozum/contract';

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
        summary: 'CTI webhook for PBXs without queue_log: call.new, call.answered, call.ended, call.transferred, agent.state (Bearer CTI_TOKEN)',
        security: [{ bearer: [] }],
        body: Type.Object(
          {
            event: Type.Union([...CTI_EVENTS, ...CTI_AGENT_EVENTS].map((e) => Type.Literal(e))),
            /** Call events: the PBX's call id. */
            callId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            at: Type.Optional(Type.String({ format: 'date-time' })),
            queue: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
            callerNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
            agent: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
            /** call.ended without an answer: abandoned or timeout; agent.state paused: why. */
            reason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
            /** agent.state: the agent's state. */
            state: Type.Optional(Type.Union(AGENT_STATES.map((a) => Type.Literal(a)))),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ contactId: Type.Optional(Type.Integer()), agent: Type.Optional(Type.String()), changed: Type.Boolean() }) }),
      },
      // The token is checked before the body is read.
      onRequest: async (request) => checkToken(request.headers.authorization, deps.config.ctiToken),
    },
    async (request) => {
      const { at, event, callId, reason, state, agent, ...rest } = request.body;
      const when = at ? new Date(at) : deps.now();
      if (event === 'agent.state') {
        if (!agent) throw invalid('agent', 'is required for agent.state: the agent\'s username or the PBX\'s agent name');
        if (!state) throw invalid('state', `is required for agent.state: one of ${AGENT_STATES.join(', ')}`);
        return deps.database.db.transaction((tx) => applyCtiAgentEvent(tx, { event, agent, state, reason, at: when, queue: rest.queue }));
      }
      if (!callId) throw invalid('callId', `is required for ${event}: the PBX's id of the call`);
      if (state) throw invalid('state', 'is only for agent.state');
      if (reason !== undefined && reason !== null && reason !== 'abandoned' && reason !== 'timeout') throw invalid('reason', `for ${event} is 'abandoned' or 'timeout'`);
      return deps.database.db.transaction((tx) => applyCtiEvent(tx, { ...rest, event, callId, agent, reason, at: when }));
    },
  );
};
