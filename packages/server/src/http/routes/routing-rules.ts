import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createRoutingRule, listRoutingRules, updateRoutingRule } from '../../app/routing-rules.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Id, IdParams, Items, Nullable, responses } from '@cozum/contract';

const Rule = Type.Object({ id: Type.Integer(), categoryId: Type.Integer(), districtId: Nullable(Type.Integer()), neighbourhoodId: Nullable(Type.Integer()), unitId: Type.Integer(), active: Type.Boolean() });

export const routingRuleRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/routing-rules',
    { config: { access: 'routing.read' }, schema: { tags: ['admin'], summary: 'Routing rules (most specific wins: neighbourhood, then district, then category)', response: responses({ 200: Items(Rule) }) } },
    async () => ({ items: await listRoutingRules(db) }),
  );
  app.post(
    '/routing-rules',
    {
      config: { access: 'routing.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Add a routing rule',
        body: Type.Object({ categoryId: Id, districtId: Type.Optional(Nullable(Id)), neighbourhoodId: Type.Optional(Nullable(Id)), unitId: Id }, { additionalProperties: false }),
        response: responses({ 201: Rule }),
      },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => createRoutingRule(tx, currentUser(request), request.body))),
  );
  app.patch(
    '/routing-rules/:id',
    {
      config: { access: 'routing.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change or deactivate a routing rule',
        params: IdParams,
        body: Type.Object({ categoryId: Type.Optional(Id), districtId: Type.Optional(Nullable(Id)), neighbourhoodId: Type.Optional(Nullable(Id)), unitId: Type.Optional(Id), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 }),
        response: responses({ 200: Rule }),
      },
    },
    async (request) => db.transaction((tx) => updateRoutingRule(tx, currentUser(request), request.params.id, request.body)),
  );
};
