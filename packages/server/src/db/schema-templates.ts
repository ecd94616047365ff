/**
 * Templates: the canned replies unit staff pick from, and the messages citizens are told.
 */
import { boolean, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './schema-columns.js';
import { categories } from './schema-taxonomy.js';

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
