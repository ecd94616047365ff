import crypto from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AGENT_STATES, DomainError, fieldError } from '@cozum/domain';
import { applyCtiAgentEvent, applyCtiEvent } from '../../app/contacts/cti.js';
import type { Deps } from '../deps.js';
import { CtiEventBody, CtiEventResult, responses } from '@cozum/contract';

function checkToken(header: string | undefined, token: string | null): void {
  if (!token) throw new DomainError('unauthenticated', 'the CTI webhook is closed: set CTI_TOKEN on the server and send it as a Bearer token', undefined, { reason: 'cti_closed' });
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  if (!crypto.timingSafeEqual(a, b)) throw new DomainError('unauthenticated', 'wrong or missing CTI token: send Authorization: Bearer <CTI_TOKEN>', undefined, { reason: 'cti_token' });
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
        body: CtiEventBody,
        response: responses({ 200: CtiEventResult }),
      },
      // The token is checked before the body is read.
      onRequest: async (request) => checkToken(request.headers.authorization, deps.config.ctiToken),
    },
    async (request) => {
      const { at, event, callId, reason, state, agent, ...rest } = request.body;
      const when = at ? new Date(at) : deps.now();
      if (event === 'agent.state') {
        if (!agent) throw fieldError('agent', 'required', "is required for agent.state: the agent's username or the PBX's agent name");
        if (!state) throw fieldError('state', 'required', `is required for agent.state: one of ${AGENT_STATES.join(', ')}`, { allowed: AGENT_STATES.join(', ') });
        return deps.database.db.transaction((tx) => applyCtiAgentEvent(tx, { event, agent, state, reason, at: when, queue: rest.queue }));
      }
      if (!callId) throw fieldError('callId', 'required', `is required for ${event}: the PBX's id of the call`);
      if (state) throw fieldError('state', 'unknown_field', 'is only for agent.state', { name: 'state' });
      if (reason !== undefined && reason !== null && reason !== 'abandoned' && reason !== 'timeout') throw fieldError('reason', 'one_of', `for ${event} is 'abandoned' or 'timeout'`, { allowed: 'abandoned, timeout' });
      return deps.database.db.transaction((tx) => applyCtiEvent(tx, { ...rest, event, callId, agent, reason, at: when }));
    },
  );
};
