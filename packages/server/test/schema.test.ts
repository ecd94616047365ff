/**
 * The hand-written migrations and the drizzle schema the code queries through must agree:
 * every table and column the schema declares exists in a migrated database with the same
 * nullability, so a query never names a column a migration forgot.
 */
import { sql, is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as schema from '../src/db/schema.js';
import type { Database } from '../src/db/client.js';
import { openTestDatabase } from './harness.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  await database.close();
  await drop();
});

test('every table and column of the schema exists in the migrated database', async () => {
  const result = (await database.db.execute(
    sql`select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public'`,
  )) as unknown as { rows: { table_name: string; column_name: string; is_nullable: string }[] };
  const actual = new Map(result.rows.map((r) => [`${r.table_name}.${r.column_name}`, r.is_nullable === 'YES']));
  const declared = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  expect(declared.length).toBeGreaterThan(15);
  const problems: string[] = [];
  for (const table of declared) {
    const config = getTableConfig(table);
    for (const column of config.columns) {
      const key = `${config.name}.${column.name}`;
      if (!actual.has(key)) problems.push(`${key} is in the schema but no migration creates it`);
      else if (actual.get(key) !== !column.notNull) problems.push(`${key} is ${column.notNull ? 'NOT NULL' : 'nullable'} in the schema but not in the database`);
    }
  }
  expect(problems).toEqual([]);
});

test('keeps the pending lists of GIN indexes short on every connection, so no insert merges a long one', async () => {
  const shown = (await database.db.execute(sql`show gin_pending_list_limit`)) as unknown as { rows: { gin_pending_list_limit: string }[] };
  expect(shown.rows[0]!.gin_pending_list_limit).toBe('256kB');
});
