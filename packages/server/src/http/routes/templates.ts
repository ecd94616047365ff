import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createResponseTemplate, listMessageTemplates, listResponseTemplates, previewMessageTemplate, saveMessageTemplate, updateResponseTemplate } from '../../app/templates.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import {
  CreateResponseTemplateBody,
  IdParams,
  MessagePreview,
  MessageTemplateBody,
  MessageTemplates,
  NoContent,
  ResponseTemplate,
  ResponseTemplates,
  ResponseTemplatesQuery,
  UpdateResponseTemplateBody,
  responses,
} from '@cozum/contract';

export const templateRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/response-templates',
    {
      config: { access: 'templates.read' },
      schema: { tags: ['templates'], summary: 'Reply templates; with categoryId, those for it, its parent and general ones', querystring: ResponseTemplatesQuery, response: responses({ 200: ResponseTemplates }) },
    },
    async (request) => ({ items: await listResponseTemplates(db, request.query.categoryId) }),
  );
  app.post(
    '/response-templates',
    {
      config: { access: 'templates.manage' },
      schema: { tags: ['templates'], summary: 'Add a reply template', body: CreateResponseTemplateBody, response: responses({ 201: ResponseTemplate }) },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => createResponseTemplate(tx, currentUser(request), request.body))),
  );
  app.patch(
    '/response-templates/:id',
    {
      config: { access: 'templates.manage' },
      schema: { tags: ['templates'], summary: 'Change a reply template', params: IdParams, body: UpdateResponseTemplateBody, response: responses({ 200: ResponseTemplate }) },
    },
    async (request) => db.transaction((tx) => updateResponseTemplate(tx, currentUser(request), request.params.id, request.body)),
  );
  app.get(
    '/message-templates',
    { config: { access: 'templates.manage' }, schema: { tags: ['templates'], summary: 'What citizens are told, per event, language and channel', response: responses({ 200: MessageTemplates }) } },
    async () => ({ items: await listMessageTemplates(db) }),
  );
  app.put(
    '/message-templates',
    {
      config: { access: 'templates.manage' },
      schema: {
        tags: ['templates'],
        summary: 'Save the text of one citizen message',
        body: MessageTemplateBody,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await db.transaction((tx) => saveMessageTemplate(tx, currentUser(request), request.body));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/message-templates/preview',
    {
      config: { access: 'templates.manage' },
      schema: {
        tags: ['templates'],
        summary: 'A citizen message as it would go out, filled with sample values; checked as a save would be, nothing saved',
        body: MessageTemplateBody,
        response: responses({ 200: MessagePreview }),
      },
    },
    async (request) => previewMessageTemplate(request.body),
  );
};
