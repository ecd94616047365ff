/**
 * The city's places: districts (ilçe) and neighbourhoods (mahalle), keyed by their NVİ ids.
 */
import { sql } from 'drizzle-orm';
import { integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

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
