/** Intake support: the version of the reference data servers keep in memory (migration 0010). */
import { bigint, boolean, pgTable } from 'drizzle-orm/pg-core';

export const referenceVersion = pgTable('reference_version', {
  id: boolean('id').primaryKey().default(true),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
