import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ownAgentState } from '../../app/contacts/agent-states.js';
import { liveBus } from '../../app/live/bus.js';
import { closeContact, consolePop, currentCall, startManualCall } from '../../app/live/console.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { CloseContactBody, ClosedContact, ConsoleCall, ConsolePop, IdParams, responses, TakeCallBody } from '@cozum/contract';
import { closeStreamsOnShutdown, openEventStream, type EventStream } from './wallboard.js';

export const consoleRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  const streams = new Set<EventStream>();
  closeStreamsOnShutdown(app, streams, () => liveBus(deps.database).close());

  app.get(
    '/console/call',
    {
      config: { access: 'contacts.record' },
      schema: { tags: ['contact centre'], summary: "The agent's call in hand (answered, not yet closed) with the caller's identity and history", response: responses({ 200: ConsolePop }) },
    },
    async (request) => db.transaction((tx) => consolePop(tx, currentUser(request), deps.now(), request.ip)),
  );

  app.get(
    '/console/stream',
    {
      config: { access: 'contacts.record' },
      schema: {
        tags: ['contact centre'],
        summary:
          "The agent's screen-pop live (Server-Sent Events): a `call` event with the call in hand and the caller's history, at once and whenever a call of theirs arrives, ends or is closed; an `agent` event with their own state (as GET /agents/me), at once and whenever it changes",
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      const stream = openEventStream(request, reply, streams);
      let lastState = '';
      let stateBusy: Promise<void> = Promise.resolve();
      // The agent's own state, in order like the calls below; sent only when it changed.
      const pushState = () => {
        stateBusy = stateBusy.then(async () => {
          try {
            const state = await ownAgentState(db, actor);
            const key = JSON.stringify(state);
            if (key === lastState) return;
            lastState = key;
            stream.send('agent', state);
          } catch (error) {
            request.log.error({ err: error }, 'console agent state failed');
          }
        });
      };
      let last = '';
      let busy: Promise<void> = Promise.resolve();
      const push = () => {
        // One look-up at a time, in order, so an older answer never overwrites a newer one.
        busy = busy.then(async () => {
          try {
            // The caller's record is read (and its viewing logged) only when the call changed.
            const key = JSON.stringify(await currentCall(db, actor.id, deps.now()));
            if (key === last) return;
            const pop = await db.transaction((tx) => consolePop(tx, actor, deps.now(), request.ip));
            last = JSON.stringify(pop.call);
            stream.send('call', pop);
          } catch (error) {
            request.log.error({ err: error }, 'console screen-pop failed');
          }
        });
      };
      stream.onClose(
        liveBus(deps.database).subscribe((m) => {
          if ((m.topic === 'agent-call' && m.agent === actor.id) || m.topic === 'resync') push();
          if ((m.topic === 'agents' && (m.agent === undefined || m.agent === actor.id)) || m.topic === 'resync') pushState();
        }),
      );
      push();
      pushState();
    },
  );

  app.post(
    '/console/calls',
    {
      config: { access: 'contacts.record' },
      schema: {
        tags: ['contact centre'],
        summary: "Take a call by hand with the caller's number (no PBX link): it becomes the agent's call in hand",
        body: TakeCallBody,
        response: responses({ 201: ConsoleCall }),
      },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => startManualCall(tx, currentUser(request), request.body, deps.now()))),
  );

  app.post(
    '/console/contacts/:id/close',
    {
      config: { access: 'contacts.record' },
      schema: {
        tags: ['contact centre'],
        summary: 'Close a call with its outcome in one step: information given with the article used, request created with the request, or another outcome code',
        params: IdParams,
        body: CloseContactBody,
        response: responses({ 200: ClosedContact }),
      },
    },
    async (request) => db.transaction((tx) => closeContact(tx, currentUser(request), request.params.id, request.body, deps.now())),
  );
};
