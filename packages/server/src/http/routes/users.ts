import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createUser, listUsers, updateUser } from '../../app/users.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Id, IdParams, Items, Locale, Nullable, Role, responses } from '@cozum/contract';

export const User = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    email: Nullable(Type.String()),
    role: Role,
    unitId: Nullable(Type.Integer()),
    unitName: Nullable(Type.String()),
    locale: Locale,
    active: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);

const Email = Type.String({ format: 'email', maxLength: 254 });

export const userRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/users',
    {
      config: { access: 'users.read' },
      schema: {
        tags: ['admin'],
        summary: 'List staff accounts',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), role: Type.Optional(Role), unitId: Type.Optional(Id) }, { additionalProperties: false }),
        response: responses({ 200: Items(Type.Ref('User')) }),
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
        body: Type.Object(
          {
            username: Type.String({ minLength: 3, maxLength: 64 }),
            displayName: Type.String({ minLength: 1, maxLength: 200 }),
            email: Type.Optional(Nullable(Email)),
            password: Type.String({ minLength: 10, maxLength: 200 }),
            role: Role,
            unitId: Type.Optional(Nullable(Id)),
            locale: Type.Optional(Locale),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Ref('User') }),
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
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            email: Type.Optional(Nullable(Email)),
            role: Type.Optional(Role),
            unitId: Type.Optional(Nullable(Id)),
            active: Type.Optional(Type.Boolean()),
            password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
            locale: Type.Optional(Locale),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: responses({ 200: Type.Ref('User') }),
      },
    },
    async (request) => db.transaction((tx) => updateUser(tx, currentUser(request), request.params.id, request.body)),
  );
};
