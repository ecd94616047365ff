import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createUnit, listUnits, updateUnit } from '../../app/units.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Id, IdParams, Items, Nullable, responses } from '@cozum/contract';

export const Unit = Type.Object(
  { id: Type.Integer(), code: Type.String(), nameTr: Type.String(), nameEn: Type.String(), parentId: Nullable(Type.Integer()), active: Type.Boolean() },
  { $id: 'Unit' },
);

const Name = Type.String({ minLength: 1, maxLength: 200 });

export const unitRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/units',
    { config: { access: 'units.read' }, schema: { tags: ['admin'], summary: 'List units (departments and branches)', response: responses({ 200: Items(Type.Ref('Unit')) }) } },
    async () => ({ items: await listUnits(db) }),
  );

  app.post(
    '/units',
    {
      config: { access: 'units.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create a unit',
        body: Type.Object({ code: Type.String({ minLength: 2, maxLength: 64 }), nameTr: Name, nameEn: Name, parentId: Type.Optional(Nullable(Id)) }, { additionalProperties: false }),
        response: responses({ 201: Type.Ref('Unit') }),
      },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => createUnit(tx, currentUser(request), request.body))),
  );

  app.patch(
    '/units/:id',
    {
      config: { access: 'units.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change a unit',
        params: IdParams,
        body: Type.Object(
          { nameTr: Type.Optional(Name), nameEn: Type.Optional(Name), parentId: Type.Optional(Nullable(Id)), active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: responses({ 200: Type.Ref('Unit') }),
      },
    },
    async (request) => db.transaction((tx) => updateUnit(tx, currentUser(request), request.params.id, request.body)),
  );
};
