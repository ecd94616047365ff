/**
 * Report rollups (migration 0007_reports): counts per hour, month and key, kept exact by
 * statement-level triggers on contacts, requests and satisfaction_ratings. Only the report
 * queries read them; nothing writes them but the triggers.
 */
import { bigint, date, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { requests } from './schema-requests.js';

const count = (name: string) => integer(name).notNull().default(0);

/** Calls per hour (UTC hour, which is a Türkiye hour too) and channel. */
export const reportCallHours = pgTable(
  'report_call_hours',
  { hour: timestamp('hour').notNull(), channel: text('channel').notNull(), offered: count('offered'), answered: count('answered'), instant: count('instant'), routed: count('routed') },
  (t) => [primaryKey({ name: 'report_call_hours_pk', columns: [t.hour, t.channel] })],
);

/** Requests per month of creation (Türkiye), category, district (0 = none), unit and channel. */
export const reportRequestMonths = pgTable(
  'report_request_months',
  {
    month: date('month').notNull(),
    categoryId: integer('category_id').notNull(),
    districtId: integer('district_id').notNull(),
    unitId: integer('unit_id').notNull(),
    channel: text('channel').notNull(),
    requests: count('requests'),
    resolved: count('resolved'),
    resolvedWithDue: count('resolved_with_due'),
    onTime: count('on_time'),
    rated: count('rated'),
    score1: count('score1'),
    score2: count('score2'),
    score3: count('score3'),
    score4: count('score4'),
    score5: count('score5'),
  },
  (t) => [primaryKey({ name: 'report_request_months_pk', columns: [t.month, t.categoryId, t.districtId, t.unitId, t.channel] })],
);

export const reportNeighbourhoodMonths = pgTable(
  'report_neighbourhood_months',
  { month: date('month').notNull(), neighbourhoodId: integer('neighbourhood_id').notNull(), channel: text('channel').notNull(), requests: count('requests') },
  (t) => [primaryKey({ name: 'report_neighbourhood_months_pk', columns: [t.month, t.neighbourhoodId, t.channel] })],
);

/** Resolved requests per month, unit and resolution-time bucket (floor(10 · ln(minutes))). */
export const reportResolutionMonths = pgTable(
  'report_resolution_months',
  { month: date('month').notNull(), unitId: integer('unit_id').notNull(), bucket: smallint('bucket').notNull(), requests: count('requests') },
  (t) => [primaryKey({ name: 'report_resolution_months_pk', columns: [t.month, t.unitId, t.bucket] })],
);

/** A request brought in from another city's 311 export, traced to its source line. */
export const requestImports = pgTable(
  'request_imports',
  {
    requestId: bigint('request_id', { mode: 'number' }).primaryKey().references(() => requests.id),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    sourceStatus: text('source_status'),
    sourceArea: text('source_area'),
    sourceAgency: text('source_agency'),
    sourceCategory: text('source_category'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('request_imports_source_key').on(t.source, t.externalId)],
);
