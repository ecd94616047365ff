/**
 * The hand-written migrations and the drizzle schema the code queries through must agree.
 * The test builds the drizzle schema's tables in a scratch PostgreSQL schema of a migrated
 * database and compares the catalog of both, so PostgreSQL itself spells out every type,
 * default, constraint and index the same way on each side. Every difference is listed as
 * `what: expected (drizzle schema) X, found (migrations) Y`, including tables, columns,
 * constraints and indexes a migration creates and the drizzle schema does not know.
 */
import { SQL, is, sql } from 'drizzle-orm';
import { IndexedColumn, PgColumn, PgDialect, PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { expect, test } from 'vitest';
import * as schema from '../src/db/schema.js';
import type { Database, Executor } from '../src/db/client.js';
import { useTestDatabase } from './harness.js';

/** The scratch schema the drizzle tables are created in; its name is stripped from the catalog's text. */
const SHADOW = 'drizzle_schema_shadow';

let database: Database;
useTestDatabase((opened) => (database = opened));

const dialect = new PgDialect();
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** SQL written in the schema (defaults, checks, index expressions) as PostgreSQL text, columns unqualified. */
function render(fragment: SQL): string {
  const query = dialect.sqlToQuery(fragment, 'indexes');
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value: unknown = query.params[Number(n) - 1];
    return typeof value === 'string' ? literal(value) : String(value);
  });
}

function defaultOf(column: PgColumn): string | null {
  if (column.default === undefined) return null;
  if (is(column.default, SQL)) return render(column.default);
  const value: unknown = column.mapToDriverValue(column.default);
  return typeof value === 'string' ? literal(value) : String(value);
}

function columnList(columns: { name: string }[]): string {
  return columns.map((c) => quote(c.name)).join(', ');
}

/** The DDL that builds every table of the drizzle schema inside `SHADOW`: tables first, then foreign keys and indexes. */
function shadowDdl(tables: PgTable[]): string[] {
  const creates: string[] = [];
  const later: string[] = [];
  for (const table of tables) {
    const config = getTableConfig(table);
    const name = `${quote(SHADOW)}.${quote(config.name)}`;
    const parts = config.columns.map((column) => {
      const def = defaultOf(column);
      return `${quote(column.name)} ${column.getSQLType()}${column.notNull ? ' NOT NULL' : ''}${def === null ? '' : ` DEFAULT ${def}`}`;
    });
    const primary = config.columns.filter((c) => c.primary);
    if (primary.length > 0) parts.push(`PRIMARY KEY (${columnList(primary)})`);
    for (const key of config.primaryKeys) parts.push(`PRIMARY KEY (${columnList(key.columns)})`);
    for (const column of config.columns.filter((c) => c.isUnique)) {
      parts.push(`UNIQUE${column.uniqueType === 'not distinct' ? ' NULLS NOT DISTINCT' : ''} (${quote(column.name)})`);
    }
    for (const unique of config.uniqueConstraints) {
      parts.push(`UNIQUE${unique.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${columnList(unique.columns)})`);
    }
    for (const check of config.checks) parts.push(`CONSTRAINT ${quote(check.name)} CHECK (${render(check.value)})`);
    creates.push(`CREATE TABLE ${name} (${parts.join(', ')})`);

    for (const key of config.foreignKeys) {
      const reference = key.reference();
      const target = `${quote(SHADOW)}.${quote(getTableConfig(reference.foreignTable).name)}`;
      later.push(
        `ALTER TABLE ${name} ADD FOREIGN KEY (${columnList(reference.columns)}) REFERENCES ${target} (${columnList(reference.foreignColumns)})` +
          ` ON DELETE ${key.onDelete ?? 'no action'} ON UPDATE ${key.onUpdate ?? 'no action'}`,
      );
    }
    for (const index of config.indexes) {
      const { name: indexName, unique, method, columns, where } = index.config;
      const keys = columns.map((entry) => {
        if (is(entry, SQL)) return render(entry);
        const column = entry as IndexedColumn;
        const { opClass, order, nulls } = column.indexConfig;
        return [quote(column.name ?? ''), opClass, order, nulls ? `nulls ${nulls}` : undefined].filter(Boolean).join(' ');
      });
      later.push(
        `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${quote(indexName ?? '')} ON ${name} USING ${method ?? 'btree'} (${keys.join(', ')})` +
          (where ? ` WHERE ${render(where)}` : ''),
      );
    }
  }
  return [...creates, ...later];
}

