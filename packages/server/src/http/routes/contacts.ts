import { addDays, startOfLocalDate } from '@cozum/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { callerScreenPop, listContacts, recordContact } from '../../app/contacts/contacts.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { CallerHistory, CallerParams, ContactList, ContactsQuery, RecordContactBody, RecordedContact, responses } from '@cozum/contract';

export const contactRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.post(
    '/contacts',
    {
      config: { access: 'contacts.record' },
      schema: {
        tags: ['contact centre'],
        summary: 'Record a contact and its outcome (information given from an article, request created, …)',
        body: RecordContactBody,
        response: responses({ 201: RecordedContact }),
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
        querystring: ContactsQuery,
        response: responses({ 200: ContactList }),
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
        params: CallerParams,
        response: responses({ 200: CallerHistory }),
      },
    },
    // KVKK: names and e-mails in full only for roles that contact citizens, each view logged.
    async (request) => db.transaction((tx) => callerScreenPop(tx, currentUser(request), request.params.number, request.ip)),
  );
};
