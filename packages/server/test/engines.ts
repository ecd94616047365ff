/**
 * The HTTP suite runs once per engine (see vitest.config.ts). On PostgreSQL, the global
 * setup creates a fresh migrated, seeded template database for the run, and each test file
 * gets its own copy of it; on PGlite each file gets its own in-memory database loaded from a
 * migrated, seeded snapshot.
 */
import pg from 'pg';

export type TestEngine = 'pglite' | 'postgresql';

export const testEngine = (): TestEngine => (process.env.COZUM_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite');

/** An admin connection to the test server: TEST_DATABASE_URL, else the local server. */
export const serverUrl = (): string => process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

export const uniqueName = (prefix: string): string => `${prefix}_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
