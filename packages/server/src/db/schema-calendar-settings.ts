/**
 * The working calendar's holidays and the small settings admins edit (e.g. the working hours).
 */
import { boolean, date, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { updatedAt } from './schema-columns.js';

export const holidays = pgTable('holidays', {
  date: date('date').primaryKey(),
  nameTr: text('name_tr').notNull(),
  nameEn: text('name_en').notNull(),
  halfDay: boolean('half_day').notNull().default(false),
});

/** Small key/value settings that admins edit (e.g. the working hours). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});
