/** Intake support: the version of the reference data servers keep in memory (migration 0010). */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, pgTable } from 'drizzle-orm/pg-core';

export const referenceVersion = pgTable(
  'reference_version',
  {
    id: boolean('id').primaryKey().default(true),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  // One row only: its id can only be true.
  (t) => [check('reference_version_one_row', sql`${t.id}`)],
);
