import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_TIME_ZONE } from '@cozum/domain';
import { openDatabase } from '../src/db/client.js';
import { setCityTimeZone } from '../src/db/city-time-zone.js';
import { seedReference } from '../src/seed/places-holidays-taxonomy.js';
import { adminQuery, databaseUrl, serverUrl, uniqueName } from './engines.js';
import { redactUrl } from '../src/db/client.js';
import { checkRunLogs } from './log-check.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  // The project's env reaches its test workers, not this setup: read it from the project.
  const engine = project.config.env?.COZUM_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite';
  // The test servers' logs of this run, checked for personal data when the run ends.
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-test-logs-'));
  project.provide('testLogDir', logDir);
  if (engine === 'postgresql') {
    const template = uniqueName('cozum_test_tpl');
    try {
      await adminQuery(`create database ${template}`);
    } catch (error) {
      throw new Error(`the PostgreSQL tests need a server at ${redactUrl(serverUrl())} (set TEST_DATABASE_URL to use another): ${(error as Error).message}`, { cause: error });
    }
    const database = await openDatabase({ databaseUrl: databaseUrl(template), dataDir: null });
    await database.migrate();
    await setCityTimeZone(database.db, DEFAULT_TIME_ZONE);
    await database.db.transaction((tx) => seedReference(tx));
    await database.close();
    console.log(`[${project.name}] engine: PostgreSQL at ${redactUrl(serverUrl())}, fresh template database ${template}`);
    project.provide('pgTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      // Each file drops its own copy; the template goes last.
      await adminQuery(`drop database if exists ${template} with (force)`).catch(() => undefined);
      checkRunLogs(logDir, project.name);
    };
  }
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await database.migrate();
  await setCityTimeZone(database.db, DEFAULT_TIME_ZONE);
  await database.db.transaction((tx) => seedReference(tx));
  const dump = await database.pglite!.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-test-')), 'snapshot.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  console.log(`[${project.name}] engine: PGlite (in memory, PostgreSQL 18 in WebAssembly), one database per test file`);
  project.provide('pgTemplate', '');
  project.provide('pgliteSnapshot', file);
  return () => {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    checkRunLogs(logDir, project.name);
  };
}
