/** Admins manage the Open311 client applications and their api_keys (shown once, kept hashed). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createOpen311Client, listOpen311Clients, revokeOpen311Client } from '../../app/open311/api-clients.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { CreatedOpen311Client, CreateOpen311ClientBody, IdParams, Items, Open311Client, responses } from '@cozum/contract';

export const apiKeyRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/open311-clients',
    { config: { access: 'open311.manage' }, schema: { tags: ['open311'], summary: 'Open311 client applications (keys are never shown again)', response: responses({ 200: Items(Open311Client) }) } },
    async () => ({ items: await listOpen311Clients(db) }),
  );
  app.post(
    '/open311-clients',
    {
      config: { access: 'open311.manage' },
      schema: {
        tags: ['open311'],
        summary: 'Register an Open311 client application; the answer holds its api_key, shown only this once',
        body: CreateOpen311ClientBody,
        response: responses({ 201: CreatedOpen311Client }),
      },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => createOpen311Client(tx, currentUser(request), request.body, deps.now()))),
  );
  app.post(
    '/open311-clients/:id/revoke',
    { config: { access: 'open311.manage' }, schema: { tags: ['open311'], summary: 'Revoke a client application’s api_key at once', params: IdParams, response: responses({ 200: Open311Client }) } },
    async (request) => db.transaction((tx) => revokeOpen311Client(tx, currentUser(request), request.params.id, deps.now())),
  );
};
