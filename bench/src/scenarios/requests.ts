/**
 * requests.create: intake through the API (routing, deadlines, citizen, outbox) at 50
 * connections on PostgreSQL, against the bare one-INSERT route in the same run.
 * Budget: ratio ≥ 0.5, p99 ≤ 50 ms.
 *
 * requests.inbox: one page of 50 from a unit holding 100,000 requests, filtered by status and
 * district, against the same page query run raw. Budget: p50 ≤ 50 ms.
 */
import { sql } from 'drizzle-orm';
import { runLoad } from '../lib/load.js';
import { startApp, startInsertReference, startReference } from '../lib/apps.js';
import { openBenchDatabase, rawQuery } from '../lib/engines.js';
import { seedReference } from '../../../packages/server/src/seed/places-holidays-taxonomy.js';
import type { Scenario } from './types.js';

export const requestsCreate: Scenario = {
  name: 'requests.create',
  summary: 'POST /api/v1/requests at 50 connections vs one raw INSERT (budget: ratio ≥ 0.5, p99 ≤ 50 ms)',
  engines: ['postgresql'],
  async run(engine, options) {
    const bench = await openBenchDatabase(engine);
    const connections = options.connections ?? 50;
    try {
      await bench.database.db.transaction((tx) => seedReference(tx));
      const reference = await startInsertReference(bench);
      const ref = await runLoad({ url: reference.url, method: 'POST', body: '{"code":"r-{n}","name":"Referans"}', connections, durationSeconds: options.durationSeconds });
      await reference.app.close();

      const place = (await bench.database.db.execute(sql`
        select c.id as category, n.district_id as district, n.id as neighbourhood
        from categories c, neighbourhoods n where c.code = 'su-arizasi' and n.name = 'Körfez' limit 1`)) as unknown as { rows: { category: number; district: number; neighbourhood: number }[] };
      const p = place.rows[0]!;
      const { app, base, signIn } = await startApp(bench.database);
      const headers = await signIn('agent');
      const body = JSON.stringify({ categoryId: p.category, description: 'Sokakta boru patladı, su akıyor {n}', channel: 'phone', districtId: p.district, neighbourhoodId: p.neighbourhood, citizen: { fullName: 'Ölçüm Vatandaş', email: 'v{n}@example.org' } });
      const api = await runLoad({ url: `${base}/api/v1/requests`, method: 'POST', headers, body, connections, durationSeconds: options.durationSeconds });
      await app.close();
      const ratio = api.requestsPerSecond / ref.requestsPerSecond;
      return [{ scenario: 'requests.create', engine, value: api.requestsPerSecond, unit: 'req/s', reference: ref.requestsPerSecond, ratio, p50: api.p50, p99: api.p99, referenceP50: ref.p50, referenceP99: ref.p99, budget: 'ratio ≥ 0.5, p99 ≤ 50 ms', ok: ratio >= 0.5 && api.p99 <= 50 }];
    } finally {
      await bench.dispose();
    }
  },
};

export const requestsInbox: Scenario = {
  name: 'requests.inbox',
  summary: 'GET a page of 50 of a unit with 100,000 requests, by status and district (budget: p50 ≤ 50 ms)',
  engines: ['postgresql'],
  async run(engine, options) {
    const bench = await openBenchDatabase(engine);
    const connections = options.connections ?? 10;
    try {
      const db = bench.database.db;
      await db.transaction((tx) => seedReference(tx));
      // 100,000 requests in one unit, spread over its city's districts and five statuses, in one statement.
      await db.execute(sql`
        insert into requests (tracking_no, request_type, category_id, status, channel, description, district_id, neighbourhood_id, unit_id, routed_by, created_at, due_at)
        select '2025-' || lpad(g::text, 7, '0'), 'talep', c.id,
               (array['new','assigned','in_progress','resolved','closed'])[1 + g % 5], 'phone',
               'Ölçüm başvurusu ' || g, n.district_id, n.id, c.default_unit_id, 'category_default',
               timestamptz '2025-01-01' + (g || ' minutes')::interval, timestamptz '2025-01-02' + (g || ' minutes')::interval
        from generate_series(1, 100000) g
        join lateral (select id, district_id from neighbourhoods order by id offset (g % 1259) limit 1) n on true
        cross join (select id, default_unit_id from categories where code = 'su-arizasi') c`);
      await db.execute(sql`analyze requests`);
      const target = ((await db.execute(sql`select d.id as district, c.default_unit_id as unit from districts d, categories c where d.name = 'Atakum' and c.code = 'su-arizasi'`)) as unknown as { rows: { district: number; unit: number }[] }).rows[0]!;

      const query = rawQuery(bench);
      const reference = await startReference({
        method: 'GET',
        handler: async () =>
          query(
            `select r.id, r.tracking_no, r.status, r.description, r.due_at, r.created_at from requests r
             where r.unit_id = $1 and r.status = 'new' and r.district_id = $2 order by r.created_at desc, r.id desc limit 50`,
            [target.unit, target.district],
          ),
      });
      const ref = await runLoad({ url: reference.url, method: 'GET', connections, durationSeconds: options.durationSeconds });
      await reference.app.close();

      const { app, base, signIn } = await startApp(bench.database);
      const headers = await signIn('unit_head', target.unit);
      const api = await runLoad({ url: `${base}/api/v1/requests?status=new&districtId=${target.district}&pageSize=50`, method: 'GET', headers, connections, durationSeconds: options.durationSeconds });
      await app.close();
      return [{ scenario: 'requests.inbox', engine, value: api.p50, unit: 'ms p50', reference: ref.p50, ratio: ref.p50 > 0 ? api.p50 / ref.p50 : api.p50, p50: api.p50, p99: api.p99, referenceP50: ref.p50, referenceP99: ref.p99, budget: 'p50 ≤ 50 ms', ok: api.p50 <= 50 }];
    } finally {
      await bench.dispose();
    }
  },
};
