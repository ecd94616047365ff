/**
 * Writing many rows in few statements: ids drawn from several sequences in one round trip,
 * and several INSERTs or UPDATEs joined into one statement, which commits or fails as a whole
 * even outside a transaction. Rows travel as one JSON parameter per table (`jsonRows`), so
 * the statement's text and parameter count stay the same whatever the number of rows, and
 * encoding them is one JSON.stringify.
 */
import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

const dialect = new PgDialect();

/**
 * Runs a statement as a prepared statement named after its text, so that PostgreSQL parses and
 * plans it once per connection rather than on every call; with rows passed as parameters
 * (`jsonRows`) the text, and so the name, stays the same whatever the number of rows. For
 * statements run often with few shapes: each shape stays prepared on each connection. (PGlite
 * runs it as usual.)
 */
export async function executePrepared(ex: Executor, query: SQL): Promise<{ rows: Record<string, unknown>[] }> {
  const built = dialect.sqlToQuery(query);
  const name = `c${crypto.createHash('sha1').update(built.sql).digest('base64url').slice(0, 24)}`;
  return (await ex._.session.prepareQuery(built, undefined, name, false).execute()) as { rows: Record<string, unknown>[] };
}

/**
 * `count` values from each named sequence (e.g. `{ citizens_id_seq: 3 }`), in one statement;
 * each list ascending in the order drawn. `alongside`, a scalar expression, is read in the
 * same statement and returned with them.
 */
export async function drawFromSequences<K extends string>(ex: Executor, wanted: Record<K, number>, alongside?: SQL): Promise<{ drawn: Record<K, number[]>; alongside: unknown }> {
  const names = (Object.keys(wanted) as K[]).filter((name) => wanted[name] > 0);
  const drawn = Object.fromEntries((Object.keys(wanted) as K[]).map((name) => [name, [] as number[]])) as Record<K, number[]>;
  if (!names.length && !alongside) return { drawn, alongside: undefined };
  const columns = names.map((name, n) => sql`array(select nextval(${name}::regclass) from generate_series(1, ${wanted[name]}::int)) as ${sql.identifier(`s${n}`)}`);
  if (alongside) columns.push(sql`${alongside} as alongside`);
  const result = await executePrepared(ex, sql`select ${sql.join(columns, sql`, `)}`);
  const row = result.rows[0]!;
  names.forEach((name, n) => (drawn[name] = (row[`s${n}`] as (number | string)[]).map(Number)));
  return { drawn, alongside: row.alongside };
}

/** Several data-modifying statements as one: each becomes a CTE of the last. */
export function oneStatement(writes: SQL[]): SQL {
  if (!writes.length) throw new Error('oneStatement needs at least one write');
  if (writes.length === 1) return writes[0]!;
  const ctes = writes.slice(0, -1).map((write, n) => sql`${sql.identifier(`w${n}`)} as (${write})`);
  return sql`with ${sql.join(ctes, sql`, `)} ${writes.at(-1)!}`;
}

/** One array parameter, cast to its element type for `unnest`. */
export const column = (values: unknown[], type: 'int' | 'bigint' | 'text' | 'float8' | 'timestamptz' | 'jsonb'): SQL => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * Rows as a FROM item named `alias`, read from one JSON parameter: `columns` declares each key
 * read and its type (`'id bigint, name text, data jsonb'`); keys missing from a row read as
 * null, Dates as timestamps. The column `n` numbers the rows from 1 in the order given.
 */
export function jsonRows(rows: readonly object[], columns: string, alias: string): SQL {
  const names = columns.split(',').map((c) => c.trim().split(/\s+/)[0]!).join(', ');
  return sql`rows from (json_to_recordset(${JSON.stringify(rows)}::json) as (${sql.raw(columns)})) with ordinality as ${sql.identifier(alias)}(${sql.raw(names)}, n)`;
}
