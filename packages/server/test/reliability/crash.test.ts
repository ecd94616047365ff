/**
 * Crash: 2,000 concurrent request creations against a `cozum serve` process, `kill -9`
 * midway, restart. Every request that got a 2xx must be there, complete (its created event,
 * its citizen, its outbox message), and nothing may be half-written. On PostgreSQL and on
 * PGlite with its data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.js';
import { adminQuery, databaseUrl, uniqueName } from '../engines.js';
import { useCleanups } from './cleanups.js';
import { report } from './figures.js';
import { pool, signIn, startServer, type ServerProcess } from './processes.js';

const TOTAL = 2000;
const IN_FLIGHT = 100;
/** Kill when this share of the requests has been answered. */
const KILL_AT = 0.4;
const cleanups = useCleanups();

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> => ((await db.db.execute(query)) as unknown as Rows<T>).rows;

async function crashAndCheck(engine: string, env: Record<string, string>, openAfter: () => Promise<Database>) {
  let server: ServerProcess = await startServer({ ...env, WORKERS: 'false' });
  cleanups.push(() => server.stop());
  const headers = await signIn(server, 'agent', 'agent-cozum-153');
  const categories = (await (await fetch(`${server.url}/api/v1/categories`, { headers })).json()) as { items: { id: number; code: string }[] };
  const categoryId = categories.items.find((c) => c.code === 'su-arizasi')!.id;

  const acknowledged = new Map<number, { trackingNo: string; phone: string }>();
  let answered = 0;
  let killed: Promise<void> | null = null;
  let answeredAtKill = 0;
  const phone = (i: number) => `905${30 + (i % 10)}${String(1_000_000 + i).slice(-7)}`;
  await pool(TOTAL, IN_FLIGHT, async (i) => {
    try {
      const res = await fetch(`${server.url}/api/v1/requests`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ categoryId, channel: 'phone', description: `Crash test ${i}: su borusu patladı`, citizen: { fullName: `Vatandaş ${i}`, phone: `0${phone(i).slice(2)}` } }),
      });
      const body = (await res.json()) as { id: number; trackingNo: string };
      if (res.status === 201) acknowledged.set(body.id, { trackingNo: body.trackingNo, phone: phone(i) });
    } catch {
      // The connection died with the process: not acknowledged, so not promised.
    }
    if (++answered >= TOTAL * KILL_AT && !killed) {
      answeredAtKill = answered;
      killed = server.kill9();
    }
  });
  await killed;
  expect(acknowledged.size).toBeGreaterThan(0);

  // Restart on the same data: it must come up (PGlite takes over the stale lock) and serve.
  server = await startServer({ ...env, WORKERS: 'false' });
  const admin = await signIn(server, 'admin', 'admin-cozum-153');
  const sample = [...acknowledged.keys()].slice(0, 20);
  for (const id of sample) expect((await fetch(`${server.url}/api/v1/requests/${id}`, { headers: admin })).status).toBe(200);
  await server.stop();

  const db = await openAfter();
  try {
    const ids = [...acknowledged.keys()];
    const found = await rows<{ id: string; tracking_no: string; phone: string | null; created: number; sms: number }>(
      db,
      sql`select r.id, r.tracking_no, c.phone,
            (select count(*)::int from request_events e where e.request_id = r.id and e.type = 'created') as created,
            (select count(*)::int from outbox o where o.request_id = r.id and o.kind = 'sms') as sms
          from requests r left join citizens c on c.id = r.citizen_id
          where r.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
    );
    const complete = found.filter((r) => {
      const promised = acknowledged.get(Number(r.id))!;
      return r.tracking_no === promised.trackingNo && r.phone === promised.phone && r.created === 1 && r.sms === 1;
    });
    // Whatever committed, acknowledged or not, is whole: no request without its event or message, no stray rows.
    const [half] = await rows<{ no_event: number; no_sms: number; orphan_events: number; orphan_outbox: number; total: number }>(
      db,
      sql`select
            (select count(*)::int from requests r where r.description like 'Crash test %' and not exists (select 1 from request_events e where e.request_id = r.id and e.type = 'created')) as no_event,
            (select count(*)::int from requests r where r.description like 'Crash test %' and not exists (select 1 from outbox o where o.request_id = r.id and o.kind = 'sms')) as no_sms,
            (select count(*)::int from request_events e where not exists (select 1 from requests r where r.id = e.request_id)) as orphan_events,
            (select count(*)::int from outbox o where o.request_id is not null and not exists (select 1 from requests r where r.id = o.request_id)) as orphan_outbox,
            (select count(*)::int from requests r where r.description like 'Crash test %') as total`,
    );
    const halfWritten = half!.no_event + half!.no_sms + half!.orphan_events + half!.orphan_outbox;
    report(
      { scenario: `crash (${engine})`, measure: 'requests sent at once / answered when killed', value: `${TOTAL} / ${answeredAtKill}`, ok: true },
      { scenario: `crash (${engine})`, measure: 'acknowledged (2xx)', value: acknowledged.size, ok: acknowledged.size > 0 },
      { scenario: `crash (${engine})`, measure: 'found complete after restart', value: complete.length, expected: String(acknowledged.size), ok: complete.length === acknowledged.size },
      { scenario: `crash (${engine})`, measure: 'committed in all (incl. unacknowledged)', value: half!.total, expected: `≥ ${acknowledged.size}`, ok: half!.total >= acknowledged.size },
      { scenario: `crash (${engine})`, measure: 'half-written', value: halfWritten, expected: '0', ok: halfWritten === 0 },
    );
    expect(complete.length).toBe(acknowledged.size);
    expect(halfWritten).toBe(0);
  } finally {
    await db.close();
  }
}

describe('crash', () => {
  it('loses no acknowledged request on PostgreSQL', { timeout: 300_000 }, async () => {
    const name = uniqueName('cozum_crash');
    await adminQuery(`create database ${name}`);
    cleanups.push(() => adminQuery(`drop database if exists ${name} with (force)`));
    const url = databaseUrl(name);
    await crashAndCheck('PostgreSQL', { DATABASE_URL: url, SESSION_SECRET: 'r'.repeat(40), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-crash-pg-')) }, () =>
      openDatabase({ databaseUrl: url, dataDir: null }),
    );
  });

  it('loses no acknowledged request on PGlite', { timeout: 300_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-crash-pglite-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    await crashAndCheck('PGlite', { DATABASE_URL: '', DATA_DIR: dataDir }, () => openDatabase({ databaseUrl: null, dataDir }));
  });
});
