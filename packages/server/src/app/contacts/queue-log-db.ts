/**
 * A queue_log table read straight from the PBX's database, PostgreSQL or MySQL/MariaDB
 * (Asterisk realtime: time, callid, queuename, agent, event, data1..data5). Rows come oldest
 * first, in one read-only snapshot in which they are also counted, so `read.rows` is exactly
 * what the snapshot holds and the caller can compare it with the lines imported. Columns are
 * mapped as for a CSV export (queue-log-table.ts).
 *
 * `read.after` is where `--follow` goes on from: the largest id read when the table has an
 * integer `id` column (Asterisk's tables do), so rows written later with the same time are not
 * missed; else the last time read.
 */
import mysql from 'mysql2';
import pg from 'pg';
import { fieldError } from '@cozum/domain';
import { detectColumns, rowToLine, type ColumnMap, type TableLine } from './queue-log-table.js';

export interface TableSourceOptions {
  table: string;
  columns?: ColumnMap;
  timeZone: string;
  /** Only rows after this position (a previous read's `after`). */
  after?: string | null;
}

export interface TableRead {
  /** Rows in the snapshot (after `options.after`), counted before they are read. */
  rows: number;
  after: string | null;
}

/** `queue_log` or `schema.queue_log`, as its parts; anything else is refused before it reaches SQL. */
function tableParts(table: string): string[] {
  const parts = table.split('.');
  if (parts.length > 2 || !parts.every((part) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(part))) throw fieldError('table', 'pattern', `'${table.slice(0, 60)}' is not a table name such as queue_log or asterisk.queue_log`);
  return parts;
}

interface Plan {
  map: ColumnMap;
  /** The integer id column --follow goes on from, if the table has one. */
  id: string | undefined;
  /** Columns to select: the mapped ones and the id. */
  select: string[];
}

function plan(columns: { name: string; type: string }[], integerTypes: string[], given: ColumnMap | undefined): Plan {
  const map = detectColumns(columns.map((c) => c.name), given);
  const id = columns.find((c) => c.name.toLowerCase() === 'id' && integerTypes.includes(c.type.toLowerCase()))?.name;
  return { map, id, select: [...new Set([...Object.values(map), ...(id ? [id] : [])])] };
}

/** Yields each row as a line and moves `read.after` on. */
function* rowLines(rows: Record<string, string | null>[], { map, id }: Plan, timeZone: string, read: TableRead, timeSuffix = ''): Generator<TableLine> {
  for (const row of rows) {
    const time = row[map.time!];
    if (id !== undefined) {
      const value = row[id];
      if (value !== null && value !== undefined && (read.after === null || BigInt(value) > BigInt(read.after))) read.after = value;
    } else if (time !== null && time !== undefined) read.after = time;
    yield rowToLine(timeSuffix && time ? { ...row, [map.time!]: time + timeSuffix } : row, map, timeZone);
  }
}

export async function* postgresTableLines(url: string, options: TableSourceOptions, read: TableRead): AsyncGenerator<TableLine> {
  const table = tableParts(options.table);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const found = await client.query<{ name: string; type: string }>(
      `select column_name as name, data_type as type from information_schema.columns where table_name = $1 and table_schema = coalesce($2, current_schema()) order by ordinal_position`,
      [table[table.length - 1], table.length === 2 ? table[0] : null],
    );
    if (!found.rows.length) throw fieldError('table', 'not_found', `no table ${options.table} in that database`, { id: options.table });
    const p = plan(found.rows, ['smallint', 'integer', 'bigint'], options.columns);
    const quoted = table.map((part) => `"${part}"`).join('.');
    const column = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const position = column(p.id ?? p.map.time!);
    // The parameter takes the column's own type, so times and ids compare as such, not as text.
    const where = options.after ? `where ${position} > $1` : '';
    const params = options.after ? [options.after] : [];
    read.rows = Number((await client.query<{ n: string }>(`select count(*) as n from ${quoted} ${where}`, params)).rows[0]!.n);
    const order = [column(p.map.time!), ...(p.id ? [column(p.id)] : [])].join(', ');
    await client.query(`declare queue_log_rows no scroll cursor for select ${p.select.map((c) => `${column(c)}::text as ${column(c)}`).join(', ')} from ${quoted} ${where} order by ${order}`, params);
    for (;;) {
      const batch = await client.query<Record<string, string | null>>('fetch 5000 from queue_log_rows');
      if (!batch.rows.length) break;
      yield* rowLines(batch.rows, p, options.timeZone, read);
    }
    await client.query('commit');
  } finally {
    await client.end();
  }
}

/**
 * The same from MySQL or MariaDB (mysql:// or mariadb://), streamed row by row from one
 * `START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY`. The session runs in UTC, so a
 * TIMESTAMP time column is read as UTC; a DATETIME one is the PBX's local time, read in
 * `--time-zone`.
 */
export async function* mysqlTableLines(url: string, options: TableSourceOptions, read: TableRead): AsyncGenerator<TableLine> {
  const table = tableParts(options.table);
  // The callback connection streams; its promise() face runs the rest.
  const raw = mysql.createConnection({ uri: url.replace(/^mariadb:/, 'mysql:'), dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
  const connection = raw.promise();
  let ended = false;
  try {
    // Timestamps come out in UTC (an offset, because named zones need MySQL's zone tables loaded).
    await connection.query(`set session time_zone = '+00:00'`);
    // The consistent snapshot needs repeatable read, whatever the server's default.
    await connection.query('set session transaction isolation level repeatable read');
    await connection.query('start transaction with consistent snapshot, read only');
    const [found] = await connection.query<(mysql.RowDataPacket & { name: string; type: string })[]>(
      'select column_name as name, data_type as type from information_schema.columns where table_name = ? and table_schema = coalesce(?, database()) order by ordinal_position',
      [table[table.length - 1], table.length === 2 ? table[0] : null],
    );
    if (!found.length) throw fieldError('table', 'not_found', `no table ${options.table} in that database`, { id: options.table });
    const p = plan(found, ['tinyint', 'smallint', 'mediumint', 'int', 'bigint'], options.columns);
    const timeType = found.find((c) => c.name === p.map.time)!.type.toLowerCase();
    const quoted = table.map((part) => `\`${part}\``).join('.');
    const column = (name: string) => `\`${name.replace(/`/g, '``')}\``;
    const position = column(p.id ?? p.map.time!);
    const where = options.after ? `where ${position} > ?` : '';
    const params = options.after ? [options.after] : [];
    const [[count]] = await connection.query<(mysql.RowDataPacket & { n: string | number })[]>(`select count(*) as n from ${quoted} ${where}`, params);
    read.rows = Number(count!.n);
    const order = [column(p.map.time!), ...(p.id ? [column(p.id)] : [])].join(', ');
    const rows = raw.query(`select ${p.select.map((c) => `cast(${column(c)} as char) as ${column(c)}`).join(', ')} from ${quoted} ${where} order by ${order}`, params).stream();
    for await (const row of rows as AsyncIterable<Record<string, string | null>>) yield* rowLines([row], p, options.timeZone, read, timeType === 'timestamp' ? 'Z' : '');
    await connection.query('commit');
    await connection.end();
    ended = true;
  } finally {
    // Left mid-stream (the import failed): the connection still carries the query, so cut it.
    if (!ended) connection.destroy();
  }
}
