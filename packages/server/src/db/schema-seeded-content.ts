/** What the start-up seed has put in once, by a stable key (migration 0018; src/seed/seeded-content.ts). */
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const seededContent = pgTable('seeded_content', {
  key: text('key').primaryKey(),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
});
