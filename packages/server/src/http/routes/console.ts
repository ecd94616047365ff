import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { liveBus } from '../../app/live/bus.js';
import { closeContact, consolePop, currentCall, startManualCall } from '../../app/live/console.js';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from '../../app/contacts/contacts.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Id, IdParams, Nullable, responses } from '@cozum/contract';
import { closeStreamsOnShutdown, openEventStream, type EventStream } from './wallboard.js';

const S = Type.String();
const NS = Nullable(Type.String());
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const Call = Type.Object({
  contactId: Type.Integer(),
  channel: S,
  source: Type.Union([Type.Literal('telephony'), Type.Literal('manual')]),
  callerNumber: NS,
  queue: NS,
  offeredAt: S,
  answeredAt: NS,
  endedAt: NS,
});
const History = Type.Object({
  phone: S,
  citizens: Type.Array(Type.Object({ id: Type.Integer(), fullName: NS, phone: NS, email: NS, locale: S })),
  contacts: Type.Array(Type.Object({ id: Type.Integer(), channel: S, offeredAt: S, outcome: NS, agentName: NS, requestId: Nullable(Type.Integer()) })),
  requests: Type.Array(Type.Object({ id: Type.Integer(), trackingNo: S, status: S, categoryName: S, createdAt: S, dueAt: NS })),
});
const Pop = Type.Object({ call: Nullable(Call), history: Nullable(History) });

export const consoleRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  const streams = new Set<EventStream>();
  closeStreamsOnShutdown(app, streams, () => liveBus(deps.database).close());

  app.get(
    '/console/call',
    {
      config: { access: 'contacts.record' },
      schema: { tags: ['contact centre'], summary: "The agent's call in hand (answered, not yet closed) with the caller's identity and history", response: responses({ 200: Pop }) },
    },
    async (request) => db.transaction((tx) => consolePop(tx, currentUser(request), deps.now(), request.ip)),
  );

  app.get(
    '/console/stream',
    {
      config: { access: 'contacts.record' },
      schema: {
        tags: ['contact centre'],
        summary: "The agent's screen-pop live (Server-Sent Events): a `call` event with the call in hand and the caller's history, at once and whenever a call of theirs arrives, ends or is closed",
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      const stream = openEventStream(request, reply, streams);
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
        }),
      );
      push();
    },
  );

  app.post(
    '/console/calls',
    {
      config: { access: 'contacts.record' },
      schema: {
        tags: ['contact centre'],
        summary: "Take a call by hand with the caller's number (no PBX link): it becomes the agent's call in hand",
        body: Type.Object({ callerNumber: Type.String({ minLength: 3, maxLength: 30 }), channel: Type.Optional(literals(CONTACT_CHANNELS)) }, { additionalProperties: false }),
        response: responses({ 201: Call }),
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
        body: Type.Object(
          {
            outcome: literals(CONTACT_OUTCOMES),
            kbArticleId: Type.Optional(Nullable(Id)),
            requestId: Type.Optional(Nullable(Id)),
            notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
            wrapSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86400 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ id: Type.Integer(), outcome: S }) }),
      },
    },
    async (request) => db.transaction((tx) => closeContact(tx, currentUser(request), request.params.id, request.body, deps.now())),
  );
};
