/** The audit log, for auditors: who did what, to whom, when and why. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { searchAudit } from '../../app/audit.js';
import type { Deps } from '../deps.js';
import { Nullable, responses } from '@cozum/contract';

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  purpose: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const auditRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: "Search the audit log by actor, action (or a prefix such as 'auth.'), subject and period, newest first",
        querystring: Type.Object(
          {
            actor: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            action: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z_]+(\\.[a-z_]*)*$' })),
            subjectType: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            subjectId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(AuditEntry), nextBefore: Nullable(Type.Integer()) }) }),
      },
    },
    async (request) => {
      const q = request.query;
      return searchAudit(deps.database.db, { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined });
    },
  );
};
