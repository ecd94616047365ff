import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { maskPhone, seesPersonalData } from '@cozum/domain';
import { listAgents, ownAgentState, setOwnState } from '../../app/contacts/agent-states.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Agent, AgentList, responses, SetAgentStateBody } from '@cozum/contract';

export const agentRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/agents',
    {
      config: { access: 'agents.read' },
      schema: {
        tags: ['contact centre'],
        summary: "Every agent's current state, since when, the pause reason and the call they are on",
        response: responses({ 200: AgentList }),
      },
    },
    async (request) => {
      // The caller on each line is personal data: masked for roles that do not contact citizens (roles.ts).
      const full = seesPersonalData(currentUser(request).role);
      const items = await listAgents(db);
      return { items: full ? items : items.map((a) => (a.currentCall?.callerNumber ? { ...a, currentCall: { ...a.currentCall, callerNumber: maskPhone(a.currentCall.callerNumber) } } : a)) };
    },
  );

  app.get(
    '/agents/me',
    {
      config: { access: 'contacts.record' },
      schema: { tags: ['contact centre'], summary: 'The signed-in agent’s own state', response: responses({ 200: Agent }) },
    },
    async (request) => ownAgentState(db, currentUser(request)),
  );

  app.put(
    '/agents/me/state',
    {
      config: { access: 'contacts.record' },
      schema: {
        tags: ['contact centre'],
        summary: 'Set the signed-in agent’s state from the console (on_call comes from the telephony); a pause needs its reason',
        body: SetAgentStateBody,
        response: responses({ 200: Agent }),
      },
    },
    async (request) => {
      const user = currentUser(request);
      return db.transaction((tx) => setOwnState(tx, user, request.body, deps.now()));
    },
  );
};
