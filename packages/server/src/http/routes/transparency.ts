/**
 * The public transparency page's API, open without signing in: the year's anonymised figures
 * (counts and shares, never a record about a person), the open-data CSV, and the map's
 * boundaries. Neighbourhood figures stay inside the staff dashboards.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { buildReport, yearPeriod } from '../../app/reports/report.js';
import { districtGeoJson, neighbourhoodGeoJson, openDataCsv, reportYears } from '../../app/reports/open-data.js';
import { localYear, notFound } from '@cozum/domain';
import type { Deps } from '../deps.js';
import { IdParams, OpenDataCsv, OpenDataQuery, responses, Transparency, TransparencyGeo, TransparencyQuery } from '@cozum/contract';

export const transparencyRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  const publicRate = { max: 120, timeWindow: '1 minute' };
  app.get(
    '/transparency',
    {
      config: { access: 'public', rateLimit: publicRate },
      schema: { tags: ['transparency'], summary: "A year's anonymised figures for the public (default: the latest year with data)", security: [], querystring: TransparencyQuery, response: responses({ 200: Transparency }) },
    },
    async (request) => {
      const zone = deps.config.cityTimeZone;
      const years = await reportYears(db, zone);
      const year = request.query.year ?? years[0] ?? localYear(deps.now(), zone);
      const r = await buildReport(db, yearPeriod(year, zone), yearPeriod(year - 1, zone));
      const figures = (x: { offered: number; answered: number; answerRate: number | null; instant: number; routed: number; requests: number }) => ({ offered: x.offered, answered: x.answered, answerRate: x.answerRate, instant: x.instant, routed: x.routed, requests: x.requests });
      return {
        year,
        years,
        ...figures(r),
        previous: { year: year - 1, ...figures(r.compare!) },
        topicGroups: r.topicGroups,
        topics: r.topics.slice(0, 15),
        districts: r.districts,
        units: r.units.map((u) => ({ code: u.code, name: u.name, nameEn: u.nameEn, count: u.count, medianHours: u.medianHours, onTimeShare: u.onTimeShare })),
        channels: r.channels,
        satisfaction: r.satisfaction,
        months: r.months,
      };
    },
  );
  app.get(
    '/transparency/open-data.csv',
    {
      config: { access: 'public', rateLimit: publicRate },
      schema: { tags: ['transparency'], summary: 'Open data: requests per month, district, category, unit and channel (counts only, no personal data), CSV', security: [], querystring: OpenDataQuery, response: responses({ 200: OpenDataCsv }) },
    },
    async (request, reply) =>
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="cozum-open-data-${request.query.year}.csv"`).send(await openDataCsv(db, request.query.year)),
  );
  app.get(
    '/transparency/geo/districts',
    { config: { access: 'public' }, schema: { tags: ['transparency'], summary: "District boundaries (GeoJSON, © OpenStreetMap contributors, ODbL) with our district ids", security: [], response: responses({ 200: TransparencyGeo }) } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send(await districtGeoJson(db)),
  );
  app.get(
    '/transparency/geo/districts/:id/neighbourhoods',
    { config: { access: 'public' }, schema: { tags: ['transparency'], summary: "A district's neighbourhood boundaries mapped in OpenStreetMap (GeoJSON, ODbL)", security: [], params: IdParams, response: responses({ 200: TransparencyGeo }) } },
    async (request, reply) => {
      const geo = await neighbourhoodGeoJson(db, request.params.id);
      if (!geo) throw notFound('district', request.params.id);
      return reply.header('cache-control', 'public, max-age=3600').send(geo);
    },
  );
};
