import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PUBLICATIONS } from '@cozum/domain';
import { createCategory, listCategories, updateCategory } from '../../app/categories.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Id, IdParams, Items, Nullable, responses } from '@cozum/contract';

/** What Open311 publishes of the category's requests (see PUBLICATIONS in packages/domain). */
const Publication = Type.Union(PUBLICATIONS.map((value) => Type.Literal(value)), {
  description: "none: not published; staff_text: service, place, status and staff's public replies; citizen_text: also the citizen's description (scrubbed), address, point and photo",
});

export const Category = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    nameTr: Type.String(),
    nameEn: Type.String(),
    parentId: Nullable(Type.Integer()),
    requestType: Type.String(),
    defaultUnitId: Nullable(Type.Integer()),
    slaHours: Type.Integer(),
    slaBusinessHours: Type.Boolean(),
    publication: Publication,
    active: Type.Boolean(),
  },
  { $id: 'Category' },
);

const Name = Type.String({ minLength: 1, maxLength: 200 });
const fields = {
  nameTr: Name,
  nameEn: Name,
  parentId: Type.Optional(Nullable(Id)),
  requestType: Type.String({ minLength: 1, maxLength: 64 }),
  defaultUnitId: Type.Optional(Nullable(Id)),
  slaHours: Type.Integer({ minimum: 1, maximum: 8760 }),
  slaBusinessHours: Type.Boolean(),
  publication: Type.Optional(Publication),
};

export const categoryRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/categories',
    { config: { access: 'categories.read' }, schema: { tags: ['admin'], summary: 'List categories (topics)', response: responses({ 200: Items(Type.Ref('Category')) }) } },
    async () => ({ items: await listCategories(db) }),
  );

  app.post(
    '/categories',
    {
      config: { access: 'categories.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create a category',
        body: Type.Object({ code: Type.String({ minLength: 2, maxLength: 64 }), ...fields }, { additionalProperties: false }),
        response: responses({ 201: Type.Ref('Category') }),
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
        body: Type.Partial(Type.Object({ ...fields, parentId: Nullable(Id), defaultUnitId: Nullable(Id), publication: Publication, active: Type.Boolean() }), {
          additionalProperties: false,
          minProperties: 1,
        }),
        response: responses({ 200: Type.Ref('Category') }),
      },
    },
    async (request) => db.transaction((tx) => updateCategory(tx, currentUser(request), request.params.id, request.body)),
  );
};
