/**
 * Citizens: the one table that holds personal data, so masking and anonymisation have one
 * place to act on.
 */
import { sql } from 'drizzle-orm';
import { index, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './schema-columns.js';

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
