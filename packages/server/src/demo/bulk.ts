/**
 * Bulk writes in one transaction on either engine: COPY through pg-copy-streams on
 * PostgreSQL, COPY from a blob on PGlite (its in-process equivalent of COPY FROM STDIN).
 * Rows are COPY text format lines: tab-separated, \N for null.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db/client.js';

export interface BulkSession {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  copy(table: string, columns: string[], lines: string[]): Promise<void>;
}

const copySql = (table: string, columns: string[], source: string) => `copy ${table} (${columns.join(', ')}) from ${source}`;

export async function inBulkTransaction<T>(database: Database, work: (session: BulkSession) => Promise<T>): Promise<T> {
  if (database.pglite) {
    return database.pglite.transaction(async (tx) =>
      work({
        query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
        async copy(table, columns, lines) {
          if (!lines.length) return;
          await tx.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob([lines.join('\n') + '\n']) });
        },
      }),
    );
  }
  const client = await database.pool!.connect();
  try {
    await client.query('begin');
    const result = await work({
      query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
      async copy(table, columns, lines) {
        if (!lines.length) return;
        await pipeline(Readable.from([lines.join('\n') + '\n']), client.query(copyFrom(copySql(table, columns, 'stdin'))));
      },
    });
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
