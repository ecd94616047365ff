import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createRoutingRule, listRoutingRules, updateRoutingRule } from '../../app/routing-rules.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { CreateRoutingRuleBody, IdParams, RoutingRule, RoutingRules, UpdateRoutingRuleBody, responses } from '@cozum/contract';

export const routingRuleRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/routing-rules',
    { config: { access: 'routing.read' }, schema: { tags: ['admin'], summary: 'Routing rules (most specific wins: neighbourhood, then district, then category)', response: responses({ 200: RoutingRules }) } },
    async () => ({ items: await listRoutingRules(db) }),
  );
  app.post(
    '/routing-rules',
    {
      config: { access: 'routing.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Add a routing rule',
        body: CreateRoutingRuleBody,
        response: responses({ 201: RoutingRule }),
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
        body: UpdateRoutingRuleBody,
        response: responses({ 200: RoutingRule }),
      },
    },
    async (request) => db.transaction((tx) => updateRoutingRule(tx, currentUser(request), request.params.id, request.body)),
  );
};
