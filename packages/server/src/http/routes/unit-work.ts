import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { openRequestsByUnit, unitAssignees } from '../../app/requests/unit-work.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Assignees, IdParams, OpenRequestsByUnit, responses } from '@cozum/contract';

export const unitWorkRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/requests/open-by-unit',
    {
      config: { access: 'reports.read' },
      schema: {
        tags: ['requests'],
        summary: 'Open requests per unit now, and how many of them are overdue: every unit, no personal data',
        response: responses({ 200: OpenRequestsByUnit }),
      },
    },
    async () => openRequestsByUnit(db, deps.now()),
  );

  app.get(
    '/units/:id/assignees',
    {
      config: { access: 'requests.assign' },
      schema: {
        tags: ['requests'],
        summary: "The people a unit's requests may be assigned to (its active members); unit heads ask only for their own unit",
        params: IdParams,
        response: responses({ 200: Assignees }),
      },
    },
    async (request) => unitAssignees(db, currentUser(request), request.params.id),
  );
};
