import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createUser, listUsers, updateUser } from '../../app/users.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { CreateUserBody, IdParams, UpdateUserBody, UserRef, Users, UsersQuery, responses } from '@cozum/contract';

export const userRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/users',
    {
      config: { access: 'users.read' },
      schema: {
        tags: ['admin'],
        summary: 'List staff accounts',
        querystring: UsersQuery,
        response: responses({ 200: Users }),
      },
    },
    async (request) => ({ items: await listUsers(db, request.query) }),
  );

  app.post(
    '/users',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create a staff account',
        body: CreateUserBody,
        response: responses({ 201: UserRef }),
      },
    },
    async (request, reply) => {
      const user = await db.transaction((tx) => createUser(tx, currentUser(request), request.body));
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change a staff account (role, unit, active, password…)',
        params: IdParams,
        body: UpdateUserBody,
        response: responses({ 200: UserRef }),
      },
    },
    async (request) => db.transaction((tx) => updateUser(tx, currentUser(request), request.params.id, request.body)),
  );
};
