/**
 * What a request is about and where it goes: request types with their legal clocks, the
 * categories (topics) with their deadlines and publication, and the routing rules to units.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { DEFAULT_NOTIFICATIONS, OPTIONAL_NOTIFICATION_EVENTS, type OptionalNotificationEvent, type Publication } from '@cozum/domain';
import { createdAt, updatedAt } from './schema-columns.js';
import { districts, neighbourhoods } from './schema-places.js';
import { units } from './schema-staff.js';

const textArray = (values: readonly string[]) => sql.raw(`'{${values.join(',')}}'::text[]`);
const eventList = sql.raw(`ARRAY[${OPTIONAL_NOTIFICATION_EVENTS.map((e) => `'${e}'`).join(', ')}]::text[]`);

export const requestTypes = pgTable(
  'request_types',
  {
    code: text('code').primaryKey(),
    nameTr: text('name_tr').notNull(),
    nameEn: text('name_en').notNull(),
    /** Which statutory clock applies: petition_3071, information_4982, kvkk_13, or none. */
    legalClock: text('legal_clock'),
    allowsAnonymous: boolean('allows_anonymous').notNull().default(true),
    /** May requests of this type be published at all (Open311)? Never for kvkk_13 and information_4982 clocks (checkPublishable); off for ihbar by default. */
    publishable: boolean('publishable').notNull().default(false),
    active: boolean('active').notNull().default(true),
    /** The optional events (packages/domain notifications.ts) that send the citizen an SMS; the final answer always does. */
    notifySms: text('notify_sms').array().$type<OptionalNotificationEvent[]>().notNull().default(textArray(DEFAULT_NOTIFICATIONS.sms)),
    /** The same for e-mail. */
    notifyEmail: text('notify_email').array().$type<OptionalNotificationEvent[]>().notNull().default(textArray(DEFAULT_NOTIFICATIONS.email)),
  },
  (t) => [
    check('request_types_notify_sms_check', sql`${t.notifySms} <@ ${eventList}`),
    check('request_types_notify_email_check', sql`${t.notifyEmail} <@ ${eventList}`),
  ],
);

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
    /** Everyday words for the topic ("lamba" for street lighting) the pickers match like the name. */
    synonyms: text('synonyms').array().notNull().default(sql`'{}'::text[]`),
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
