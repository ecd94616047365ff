import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listDistricts, listNeighbourhoods, listRequestTypes } from '../../app/places-and-request-types.js';
import type { Deps } from '../deps.js';
import { IdParams, Places, RequestTypes, responses } from '@cozum/contract';

export const referenceRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/districts',
    { config: { access: 'reference.read' }, schema: { tags: ['reference'], summary: "The city's districts (ilçe)", response: responses({ 200: Places }) } },
    async () => ({ items: await listDistricts(db) }),
  );
  app.get(
    '/districts/:id/neighbourhoods',
    { config: { access: 'reference.read' }, schema: { tags: ['reference'], summary: 'Neighbourhoods (mahalle) of a district', params: IdParams, response: responses({ 200: Places }) } },
    async (request) => ({ items: await listNeighbourhoods(db, request.params.id) }),
  );
  app.get(
    '/request-types',
    { config: { access: 'reference.read' }, schema: { tags: ['reference'], summary: 'Request types (talep, şikâyet, …) and their legal clocks', response: responses({ 200: RequestTypes }) } },
    async () => ({ items: await listRequestTypes(db) }),
  );
};
