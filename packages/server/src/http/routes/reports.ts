import { Type, type FastifyPluginAsyncTypebox, type Static } from '@fastify/type-provider-typebox';
import { buildReport, monthPeriod, type ReportFilter } from '../../app/reports/report.js';
import { reportPdf } from '../../app/reports/format-pdf.js';
import { reportXlsx } from '../../app/reports/format-xlsx.js';
import { DomainError } from '@cozum/domain';
import type { Deps } from '../deps.js';
import { Id, Nullable, responses } from '@cozum/contract';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'a month, YYYY-MM (in the city time zone)' });
const Share = Type.Number();
const Period = Type.Object({ from: Type.String(), to: Type.String(), label: Type.String() });
const CallFigures = {
  offered: Type.Integer(),
  answered: Type.Integer(),
  answerRate: Nullable(Type.Number()),
  abandoned: Type.Integer(),
  instant: Type.Integer(),
  routed: Type.Integer(),
  requests: Type.Integer(),
};
const Ranked = { id: Type.Integer(), code: Type.String(), name: Type.String(), nameEn: Type.String(), count: Type.Integer(), share: Share };

export const ReportSchema = Type.Object(
  {
    period: Period,
    ...CallFigures,
    compare: Type.Optional(Type.Object({ period: Period, ...CallFigures })),
    change: Type.Optional(Type.Object({ offered: Type.Integer(), answered: Type.Integer(), answerRatePoints: Nullable(Type.Number()), instant: Type.Integer(), routed: Type.Integer(), requests: Type.Integer() })),
    topics: Type.Array(Type.Object({ ...Ranked, groupCode: Nullable(Type.String()) })),
    topicGroups: Type.Array(Type.Object(Ranked)),
    districts: Type.Array(Type.Object({ ...Ranked, population: Nullable(Type.Integer()), perThousand: Nullable(Type.Number()) })),
    neighbourhoods: Type.Array(Type.Object({ ...Ranked, districtId: Type.Integer(), districtName: Type.String(), population: Nullable(Type.Integer()) })),
    units: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), nameEn: Type.String(), count: Type.Integer(), resolved: Type.Integer(), medianHours: Nullable(Type.Number()), p90Hours: Nullable(Type.Number()), onTimeShare: Nullable(Type.Number()) })),
    channels: Type.Array(Type.Object({ channel: Type.String(), count: Type.Integer(), share: Share })),
    satisfaction: Type.Object({ count: Type.Integer(), average: Nullable(Type.Number()), distribution: Type.Array(Type.Integer()) }),
    months: Type.Array(Type.Object({ month: Type.String(), offered: Type.Integer(), answered: Type.Integer(), requests: Type.Integer() })),
    heat: Type.Array(Type.Array(Type.Integer()), { description: 'calls offered by weekday (0 = Monday) and hour' }),
  },
  { $id: 'Report' },
);

export const ReportQuery = Type.Object(
  {
    from: Month,
    to: Month,
    compareFrom: Type.Optional(Month),
    compareTo: Type.Optional(Month),
    channel: Type.Optional(Type.String({ maxLength: 40 })),
    categoryId: Type.Optional(Id),
    unitId: Type.Optional(Id),
    districtId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

/** The query's period, comparison and filters; a half-given comparison is a 400 naming the missing field. */
export function reportArgs(q: Static<typeof ReportQuery>, zone: string): { filter: ReportFilter; compare?: { from: Date; to: Date } } {
  const period = monthPeriod(q.from, q.to, zone);
  if ((q.compareFrom === undefined) !== (q.compareTo === undefined)) {
    const missing = q.compareFrom === undefined ? 'compareFrom' : 'compareTo';
    throw new DomainError('validation_failed', `${missing}: give both compareFrom and compareTo (YYYY-MM), or neither`, [{ field: `querystring.${missing}`, message: 'missing' }]);
  }
  const compare = q.compareFrom && q.compareTo ? monthPeriod(q.compareFrom, q.compareTo, zone) : undefined;
  return { filter: { ...period, channel: q.channel, categoryId: q.categoryId, unitId: q.unitId, districtId: q.districtId }, compare };
}

export const reportRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(ReportSchema);
  const db = deps.database.db;
  app.get(
    '/reports',
    {
      config: { access: 'reports.read' },
      schema: {
        tags: ['reports'],
        summary: 'The report of whole months: calls, instant vs routed, topics, districts, neighbourhoods, units, channels, satisfaction, months, hour × weekday; optionally compared and filtered',
        querystring: ReportQuery,
        response: responses({ 200: Type.Ref('Report') }),
      },
    },
    async (request) => {
      const { filter, compare } = reportArgs(request.query, deps.config.cityTimeZone);
      return buildReport(db, filter, compare);
    },
  );
  app.get(
    '/reports/export',
    {
      config: { access: 'reports.read' },
      schema: {
        tags: ['reports'],
        summary: 'The same report as a PDF document with charts or an XLSX workbook with a sheet per section',
        querystring: Type.Object({ ...ReportQuery.properties, format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]) }, { additionalProperties: false }),
        response: responses({ 200: Type.Any({ description: 'application/pdf or the XLSX type' }) }),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const { filter, compare } = reportArgs(query, deps.config.cityTimeZone);
      const report = await buildReport(db, filter, compare);
      const name = `cozum-report-${report.period.label.replace(/[^\w-]+/g, '_')}`;
      if (format === 'pdf') return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(await reportPdf(report));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${name}.xlsx"`).send(await reportXlsx(report));
    },
  );
};
