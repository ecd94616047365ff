/**
 * Start-up: config → database (lock, migrate) → reference data → HTTP and workers.
 * Shuts down cleanly on SIGINT/SIGTERM so PGlite flushes and releases its folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ConfigError, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { setCityTimeZone } from './db/city-time-zone.js';
import { buildServer } from './http/server.js';
import { seedReference } from './seed/places-holidays-taxonomy.js';
import { ensureDemoAccounts, type DemoAccount } from './seed/demo-accounts.js';
import { seedCityContent } from './seed/city-content.js';
import { seedDemoIfEmpty, type RecentDemoSummary } from './demo/demo-year.js';
import { startWorkers } from './workers/index.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface Running {
  app: FastifyInstance;
  database: Database;
  address: string;
  demoAccounts: DemoAccount[];
  /** What the start wrote as demo data (`demoScale`), or null when it wrote none. */
  demo: RecentDemoSummary | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * Load what is missing of the reference data and the city's starting content (knowledge base,
   * satisfaction survey, field teams and the bus's route): always safe, each piece goes in once.
   */
  seed: boolean;
  /** Write the last two years of demo calls and requests, up to now, at this scale when the database holds no contacts (`npm start`). */
  demoScale?: number;
  /** Hears the demo's progress: (0, total) once when it starts writing, then the calls written so far. */
  onDemoProgress?: (done: number, total: number) => void;
}

/**
 * Serving sessions (and sealing TOTP secrets, signing survey links) needs SESSION_SECRET: with
 * PostgreSQL it must be given, so every process behind a load balancer shares it; with PGlite
 * and none given, a random secret is made once and kept in DATA_DIR. Other commands never ask.
 */
export function resolveSessionSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  if (config.databaseUrl) throw new ConfigError('SESSION_SECRET', 'to be set (at least 32 characters) to serve sessions when DATABASE_URL is set', '');
  const file = path.join(config.dataDir, 'session-secret');
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  return fs.readFileSync(file, 'utf8').trim();
}

export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteSharedBuffersMb: config.pgliteSharedBuffersMb });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw new Error(`database migration failed on ${database.location}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await setCityTimeZone(database.db, config.cityTimeZone);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export async function startServer(config: Config, options: StartOptions): Promise<Running> {
  // With PostgreSQL a missing secret stops the start before the database is opened; PGlite's
  // is made in DATA_DIR once its lock is held.
  if (config.databaseUrl) config.sessionSecret = resolveSessionSecret(config);
  const database = await openAndMigrate(config);
  try {
    if (options.seed) await database.db.transaction((tx) => seedReference(tx));
    const demo = options.demoScale ? await seedDemoIfEmpty(database, { scale: options.demoScale, now: new Date(), onProgress: options.onDemoProgress }) : null;
    const demoAccounts = config.demoAccounts ? await database.db.transaction((tx) => ensureDemoAccounts(tx)) : [];
    // After the demo accounts: the demo field staff joins the seeded teams.
    if (options.seed) await database.db.transaction((tx) => seedCityContent(tx, new Date()));
    config.sessionSecret = resolveSessionSecret(config);
    const app = await buildServer({ config, database, now: () => new Date(), webDist: WEB_DIST });
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const workers = config.workers ? startWorkers(database.db, config, app.log) : null;
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await app.close();
        await workers?.stop();
        await database.close();
      })());
    return { app, database, address: `http://${shownHost}:${port}`, demoAccounts, demo, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}
