/** Reports: whole months of calls and requests for the dashboards, on screen or as PDF and XLSX. */
import { Type, type Static } from 'typebox';
import { Id, LOCALES, Nullable, OneOf } from './common.js';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'a month, YYYY-MM (in the city time zone)' });
const Share = Type.Number();

export const ReportPeriod = Type.Object({ from: Type.String(), to: Type.String(), label: Type.String() });
export type ReportPeriod = Static<typeof ReportPeriod>;

const CallFigureFields = {
  offered: Type.Integer(),
  answered: Type.Integer(),
  answerRate: Nullable(Type.Number()),
  abandoned: Type.Integer(),
  instant: Type.Integer(),
  routed: Type.Integer(),
  requests: Type.Integer(),
};
/** Calls offered and answered, and the requests they made: solved at once (instant) or routed to a unit. */
export const CallFigures = Type.Object(CallFigureFields);
export type CallFigures = Static<typeof CallFigures>;

const RankedFields = { id: Type.Integer(), code: Type.String(), name: Type.String(), nameEn: Type.String(), count: Type.Integer(), share: Share };
/** A topic, district or neighbourhood with its count of requests and its share of them. */
export const ReportRanked = Type.Object(RankedFields);
export type ReportRanked = Static<typeof ReportRanked>;

export const ReportUnit = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  count: Type.Integer(),
  resolved: Type.Integer(),
  medianHours: Nullable(Type.Number()),
  p90Hours: Nullable(Type.Number()),
  onTimeShare: Nullable(Type.Number()),
});
export type ReportUnit = Static<typeof ReportUnit>;

/** Registered once under its $id (the routes answer with ReportRef), so OpenAPI shows it as one component. */
export const Report = Type.Object(
  {
    period: ReportPeriod,
    ...CallFigureFields,
    compare: Type.Optional(Type.Object({ period: ReportPeriod, ...CallFigureFields })),
    change: Type.Optional(
      Type.Object({ offered: Type.Integer(), answered: Type.Integer(), answerRatePoints: Nullable(Type.Number()), instant: Type.Integer(), routed: Type.Integer(), requests: Type.Integer() }),
    ),
    topics: Type.Array(Type.Object({ ...RankedFields, groupCode: Nullable(Type.String()) })),
    topicGroups: Type.Array(ReportRanked),
    districts: Type.Array(Type.Object({ ...RankedFields, population: Nullable(Type.Integer()), perThousand: Nullable(Type.Number()) })),
    neighbourhoods: Type.Array(Type.Object({ ...RankedFields, districtId: Type.Integer(), districtName: Type.String(), population: Nullable(Type.Integer()) })),
    units: Type.Array(ReportUnit),
    channels: Type.Array(Type.Object({ channel: Type.String(), count: Type.Integer(), share: Share })),
    satisfaction: Type.Object({ count: Type.Integer(), average: Nullable(Type.Number()), distribution: Type.Array(Type.Integer()) }),
    months: Type.Array(Type.Object({ month: Type.String(), offered: Type.Integer(), answered: Type.Integer(), requests: Type.Integer() })),
    heat: Type.Array(Type.Array(Type.Integer()), { description: 'calls offered by weekday (0 = Monday) and hour' }),
  },
  { $id: 'Report' },
);
export type Report = Static<typeof Report>;
/** A reference to the registered Report, typed as the report so handlers are checked against it. */
export const ReportRef = Type.Unsafe<Report>(Type.Ref('Report'));

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
export type ReportQuery = Static<typeof ReportQuery>;

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const ReportExportQuery = Type.Object(
  {
    ...ReportQuery.properties,
    format: OneOf(REPORT_FORMATS),
    lang: Type.Optional(OneOf(LOCALES, { description: "the document's language: titles, labels, channel and month names, number and date formats (default tr)" })),
  },
  { additionalProperties: false },
);
export type ReportExportQuery = Static<typeof ReportExportQuery>;
/** The report as a file. */
export const ReportFile = Type.Any({ description: 'application/pdf or the XLSX type' });
