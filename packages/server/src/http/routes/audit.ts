/** The audit log, for auditors: who did what, to whom, when and why. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { searchAudit } from '../../app/audit.js';
import type { Deps } from '../deps.js';
import { AuditPage, AuditQuery, responses } from '@cozum/contract';

export const auditRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: "Search the audit log by actor, action (or a prefix such as 'auth.'), subject and period, newest first",
        querystring: AuditQuery,
        response: responses({ 200: AuditPage }),
      },
    },
    async (request) => {
      const q = request.query;
      return searchAudit(deps.database.db, { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined });
    },
  );
};
