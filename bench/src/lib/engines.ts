/** Databases for benchmarks: PGlite in a temporary folder, PostgreSQL in a fresh database. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_TIME_ZONE } from '@cozum/domain';
import { openDatabase, type Database, type Engine } from '../../../packages/server/src/db/client.js';
import { setCityTimeZone } from '../../../packages/server/src/db/city-time-zone.js';

const SERVER = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  database: Database;
  /** Opens a second handle on the same data, for a reference server (PostgreSQL only). */
  url: string | null;
  dispose(): Promise<void>;
}

export async function openBenchDatabase(engine: Engine): Promise<BenchDatabase> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-bench-'));
    const database = await openDatabase({ databaseUrl: null, dataDir: dir });
    await database.migrate();
    await setCityTimeZone(database.db, DEFAULT_TIME_ZONE);
    return {
      database,
      url: null,
      async dispose() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `cozum_bench_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 10 });
  await database.migrate();
  await setCityTimeZone(database.db, DEFAULT_TIME_ZONE);
  return {
    database,
    url: url.toString(),
    async dispose() {
      await database.close();
      const drop = new pg.Client({ connectionString: SERVER });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/** Runs one raw SQL statement on the engine, outside drizzle: the references use it. */
export function rawQuery(bench: BenchDatabase): (text: string, params: unknown[]) => Promise<unknown> {
  if (bench.database.pglite) return (text, params) => bench.database.pglite!.query(text, params);
  return (text, params) => bench.database.pool!.query(text, params);
}
