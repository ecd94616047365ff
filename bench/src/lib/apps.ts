/** The real application and a bare Fastify reference, both listening on loopback. */
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../../../packages/server/src/config.js';
import { buildServer } from '../../../packages/server/src/http/server.js';
import { createUser } from '../../../packages/server/src/app/users.js';
import type { Database } from '../../../packages/server/src/db/client.js';
import { rawQuery, type BenchDatabase } from './engines.js';
import type { Role } from '../../../packages/domain/src/index.js';

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** `webDist`: a build of the web app to serve at `/` (none by default: the API alone). */
export async function startApp(database: Database, options: { webDist?: string } = {}): Promise<{ app: FastifyInstance; base: string; signIn(role: Role, unitId?: number | null): Promise<Record<string, string>> }> {
  const config = { ...loadConfig({ LOG_LEVEL: process.env.BENCH_LOG ?? 'silent' }), sessionSecret: 'bench-'.repeat(6), workers: false, demoAccounts: false };
  const app = await buildServer({ config, database, now: () => new Date(), webDist: options.webDist ?? null });
  const base = await listen(app);
  let n = 0;
  return {
    app,
    base,
    async signIn(role, unitId = null) {
      const username = `bench-${role}-${++n}`;
      await createUser(database.db, null, { username, displayName: username, password: 'bench-password-1', role, unitId });
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench-password-1' }) });
      if (!res.ok) throw new Error(`bench sign-in failed: ${res.status}`);
      return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'x-cozum-csrf': '1' };
    },
  };
}

/** A bare Fastify server with one route: the reference a scenario is measured against. */
export async function startReference(route: { method: 'GET' | 'POST'; handler: (body: unknown) => Promise<unknown> }): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.route({ method: route.method, url: '/ref', handler: async (request) => route.handler(request.body) });
  const base = await listen(app);
  return { app, url: `${base}/ref` };
}

/** The one-INSERT reference route the write scenarios compare against, on the same engine. */
export async function startInsertReference(bench: BenchDatabase): Promise<{ app: FastifyInstance; url: string }> {
  const query = rawQuery(bench);
  await query('create table if not exists bench_ref (id bigserial primary key, code text not null, name text not null)', []);
  return startReference({
    method: 'POST',
    handler: async (body) => {
      const b = body as { code: string; name: string };
      await query('insert into bench_ref (code, name) values ($1, $2)', [b.code, b.name]);
      return { ok: true };
    },
  });
}