/** Everything a migration decides about one schema's tables, as `what → definition` in PostgreSQL's own words. */
async function catalog(db: Executor, namespace: string): Promise<Map<string, string>> {
  const rows = async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const clean = (text: string) => text.replaceAll(`${SHADOW}.`, '').replaceAll(`${quote(SHADOW)}.`, '');
  const facts = new Map<string, string>();
  const add = (key: string, value: string) => {
    // Two constraints of one kind on the same columns are told apart by their definitions.
    facts.set(facts.has(key) ? `${key} #2` : key, clean(value));
  };

  const tables = await rows<{ table: string }>(sql`
    select c.relname as "table" from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${namespace} and c.relkind in ('r', 'p')`);
  for (const { table } of tables) add(`table ${table}`, 'a table');

  const columns = await rows<{ table: string; column: string; type: string; notnull: boolean; def: string | null }>(sql`
    select c.relname as "table", a.attname as "column", format_type(a.atttypid, a.atttypmod) as "type",
           a.attnotnull as "notnull", pg_get_expr(d.adbin, d.adrelid) as "def"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
    where n.nspname = ${namespace} and c.relkind in ('r', 'p')`);
  for (const c of columns) {
    add(`${c.table}.${c.column}`, `${c.type}${c.notnull ? ' NOT NULL' : ' NULL'}${c.def === null ? '' : ` DEFAULT ${c.def}`}`);
  }

  // Constraints are named by what they constrain: the names drizzle would give differ from
  // PostgreSQL's, and no code depends on them. Checks keep their names.
  const constraints = await rows<{ table: string; name: string; type: string; columns: string; def: string }>(sql`
    select c.relname as "table", con.conname as "name", con.contype as "type", pg_get_constraintdef(con.oid) as "def",
           coalesce((select string_agg(a.attname, ', ' order by k.ord) from unnest(con.conkey) with ordinality k(num, ord)
                     join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num), '') as "columns"
    from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${namespace} and con.contype in ('p', 'u', 'f', 'c')
    order by c.relname, pg_get_constraintdef(con.oid)`);
  const kinds: Record<string, string> = { p: 'primary key', u: 'unique', f: 'foreign key' };
  for (const con of constraints) {
    const what = con.type === 'c' ? `check ${con.name}` : `${kinds[con.type]} (${con.columns})`;
    add(`${con.table} ${what}`, con.def);
  }

  // Indexes of their own; those behind a primary key or unique constraint are compared above.
  const indexes = await rows<{ table: string; name: string; def: string }>(sql`
    select c.relname as "table", i.relname as "name", pg_get_indexdef(x.indexrelid) as "def"
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${namespace}
      and not exists (select 1 from pg_constraint con where con.conindid = x.indexrelid and con.contype in ('p', 'u', 'x'))`);
  for (const index of indexes) add(`${index.table} index ${index.name}`, index.def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '$1'));
  return facts;
}

/** One line per difference; a missing or unknown table is one line, not one per column. */
function differences(expected: Map<string, string>, found: Map<string, string>): string[] {
  const tableOf = (key: string) => (key.startsWith('table ') ? null : key.split(/[. ]/)[0]!);
  const skip = (key: string, other: Map<string, string>) => {
    const table = tableOf(key);
    return table !== null && !other.has(`table ${table}`);
  };
  const problems: string[] = [];
  for (const [key, value] of expected) {
    if (skip(key, found)) continue;
    const actual = found.get(key);
    if (actual === undefined) problems.push(`${key}: expected ${value}, found nothing (no migration creates it)`);
    else if (actual !== value) problems.push(`${key}: expected ${value}, found ${actual}`);
  }
  for (const [key, value] of found) {
    if (expected.has(key) || skip(key, expected)) continue;
    problems.push(`${key}: found ${value} in the database, but the drizzle schema does not declare it`);
  }
  return problems.sort();
}

test('the drizzle schema and the migrated database agree on every table, column, constraint and index', async () => {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  expect(tables.length).toBeGreaterThan(15);
  const problems = await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`CREATE SCHEMA ${quote(SHADOW)}`));
    for (const statement of shadowDdl(tables)) {
      await tx.execute(sql.raw(statement)).catch((error: unknown) => {
        throw new Error(`the drizzle schema does not build: ${statement}: ${String(error)}`);
      });
    }
    await tx.execute(sql`set local search_path = public`);
    const found = await catalog(tx, 'public');
    const expected = await catalog(tx, SHADOW);
    await tx.execute(sql.raw(`DROP SCHEMA ${quote(SHADOW)} CASCADE`));
    return differences(expected, found);
  });
  expect(problems).toEqual([]);
});

test('reports a mismatch by what it is, with what the schema expects and what the database holds', () => {
  const expected = new Map([['table t', 'a table'], ['t.a', 'text NOT NULL'], ['t index t_a_idx', 'USING btree (a)'], ['table gone', 'a table'], ['gone.x', 'text NULL']]);
  const found = new Map([['table t', 'a table'], ['t.a', 'text NULL'], ['t.b', 'integer NULL'], ['table extra', 'a table'], ['extra.y', 'text NULL']]);
  expect(differences(expected, found)).toEqual([
    't index t_a_idx: expected USING btree (a), found nothing (no migration creates it)',
    't.a: expected text NOT NULL, found text NULL',
    't.b: found integer NULL in the database, but the drizzle schema does not declare it',
    'table extra: found a table in the database, but the drizzle schema does not declare it',
    'table gone: expected a table, found nothing (no migration creates it)',
  ]);
});

test('keeps the pending lists of GIN indexes short on every connection, so no insert merges a long one', async () => {
  const shown = (await database.db.execute(sql`show gin_pending_list_limit`)) as unknown as { rows: { gin_pending_list_limit: string }[] };
  expect(shown.rows[0]!.gin_pending_list_limit).toBe('256kB');
});
