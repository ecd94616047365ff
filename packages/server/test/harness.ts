/**
 * Test harness: a server on a fresh database of the engine under test, built with
 * buildServer (no port), and helpers to sign in as any role.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { UNIT_SCOPED_ROLES, type Role } from '@cozum/domain';
import { eq } from 'drizzle-orm';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { setCityTimeZone } from '../src/db/city-time-zone.js';
import { units } from '../src/db/schema.js';
import { buildServer, type Deps } from '../src/http/server.js';
import { createUser } from '../src/app/users.js';
import { startWorkers, type Workers } from '../src/workers/index.js';
import { adminQuery, databaseUrl, testEngine, uniqueName } from './engines.js';
import { recordPersonalValues, testLogFile } from './log-check.js';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Signs in a new user of that role; returns headers that carry the session and CSRF header. */
  signIn(role: Role, options?: { unitCode?: string; username?: string }): Promise<Record<string, string>>;
  /** Starts the background loops (the outbox dispatcher among them) on this server; close() stops them first. */
  startWorkers(): Workers;
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<Config>;
  now?: () => Date;
  webDist?: string | null;
  logStream?: Deps['logStream'];
}

export async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (testEngine() === 'postgresql') {
    const name = uniqueName('cozum_test');
    await adminQuery(`create database ${name} template ${inject('pgTemplate')}`);
    const database = await openDatabase({ databaseUrl: databaseUrl(name), dataDir: null });
    return { database, drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
  }
  const snapshot = new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);
  const database = await openDatabase({ databaseUrl: null, dataDir: null, pgliteSnapshot: snapshot });
  return { database, drop: async () => undefined };
}

/** A database of this test file's own: opened before its tests (handed to `receive`), closed and dropped after them. */
export function useTestDatabase(receive: (database: Database) => void): void {
  let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase();
    receive(opened.database);
  });
  afterAll(async () => {
    await opened?.database.close();
    await opened?.drop();
  });
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-test-data-'));
  return { ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir, sessionSecret: 'x'.repeat(32), demoAccounts: false, workers: false, ...overrides };
}

let counter = 0;

export async function startTestApp(options: TestAppOptions = {}): Promise<TestContext> {
  const { database, drop } = await openTestDatabase();
  // Every test server logs at debug to the run's log folder; the global teardown greps it for
  // the personal values the tests sent (see log-check.ts).
  const config = testConfig({ logLevel: 'debug', ...options.config });
  // As start-up does (openAndMigrate): the database learns the city's zone from the config.
  await setCityTimeZone(database.db, config.cityTimeZone);
  const log = testLogFile();
  const logStream = { write: (line: string) => { log.write(line); options.logStream?.write(line); } };
  const app = await buildServer({ config, database, now: options.now ?? (() => new Date()), webDist: options.webDist ?? null, logStream });
  recordInjectedValues(app);
  const signIn = async (role: Role, opts: { unitCode?: string; username?: string } = {}) => {
    const username = opts.username ?? `${role}-${++counter}`;
    let unitId: number | null = null;
    if (UNIT_SCOPED_ROLES.includes(role) || opts.unitCode) {
      const [unit] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, opts.unitCode ?? 'saski-su-ariza'));
      unitId = unit!.id;
    }
    const password = 'correct-horse-battery';
    await createUser(database.db, null, { username, displayName: `Test ${role}`, password, role, unitId });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in as ${role} failed: ${res.statusCode} ${res.body}`);
    return { cookie: sessionCookie(res), 'x-cozum-csrf': '1' };
  };
  let workers: Workers | undefined;
  return {
    app,
    database,
    config,
    signIn,
    startWorkers() {
      workers = startWorkers(database.db, config, app.log);
      return workers;
    },
    async close() {
      await workers?.stop();
      await app.close();
      log.close();
      await database.close();
      await drop();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A server of this test file's own: started before its tests (handed to `receive`, which signs in
 * the sessions they use), closed after them. `timeout` is the start's, as beforeAll takes it.
 */
export function useTestApp(receive: (t: TestContext) => unknown, options: TestAppOptions & { timeout?: number } = {}): void {
  const { timeout, ...appOptions } = options;
  let started: TestContext | undefined;
  beforeAll(async () => {
    started = await startTestApp(appOptions);
    await receive(started);
  }, timeout);
  afterAll(async () => {
    await started?.close();
  });
}

/** Listens on a free loopback port, for clients that need a real socket (browsers, event streams); answers the base URL. */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** A server for one test: `use` runs against it, and it is closed whatever happens. */
export async function withTestApp<T>(options: TestAppOptions, use: (t: TestContext) => Promise<T>): Promise<T> {
  const t = await startTestApp(options);
  try {
    return await use(t);
  } finally {
    await t.close();
  }
}

/** Every personal value a test sends through inject is written down for the log check. */
function recordInjectedValues(app: FastifyInstance): void {
  const inject = app.inject.bind(app);
  (app as { inject: unknown }).inject = (options?: InjectOptions | string) => {
    if (options !== undefined) recordPersonalValues(options);
    return options === undefined ? inject() : inject(options);
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'cozum_session');
  if (!cookie) throw new Error('no session cookie was set');
  return `cozum_session=${cookie.value}`;
}
