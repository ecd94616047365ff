/**
 * One database handle for both engines: embedded PGlite (default) or PostgreSQL through a
 * `pg` pool when DATABASE_URL is set. Queries receive an `Executor` explicitly, so work
 * inside a transaction never escapes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { lockDataDir, type DirLock } from './lock.js';
import { ADVISORY_LOCKS } from './advisory-locks.js';

export type Schema = typeof schema;
export type Executor = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Engine = 'pglite' | 'postgresql';

export interface Database {
  engine: Engine;
  db: Executor;
  /** Where the data lives, for messages: the folder or the URL without its password. */
  location: string;
  /** PGlite instance when engine is pglite; the pool when postgresql. For bulk COPY. */
  pglite?: PGlite;
  pool?: pg.Pool;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Return bigint counts and numerics as JS numbers: our ids and counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface OpenOptions {
  databaseUrl: string | null;
  /** PGlite folder; null keeps PGlite in memory (tests). */
  dataDir: string | null;
  poolSize?: number;
  /** Start an in-memory PGlite from a dumped data folder (tests). */
  pgliteSnapshot?: Blob;
  /** PGlite's shared_buffers in MB (PGLITE_SHARED_BUFFERS_MB); default 64. */
  pgliteSharedBuffersMb?: number;
}

/**
 * PGlite runs inside the server process, so its page cache is the server's memory. Its own
 * default (PostgreSQL's 128 MB) alone takes a third of a small server's budget; 64 MB keeps the
 * working set of the rollups and indexes, and the operating system caches the files beyond it.
 */
export const PGLITE_SHARED_BUFFERS_MB = 64;

/**
 * New GIN index entries (the requests' text search) wait in a pending list that the insert
 * passing its limit merges into the index. At PostgreSQL's default of 4 MB that merge held an
 * intake batch for tens of milliseconds under load; at 256 kB each merge is short (bench
 * requests.create: p99 42 ms before, 28 ms after) and searches read less unmerged list. Set per
 * session, so a bulk load can raise it for its own transaction (`cozum demo` does).
 */
export const GIN_PENDING_LIST_LIMIT = '256kB';

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgresql://…';
  }
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.pgliteSnapshot, options.pgliteSharedBuffersMb ?? PGLITE_SHARED_BUFFERS_MB);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, options: `-c gin_pending_list_limit=${GIN_PENDING_LIST_LIMIT}` });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const db = drizzlePg(pool, { schema }) as unknown as Executor;
  return {
    engine: 'postgresql',
    db,
    pool,
    location: redactUrl(url),
    async migrate() {
      // Several processes may start at once: one migrates, the others wait for it.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [ADVISORY_LOCKS.migrations]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [ADVISORY_LOCKS.migrations]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | null, snapshot: Blob | undefined, sharedBuffersMb: number): Promise<Database> {
  let lock: DirLock | undefined;
  let folder: string | undefined;
  if (dataDir) {
    lock = lockDataDir(dataDir);
    folder = path.join(dataDir, 'pglite');
    fs.mkdirSync(folder, { recursive: true });
  }
  try {
    const client = await PGlite.create({
      dataDir: folder,
      loadDataDir: snapshot,
      extensions: { pg_trgm, unaccent },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersMb}MB`, '-c', `gin_pending_list_limit=${GIN_PENDING_LIST_LIMIT}`],
    });
    const db = drizzlePglite(client, { schema }) as unknown as Executor;
    return {
      engine: 'pglite',
      db,
      pglite: client,
      location: folder ?? 'memory',
      migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
