import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '@cozum/domain';
import { KPI_BUCKETS, contactKpis } from '../../app/contacts/kpis.js';
import type { Deps } from '../deps.js';
import { Nullable, responses } from '../schemas.js';

const Ratio = Nullable(Type.Number());
const KpiRow = Type.Object({
  period: Type.String(),
  offered: Type.Integer(),
  answered: Type.Integer(),
  abandoned: Type.Integer(),
  shortAbandoned: Type.Integer(),
  answerRate: Ratio,
  serviceLevel: Ratio,
  serviceLevelOfAnswered: Ratio,
  asaSeconds: Ratio,
  ahtSeconds: Ratio,
  longestWaitSeconds: Nullable(Type.Integer()),
});

export const kpiRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/kpis',
    {
      config: { access: 'kpis.read' },
      schema: {
        tags: ['contact centre'],
        summary: 'Contact-centre KPIs per period (DESIGN.md section 8 definitions); dates are days in Türkiye, to inclusive',
        querystring: Type.Object(
          {
            from: Type.String({ format: 'date' }),
            to: Type.String({ format: 'date' }),
            by: Type.Optional(Type.Union(KPI_BUCKETS.map((b) => Type.Literal(b)))),
            queue: Type.Optional(Type.String({ maxLength: 100 })),
            thresholdSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600 })),
            shortAbandonSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ rows: Type.Array(KpiRow) }) }),
      },
    },
    async (request) => {
      const { from, to, by, ...rest } = request.query;
      const start = new Date(`${from}T00:00:00+03:00`);
      const end = new Date(new Date(`${to}T00:00:00+03:00`).getTime() + 86400_000);
      if (end <= start) throw new DomainError('validation_failed', 'to: must not be before from', [{ field: 'querystring.to', message: 'must not be before from' }]);
      if ((by === '15min' || by === '30min') && end.getTime() - start.getTime() > 93 * 86400_000) {
        throw new DomainError('validation_failed', 'by: intervals of 15 or 30 minutes are for periods of up to three months; choose hour, day or month for longer ones', [{ field: 'querystring.by', message: 'too fine for the period' }]);
      }
      return { rows: await contactKpis(deps.database.db, { from: start, to: end, by: by ?? 'month', ...rest }) };
    },
  );
};
