import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MESSAGE_KEYS } from '../../app/notifications.js';
import { createResponseTemplate, listMessageTemplates, listResponseTemplates, previewMessageTemplate, saveMessageTemplate, updateResponseTemplate } from '../../app/templates.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Id, IdParams, Items, Locale, Nullable, responses } from '@cozum/contract';

const ResponseTemplate = Type.Object({ id: Type.Integer(), categoryId: Nullable(Type.Integer()), name: Type.String(), bodyTr: Type.String(), bodyEn: Nullable(Type.String()), active: Type.Boolean() });
const Body = Type.String({ minLength: 1, maxLength: 5000 });
const MessageTemplateIn = Type.Object(
  { key: Type.Union(MESSAGE_KEYS.map((k) => Type.Literal(k))), locale: Locale, channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]), subject: Type.Optional(Nullable(Type.String({ maxLength: 300 }))), body: Body },
  { additionalProperties: false },
);
const MessageTemplate = Type.Object({ key: Type.String(), locale: Type.String(), channel: Type.String(), subject: Nullable(Type.String()), body: Type.String(), edited: Type.Boolean(), placeholders: Type.Array(Type.String()) });

export const templateRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/response-templates',
    {
      config: { access: 'templates.read' },
      schema: { tags: ['templates'], summary: 'Reply templates; with categoryId, those for it, its parent and general ones', querystring: Type.Object({ categoryId: Type.Optional(Id) }, { additionalProperties: false }), response: responses({ 200: Items(ResponseTemplate) }) },
    },
    async (request) => ({ items: await listResponseTemplates(db, request.query.categoryId) }),
  );
  app.post(
    '/response-templates',
    {
      config: { access: 'templates.manage' },
      schema: { tags: ['templates'], summary: 'Add a reply template', body: Type.Object({ categoryId: Type.Optional(Nullable(Id)), name: Type.String({ minLength: 1, maxLength: 200 }), bodyTr: Body, bodyEn: Type.Optional(Nullable(Body)) }, { additionalProperties: false }), response: responses({ 201: ResponseTemplate }) },
    },
    async (request, reply) => reply.status(201).send(await db.transaction((tx) => createResponseTemplate(tx, currentUser(request), request.body))),
  );
  app.patch(
    '/response-templates/:id',
    {
      config: { access: 'templates.manage' },
      schema: { tags: ['templates'], summary: 'Change a reply template', params: IdParams, body: Type.Object({ categoryId: Type.Optional(Nullable(Id)), name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), bodyTr: Type.Optional(Body), bodyEn: Type.Optional(Nullable(Body)), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 }), response: responses({ 200: ResponseTemplate }) },
    },
    async (request) => db.transaction((tx) => updateResponseTemplate(tx, currentUser(request), request.params.id, request.body)),
  );
  app.get(
    '/message-templates',
    { config: { access: 'templates.manage' }, schema: { tags: ['templates'], summary: 'What citizens are told, per event, language and channel', response: responses({ 200: Items(MessageTemplate) }) } },
    async () => ({ items: await listMessageTemplates(db) }),
  );
  app.put(
    '/message-templates',
    {
      config: { access: 'templates.manage' },
      schema: {
        tags: ['templates'],
        summary: 'Save the text of one citizen message',
        body: MessageTemplateIn,
        response: responses({ 204: Type.Null() }),
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
        body: MessageTemplateIn,
        response: responses({ 200: Type.Object({ subject: Nullable(Type.String()), body: Type.String(), characters: Type.Integer() }) }),
      },
    },
    async (request) => previewMessageTemplate(request.body),
  );
};
