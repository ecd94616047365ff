/**
 * Requests (başvuru): the record, its history of events, and its files.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, doublePrecision, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './schema-columns.js';
import { ACTIVE_STATUSES, type Channel, type RequestStatus, type RoutedBy, type Visibility } from '@cozum/domain';
import { statusList } from './status-sql.js';
import { citizens } from './schema-citizens.js';
import { districts, neighbourhoods } from './schema-places.js';
import { units, users } from './schema-staff.js';
import { categories, requestTypes } from './schema-taxonomy.js';

export const requests = pgTable(
  'requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Read out on the phone: YYYY-NNNNNNN, unique per year. */
    trackingNo: text('tracking_no').notNull(),
    requestType: text('request_type').notNull().references(() => requestTypes.code),
    categoryId: integer('category_id').notNull().references(() => categories.id),
    status: text('status').$type<RequestStatus>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    description: text('description').notNull(),
    citizenId: integer('citizen_id').references(() => citizens.id),
    districtId: integer('district_id').references(() => districts.id),
    neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhoods.id),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    unitId: integer('unit_id').notNull().references(() => units.id),
    assigneeId: integer('assignee_id').references(() => users.id),
    routingRuleId: integer('routing_rule_id'),
    routedBy: text('routed_by').$type<RoutedBy>().notNull(),
    parentId: bigint('parent_id', { mode: 'number' }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    legalDueAt: timestamp('legal_due_at', { withTimezone: true }),
    extendedAt: timestamp('extended_at', { withTimezone: true }),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    pausedSeconds: integer('paused_seconds').notNull().default(0),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    resolution: text('resolution'),
    referredTo: text('referred_to'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('requests_tracking_no_key').on(t.trackingNo),
    index('requests_unit_status_created_idx').on(t.unitId, t.status, t.createdAt),
    index('requests_unit_district_idx').on(t.unitId, t.districtId, t.status),
    index('requests_citizen_idx').on(t.citizenId),
    index('requests_category_neighbourhood_idx').on(t.categoryId, t.neighbourhoodId),
    index('requests_created_idx').on(t.createdAt),
    index('requests_due_open_idx').on(t.dueAt).where(sql`${t.overdueAt} is null and ${t.status} in ${statusList(ACTIVE_STATUSES)}`),
    index('requests_assignee_idx').on(t.assigneeId),
    index('requests_parent_idx').on(t.parentId),
    // The inbox's text search (migration 0013).
    index('requests_description_fold_trgm_idx').using('gin', sql`search_fold(${t.description}) gin_trgm_ops`),
    index('requests_description_fts_idx').using('gin', sql`to_tsvector('turkish', ${t.description})`),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'requests_parent_fk' }),
  ],
);

export const requestEvents = pgTable(
  'request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => requests.id),
    type: text('type').notNull(),
    fromStatus: text('from_status').$type<RequestStatus>(),
    toStatus: text('to_status').$type<RequestStatus>(),
    actorId: integer('actor_id').references(() => users.id),
    actorKind: text('actor_kind').notNull(),
    reason: text('reason'),
    visibility: text('visibility').$type<Visibility>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('request_events_request_idx').on(t.requestId, t.at),
    check('request_events_visibility_check', sql`${t.visibility} in ('internal','public')`),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => requests.id),
    eventId: bigint('event_id', { mode: 'number' }).references(() => requestEvents.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Path under DATA_DIR/files, named by content hash. */
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    visibility: text('visibility').$type<Visibility>().notNull().default('internal'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_request_idx').on(t.requestId)],
);
