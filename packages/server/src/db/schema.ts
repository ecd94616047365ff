/**
 * The database schema (PostgreSQL dialect, for PGlite and PostgreSQL alike).
 * Each area adds its tables in a schema-<area>.ts file re-exported at the end; migrations
 * (./migrations) are written by hand from 0003 on and checked against this schema by a test.
 * Timestamps are `timestamptz`; personal data lives in `citizens` only, so masking and
 * anonymisation have one place to act on.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Publication } from '@cozum/domain';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameTr: text('name_tr').notNull(),
    nameEn: text('name_en').notNull(),
    parentId: integer('parent_id'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_idx').on(t.parentId),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'units_parent_fk' }),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    locale: text('locale').notNull().default('tr'),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    index('users_unit_idx').on(t.unitId),
    check('users_role_check', sql`${t.role} in ('admin','supervisor','agent','unit_head','unit_staff','field_staff','auditor')`),
    check('users_unit_scope_check', sql`${t.role} not in ('unit_head','unit_staff') or ${t.unitId} is not null`),
    check('users_locale_check', sql`${t.locale} in ('tr','en')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen table does not yield usable cookies. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const requestTypes = pgTable('request_types', {
  code: text('code').primaryKey(),
  nameTr: text('name_tr').notNull(),
  nameEn: text('name_en').notNull(),
  /** Which statutory clock applies: petition_3071, information_4982, kvkk_13, or none. */
  legalClock: text('legal_clock'),
  allowsAnonymous: boolean('allows_anonymous').notNull().default(true),
  /** May requests of this type be published at all (Open311)? Never for kvkk, bilgi_edinme, ihbar. */
  publishable: boolean('publishable').notNull().default(false),
  active: boolean('active').notNull().default(true),
});

export const categories = pgTable(
  'categories',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameTr: text('name_tr').notNull(),
    nameEn: text('name_en').notNull(),
    parentId: integer('parent_id'),
    requestType: text('request_type').notNull().references(() => requestTypes.code),
    defaultUnitId: integer('default_unit_id').references(() => units.id),
    slaHours: integer('sla_hours').notNull(),
    slaBusinessHours: boolean('sla_business_hours').notNull().default(true),
    /** What Open311 publishes of its requests: none, staff_text or citizen_text (packages/domain privacy.ts). */
    publication: text('publication').$type<Publication>().notNull().default('none'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('categories_code_key').on(t.code),
    index('categories_parent_idx').on(t.parentId),
    index('categories_default_unit_idx').on(t.defaultUnitId),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'categories_parent_fk' }),
    check('categories_sla_check', sql`${t.slaHours} > 0`),
    check('categories_publication_check', sql`${t.publication} in ('none', 'staff_text', 'citizen_text')`),
  ],
);

export const districts = pgTable(
  'districts',
  {
    id: serial('id').primaryKey(),
    /** NVİ/TÜİK district id. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    population: integer('population'),
    postalCodes: text('postal_codes').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex('districts_code_key').on(t.code)],
);

export const neighbourhoods = pgTable(
  'neighbourhoods',
  {
    id: serial('id').primaryKey(),
    /** NVİ mahalle id. */
    code: text('code').notNull(),
    districtId: integer('district_id').notNull().references(() => districts.id),
    name: text('name').notNull(),
    population: integer('population'),
  },
  (t) => [
    uniqueIndex('neighbourhoods_code_key').on(t.code),
    uniqueIndex('neighbourhoods_district_name_key').on(t.districtId, t.name),
  ],
);

export const holidays = pgTable('holidays', {
  date: date('date').primaryKey(),
  nameTr: text('name_tr').notNull(),
  nameEn: text('name_en').notNull(),
  halfDay: boolean('half_day').notNull().default(false),
});

