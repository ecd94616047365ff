import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createCategory, listCategories, updateCategory } from '../../app/categories.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Categories, CategoryRef, CreateCategoryBody, IdParams, UpdateCategoryBody, responses } from '@cozum/contract';

export const categoryRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/categories',
    { config: { access: 'categories.read' }, schema: { tags: ['admin'], summary: 'List categories (topics)', response: responses({ 200: Categories }) } },
    async () => ({ items: await listCategories(db) }),
  );

  app.post(
    '/categories',
    {
      config: { access: 'categories.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create a category',
        body: CreateCategoryBody,
        response: responses({ 201: CategoryRef }),
      },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => createCategory(tx, currentUser(request), request.body))),
  );

  app.patch(
    '/categories/:id',
    {
      config: { access: 'categories.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change a category',
        params: IdParams,
        body: UpdateCategoryBody,
        response: responses({ 200: CategoryRef }),
      },
    },
    async (request) => db.transaction((tx) => updateCategory(tx, currentUser(request), request.params.id, request.body)),
  );
};
