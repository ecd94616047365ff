import { localDate } from '@cozum/domain';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createArticle, getArticle, searchArticles, updateArticle } from '../../app/knowledge-base.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Id, IdParams, Nullable, responses } from '@cozum/contract';

const NS = Nullable(Type.String());
const Article = Type.Object({
  id: Type.Integer(), titleTr: Type.String(), titleEn: NS, bodyTr: Type.String(), bodyEn: NS, categoryId: Nullable(Type.Integer()), unitId: Nullable(Type.Integer()),
  tags: Type.Array(Type.String()), validFrom: NS, validUntil: NS, useCount: Type.Integer(), active: Type.Boolean(), updatedAt: Type.String(), score: Type.Optional(Type.Number()),
});
const fields = {
  titleTr: Type.String({ minLength: 3, maxLength: 300 }),
  titleEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  bodyTr: Type.String({ minLength: 1, maxLength: 20000 }),
  bodyEn: Type.Optional(Nullable(Type.String({ maxLength: 20000 }))),
  categoryId: Type.Optional(Nullable(Id)),
  unitId: Type.Optional(Nullable(Id)),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 30 })),
  validFrom: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  validUntil: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  active: Type.Optional(Type.Boolean()),
};

export const knowledgeBaseRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/kb/articles',
    {
      config: { access: 'kb.read' },
      schema: {
        tags: ['knowledge base'],
        summary: 'Search articles valid today (Turkish full text and typo-tolerant title match), best and most used first',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), categoryId: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), includeInactive: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ items: Type.Array(Article) }) }),
      },
    },
    async (request) => ({ items: await searchArticles(db, { ...request.query, today: localDate(deps.now(), deps.config.cityTimeZone) }) }),
  );
  app.get(
    '/kb/articles/:id',
    { config: { access: 'kb.read' }, schema: { tags: ['knowledge base'], summary: 'One article', params: IdParams, response: responses({ 200: Article }) } },
    async (request) => getArticle(db, request.params.id),
  );
  app.post(
    '/kb/articles',
    { config: { access: 'kb.manage' }, schema: { tags: ['knowledge base'], summary: 'Write an article', body: Type.Object(fields, { additionalProperties: false }), response: responses({ 201: Article }) } },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => createArticle(tx, currentUser(request), request.body))),
  );
  app.patch(
    '/kb/articles/:id',
    { config: { access: 'kb.manage' }, schema: { tags: ['knowledge base'], summary: 'Change an article', params: IdParams, body: Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 }), response: responses({ 200: Article }) } },
    async (request) => db.transaction((tx) => updateArticle(tx, currentUser(request), request.params.id, request.body)),
  );
};
