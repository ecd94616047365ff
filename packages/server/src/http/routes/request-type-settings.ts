import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listRequestTypeSettings, updateRequestTypeSettings } from '../../app/request-type-settings.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { RequestTypeParams, RequestTypeSettings, RequestTypeSettingsList, UpdateRequestTypeBody, responses } from '@cozum/contract';

export const requestTypeSettingsRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/request-types/settings',
    {
      config: { access: 'categories.manage' },
      schema: { tags: ['admin'], summary: 'Every request type with the events that tell its citizens by SMS and e-mail, and whether Open311 may publish it', response: responses({ 200: RequestTypeSettingsList }) },
    },
    async () => ({ items: await listRequestTypeSettings(db) }),
  );
  app.patch(
    '/request-types/:code',
    {
      config: { access: 'categories.manage' },
      schema: {
        tags: ['admin'],
        summary: "Change which events tell a request type's citizens on which channel (the final answer always does), or whether Open311 may publish it",
        params: RequestTypeParams,
        body: UpdateRequestTypeBody,
        response: responses({ 200: RequestTypeSettings }),
      },
    },
    async (request) => db.transaction((tx) => updateRequestTypeSettings(tx, currentUser(request), request.params.code, request.body)),
  );
};
