import { localDate } from '@cozum/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createArticle, getArticle, searchArticles, updateArticle } from '../../app/knowledge-base.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Article, Articles, ArticlesQuery, CreateArticleBody, IdParams, UpdateArticleBody, responses } from '@cozum/contract';

export const knowledgeBaseRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/kb/articles',
    {
      config: { access: 'kb.read' },
      schema: {
        tags: ['knowledge base'],
        summary: 'Search articles valid today (Turkish full text and typo-tolerant title match), best and most used first',
        querystring: ArticlesQuery,
        response: responses({ 200: Articles }),
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
    { config: { access: 'kb.manage' }, schema: { tags: ['knowledge base'], summary: 'Write an article', body: CreateArticleBody, response: responses({ 201: Article }) } },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => createArticle(tx, currentUser(request), request.body))),
  );
  app.patch(
    '/kb/articles/:id',
    { config: { access: 'kb.manage' }, schema: { tags: ['knowledge base'], summary: 'Change an article', params: IdParams, body: UpdateArticleBody, response: responses({ 200: Article }) } },
    async (request) => db.transaction((tx) => updateArticle(tx, currentUser(request), request.params.id, request.body)),
  );
};
