import { addDays, startOfLocalDate } from '@cozum/domain';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, callerScreenPop, listContacts, recordContact } from '../../app/contacts/contacts.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Id, Nullable, responses } from '@cozum/contract';

const S = Type.String();
const NS = Nullable(Type.String());
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const contactRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.post(
    '/contacts',
    {
      config: { access: 'contacts.record' },
      schema: {
        tags: ['contact centre'],
        summary: 'Record a contact and its outcome (information given from an article, request created, …)',
        body: Type.Object(
          {
            channel: literals(CONTACT_CHANNELS),
            callerNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
            citizenId: Type.Optional(Nullable(Id)),
            outcome: literals(CONTACT_OUTCOMES),
            kbArticleId: Type.Optional(Nullable(Id)),
            requestId: Type.Optional(Nullable(Id)),
            notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
            startedAt: Type.Optional(Type.String({ format: 'date-time' })),
            wrapSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86400 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ id: Type.Integer(), citizenId: Nullable(Type.Integer()) }) }),
      },
    },
    async (request, reply) => {
      const { startedAt, ...rest } = request.body;
      const saved = await db.transaction((tx) => recordContact(tx, currentUser(request), { ...rest, startedAt: startedAt ? new Date(startedAt) : undefined }, deps.now()));
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/contacts',
    {
      config: { access: 'contacts.read' },
      schema: {
        tags: ['contact centre'],
        summary: 'Recorded contacts, newest first; caller numbers masked for auditors',
        querystring: Type.Object(
          { from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })), agentId: Type.Optional(Id), outcome: Type.Optional(literals(CONTACT_OUTCOMES)), channel: Type.Optional(Type.String({ maxLength: 20 })), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            items: Type.Array(Type.Object({ id: Type.Integer(), channel: S, queue: NS, callerNumber: NS, agentName: NS, offeredAt: S, answeredAt: NS, endedAt: NS, waitSeconds: Nullable(Type.Integer()), talkSeconds: Nullable(Type.Integer()), exitReason: NS, outcome: NS, kbArticleId: Nullable(Type.Integer()), requestId: Nullable(Type.Integer()) })),
          }),
        }),
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      // Dates are days in the city's time zone, `to` included.
      const zone = deps.config.cityTimeZone;
      return { items: await listContacts(db, currentUser(request), { ...rest, from: from ? startOfLocalDate(from, zone) : undefined, to: to ? startOfLocalDate(addDays(to, 1), zone) : undefined }) };
    },
  );

  app.get(
    '/callers/:number',
    {
      config: { access: 'contacts.record' },
      schema: {
        tags: ['contact centre'],
        summary: "Screen-pop: the caller's identity (masked for field staff), earlier contacts and requests with where each stands",
        params: Type.Object({ number: Type.String({ minLength: 3, maxLength: 30 }) }, { additionalProperties: false }),
        response: responses({
          200: Type.Object({
            phone: S,
            citizens: Type.Array(Type.Object({ id: Type.Integer(), fullName: NS, phone: NS, email: NS, locale: S })),
            contacts: Type.Array(Type.Object({ id: Type.Integer(), channel: S, offeredAt: S, outcome: NS, agentName: NS, requestId: Nullable(Type.Integer()) })),
            requests: Type.Array(Type.Object({ id: Type.Integer(), trackingNo: S, status: S, categoryName: S, createdAt: S, dueAt: NS })),
          }),
        }),
      },
    },
    // KVKK: names and e-mails in full only for roles that contact citizens, each view logged.
    async (request) => db.transaction((tx) => callerScreenPop(tx, currentUser(request), request.params.number, request.ip)),
  );
};
