import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createUnit, listUnits, updateUnit } from '../../app/units.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { CreateUnitBody, IdParams, UnitRef, Units, UpdateUnitBody, responses } from '@cozum/contract';

export const unitRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/units',
    { config: { access: 'units.read' }, schema: { tags: ['admin'], summary: 'List units (departments and branches)', response: responses({ 200: Units }) } },
    async () => ({ items: await listUnits(db) }),
  );

  app.post(
    '/units',
    {
      config: { access: 'units.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create a unit',
        body: CreateUnitBody,
        response: responses({ 201: UnitRef }),
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
        body: UpdateUnitBody,
        response: responses({ 200: UnitRef }),
      },
    },
    async (request) => db.transaction((tx) => updateUnit(tx, currentUser(request), request.params.id, request.body)),
  );
};