export const citizens = pgTable(
  'citizens',
  {
    id: serial('id').primaryKey(),
    fullName: text('full_name'),
    /** E.164 without '+', e.g. 905321234567. */
    phone: text('phone'),
    tcKimlikNo: text('tc_kimlik_no'),
    email: text('email'),
    address: text('address'),
    locale: text('locale').notNull().default('tr'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentNoticeVersion: text('consent_notice_version'),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('citizens_phone_idx').on(t.phone),
    uniqueIndex('citizens_tckn_key').on(t.tcKimlikNo),
    index('citizens_email_idx').on(sql`lower(${t.email})`),
  ],
);

export const kbArticles = pgTable(
  'kb_articles',
  {
    id: serial('id').primaryKey(),
    titleTr: text('title_tr').notNull(),
    titleEn: text('title_en'),
    bodyTr: text('body_tr').notNull(),
    bodyEn: text('body_en'),
    categoryId: integer('category_id').references(() => categories.id),
    unitId: integer('unit_id').references(() => units.id),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    useCount: integer('use_count').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('kb_articles_category_idx').on(t.categoryId)],
);

export const requests = pgTable(
  'requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Read out on the phone: YYYY-NNNNNNN, unique per year. */
    trackingNo: text('tracking_no').notNull(),
    requestType: text('request_type').notNull().references(() => requestTypes.code),
    categoryId: integer('category_id').notNull().references(() => categories.id),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
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
    routedBy: text('routed_by').notNull(),
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
    index('requests_due_open_idx').on(t.dueAt).where(sql`${t.overdueAt} is null and ${t.status} in ('new','assigned','in_progress','reopened')`),
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
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorId: integer('actor_id').references(() => users.id),
    actorKind: text('actor_kind').notNull(),
    reason: text('reason'),
    visibility: text('visibility').notNull(),
    data: jsonb('data').notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('request_events_request_idx').on(t.requestId, t.at),
    check('request_events_visibility_check', sql`${t.visibility} in ('internal','public')`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull(),
    queue: text('queue'),
    externalId: text('external_id'),
    callerNumber: text('caller_number'),
    citizenId: integer('citizen_id').references(() => citizens.id),
    agentId: integer('agent_id').references(() => users.id),
    agentName: text('agent_name'),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    waitSeconds: integer('wait_seconds'),
    talkSeconds: integer('talk_seconds'),
    holdSeconds: integer('hold_seconds').notNull().default(0),
    wrapSeconds: integer('wrap_seconds').notNull().default(0),
    exitReason: text('exit_reason'),
    outcome: text('outcome'),
    kbArticleId: integer('kb_article_id').references(() => kbArticles.id),
    requestId: bigint('request_id', { mode: 'number' }).references(() => requests.id),
    notes: text('notes'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('contacts_external_key').on(t.channel, t.externalId),
    index('contacts_offered_idx').on(t.offeredAt),
    index('contacts_citizen_idx').on(t.citizenId),
    index('contacts_caller_idx').on(t.callerNumber),
    index('contacts_agent_idx').on(t.agentId, t.offeredAt),
  ],
);

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** What to do: email, sms, escalation, … A handler per kind, idempotent by id. */
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    requestId: bigint('request_id', { mode: 'number' }).references(() => requests.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_pending_idx').on(t.availableAt).where(sql`${t.status} = 'pending'`),
    index('outbox_request_idx').on(t.requestId),
    check('outbox_status_check', sql`${t.status} in ('pending','sent','failed')`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    purpose: text('purpose'),
    ip: text('ip'),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_actor_idx').on(t.actorId, t.at), index('audit_log_subject_idx').on(t.subjectType, t.subjectId)],
);

/** Small key/value settings that admins edit (e.g. the working hours). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/** Category (optionally narrowed to a district or neighbourhood) → unit. The most specific wins. */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: serial('id').primaryKey(),
    categoryId: integer('category_id').notNull().references(() => categories.id),
    districtId: integer('district_id').references(() => districts.id),
    neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhoods.id),
    unitId: integer('unit_id').notNull().references(() => units.id),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('routing_rules_category_idx').on(t.categoryId),
    uniqueIndex('routing_rules_scope_key').on(t.categoryId, sql`coalesce(${t.districtId}, 0)`, sql`coalesce(${t.neighbourhoodId}, 0)`).where(sql`${t.active}`),
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
    visibility: text('visibility').notNull().default('internal'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_request_idx').on(t.requestId)],
);

/** Canned replies unit staff pick from, per category, with {placeholders}. */
export const responseTemplates = pgTable(
  'response_templates',
  {
    id: serial('id').primaryKey(),
    categoryId: integer('category_id').references(() => categories.id),
    name: text('name').notNull(),
    bodyTr: text('body_tr').notNull(),
    bodyEn: text('body_en'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('response_templates_category_idx').on(t.categoryId)],
);

/** What the citizen is told, per event and language; admins edit them. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    key: text('key').notNull(),
    locale: text('locale').notNull(),
    channel: text('channel').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('message_templates_key').on(t.key, t.locale, t.channel)],
);

export * from './schema-satisfaction.js';
export * from './schema-reference-version.js';
export * from './schema-portal.js';
export * from './schema-agent-states.js';
export * from './schema-privacy.js';
export * from './schema-reports.js';
export * from './schema-followers.js';
export * from './schema-surveys-field.js';
export * from './schema-sign-in.js';
