import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { staffingWeek } from '../../app/contacts/forecast.js';
import type { Deps } from '../deps.js';
import { responses, StaffingQuery, StaffingWeek } from '@cozum/contract';

export const staffingRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/staffing/week',
    {
      config: { access: 'kpis.read' },
      schema: {
        tags: ['contact centre'],
        summary: 'The week ahead: forecast arrivals per weekday and 30-minute interval (mean of the last weeks) and the agents each needs by Erlang C, or Erlang A with patienceSeconds',
        querystring: StaffingQuery,
        response: responses({ 200: StaffingWeek }),
      },
    },
    async (request) => {
      const { patienceSeconds, ...rest } = request.query;
      return staffingWeek(deps.database.db, { ...rest, patienceSeconds: patienceSeconds ?? null, now: deps.now(), timeZone: deps.config.cityTimeZone });
    },
  );
};
