/**
 * The knowledge base agents answer from on the call (instant information).
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './schema-columns.js';
import { units, users } from './schema-staff.js';
import { categories } from './schema-taxonomy.js';

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
