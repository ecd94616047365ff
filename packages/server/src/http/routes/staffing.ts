import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { staffingWeek } from '../../app/contacts/forecast.js';
import type { Deps } from '../deps.js';
import { responses } from '@cozum/contract';

const Week = Type.Array(Type.Array(Type.Number()), { description: '[weekday 0 = Monday … 6 = Sunday][slot 0 = 00:00–00:30 … 47], the city local time' });

export const staffingRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/staffing/week',
    {
      config: { access: 'kpis.read' },
      schema: {
        tags: ['contact centre'],
        summary: 'The week ahead: forecast arrivals per weekday and 30-minute interval (mean of the last weeks) and the agents each needs by Erlang C, or Erlang A with patienceSeconds',
        querystring: Type.Object(
          {
            weeks: Type.Integer({ minimum: 1, maximum: 52, default: 4, description: 'whole weeks of history to average' }),
            queue: Type.Optional(Type.String({ maxLength: 100 })),
            ahtSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 86400, description: 'default: the measured AHT of the history, else 180' })),
            targetServiceLevel: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.8, description: 'share answered within targetSeconds, e.g. 0.8' }),
            targetSeconds: Type.Integer({ minimum: 0, maximum: 3600, default: 20 }),
            maxOccupancy: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.85 }),
            shrinkage: Type.Number({ minimum: 0, exclusiveMaximum: 1, default: 0.3, description: 'share of paid time off the phones: breaks, training, absence' }),
            patienceSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 86400, description: 'mean caller patience: switches to Erlang A' })),
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            weeks: Type.Integer(),
            model: Type.Union([Type.Literal('erlang-c'), Type.Literal('erlang-a')]),
            ahtSeconds: Type.Number(),
            ahtMeasured: Type.Boolean(),
            arrivals: Week,
            agents: Week,
            staffed: Week,
            serviceLevel: Week,
            staffedHours: Type.Number(),
            peakStaffed: Type.Integer(),
          }),
        }),
      },
    },
    async (request) => {
      const { patienceSeconds, ...rest } = request.query;
      return staffingWeek(deps.database.db, { ...rest, patienceSeconds: patienceSeconds ?? null, now: deps.now(), timeZone: deps.config.cityTimeZone });
    },
  );
};
