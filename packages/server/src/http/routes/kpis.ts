import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, localDateRange } from '@cozum/domain';
import { contactKpis } from '../../app/contacts/kpis.js';
import { kpiLimits, setKpiLimits } from '../../app/contacts/kpi-rollup.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { KpiLimits, KpiQuery, KpiReport, responses } from '@cozum/contract';

export const kpiRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/kpis',
    {
      config: { access: 'kpis.read' },
      schema: {
        tags: ['contact centre'],
        summary: 'Contact-centre KPIs per period, overall or per queue or agent, with occupancy (DESIGN.md section 8 definitions); dates are days in the city time zone, to inclusive',
        querystring: KpiQuery,
        response: responses({ 200: KpiReport }),
      },
    },
    async (request) => {
      const { from, to, by, ...rest } = request.query;
      const { from: start, to: end } = localDateRange(from, to, deps.config.cityTimeZone);
      if (end <= start) throw new DomainError('validation_failed', 'to: must not be before from', [{ field: 'querystring.to', code: 'before_start', message: 'must not be before from' }]);
      if ((by === '15min' || by === '30min') && end.getTime() - start.getTime() > 93 * 86400_000) {
        throw new DomainError('validation_failed', 'by: intervals of 15 or 30 minutes are for periods of up to three months; choose hour, day or month for longer ones', [{ field: 'querystring.by', code: 'invalid', params: { reason: 'too_fine' }, message: 'too fine for the period' }]);
      }
      const limits = await kpiLimits(deps.database.db);
      const thresholdSeconds = rest.thresholdSeconds ?? limits.thresholdSeconds;
      const shortAbandonSeconds = rest.shortAbandonSeconds ?? limits.shortAbandonSeconds;
      const rows = await contactKpis(deps.database.db, { from: start, to: end, by: by ?? 'month', timeZone: deps.config.cityTimeZone, ...rest, thresholdSeconds, shortAbandonSeconds, now: deps.now() });
      return { thresholdSeconds, shortAbandonSeconds, rows };
    },
  );

  app.get(
    '/kpis/limits',
    {
      config: { access: 'kpis.read' },
      schema: { tags: ['contact centre'], summary: 'The service-level threshold T and short-abandon limit S the reports count with', response: responses({ 200: KpiLimits }) },
    },
    async () => kpiLimits(deps.database.db),
  );

  app.put(
    '/kpis/limits',
    {
      config: { access: 'kpis.manage' },
      schema: {
        tags: ['contact centre'],
        summary: 'Change T and S for every report (rebuilds the KPI rollup)',
        body: KpiLimits,
        response: responses({ 200: KpiLimits }),
      },
    },
    async (request) => deps.database.db.transaction((tx) => setKpiLimits(tx, currentUser(request), request.body)),
  );
};
