import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { buildReport, monthPeriod, type ReportFilter } from '../../app/reports/report.js';
import { reportPdf } from '../../app/reports/format-pdf.js';
import { reportXlsx } from '../../app/reports/format-xlsx.js';
import { reportFileName, reportLanguage } from '../../app/reports/report-labels.js';
import { reportScope } from '../../app/reports/report-scope.js';
import { DomainError, localDate } from '@cozum/domain';
import type { Deps } from '../deps.js';
import { Report, ReportExportQuery, ReportFile, ReportQuery, ReportRef, responses } from '@cozum/contract';

/** The query's period, comparison and filters; a half-given comparison is a 400 naming the missing field. */
export function reportArgs(q: ReportQuery, zone: string): { filter: ReportFilter; compare?: { from: Date; to: Date } } {
  const period = monthPeriod(q.from, q.to, zone);
  if ((q.compareFrom === undefined) !== (q.compareTo === undefined)) {
    const missing = q.compareFrom === undefined ? 'compareFrom' : 'compareTo';
    throw new DomainError('validation_failed', `${missing}: give both compareFrom and compareTo (YYYY-MM), or neither`, [{ field: `querystring.${missing}`, code: 'both_or_neither', params: { other: missing === 'compareFrom' ? 'compareTo' : 'compareFrom' }, message: 'missing' }]);
  }
  const compare = q.compareFrom && q.compareTo ? monthPeriod(q.compareFrom, q.compareTo, zone) : undefined;
  return { filter: { ...period, channel: q.channel, categoryId: q.categoryId, unitId: q.unitId, districtId: q.districtId }, compare };
}

export const reportRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(Report);
  const db = deps.database.db;
  app.get(
    '/reports',
    {
      config: { access: 'reports.read' },
      schema: {
        tags: ['reports'],
        summary: 'The report of whole months: calls, instant vs routed, topics, districts, neighbourhoods, units, channels, satisfaction, months, hour × weekday; optionally compared and filtered',
        querystring: ReportQuery,
        response: responses({ 200: ReportRef }),
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
        summary: 'The same report as a PDF document with charts or an XLSX workbook with a sheet per section, in Turkish (default) or English; the title names the period and the district, unit, topic and channel it is narrowed to',
        querystring: ReportExportQuery,
        response: responses({ 200: ReportFile }),
      },
    },
    async (request, reply) => {
      const { format, lang = 'tr', ...query } = request.query;
      const { filter, compare } = reportArgs(query, deps.config.cityTimeZone);
      const scope = await reportScope(db, filter, { districtId: 'querystring.districtId', unitId: 'querystring.unitId', categoryId: 'querystring.categoryId' });
      const report = await buildReport(db, filter, compare);
      const options = { lang, scope, preparedOn: localDate(deps.now(), deps.config.cityTimeZone) };
      const name = reportFileName(report, reportLanguage(lang));
      if (format === 'pdf') return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(await reportPdf(report, options));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${name}.xlsx"`).send(await reportXlsx(report, options));
    },
  );
};
