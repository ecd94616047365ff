/**
 * demo.year: `cozum demo` for Samsun 2025 at scale 1.0 (1,127,308 calls, 446,524 requests and
 * their satisfaction answers) on PostgreSQL, against a raw COPY of the same rows into tables
 * of the same shape without indexes or triggers. Budget: at most 120 s.
 */
import { DEFAULT_TIME_ZONE } from '@cozum/domain';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { writeDemoYear } from '../../../packages/server/src/demo/demo-year.js';
import { CONTACT_COLUMNS, REQUEST_COLUMNS, generateYear, type DemoReference } from '../../../packages/server/src/demo/generate.js';
import { resolveTargets } from '../../../packages/server/src/demo/targets.js';
import { seedReference } from '../../../packages/server/src/seed/places-holidays-taxonomy.js';
import { openBenchDatabase } from '../lib/engines.js';
import type { Scenario } from './types.js';

export const demoYear: Scenario = {
  name: 'demo.year',
  summary: 'cozum demo --year 2025 at scale 1.0 (1.13 M calls, 446,524 requests) vs a raw COPY of its rows (budget: ≤ 120 s)',
  engines: ['postgresql'],
  async run(engine) {
    const bench = await openBenchDatabase(engine);
    try {
      await bench.database.db.transaction((tx) => seedReference(tx));
      const targets = resolveTargets({ city: 'samsun', year: 2025, scale: 1 });
      const client = await bench.database.pool!.connect();
      let reference: number;
      try {
        // The reference: the same kind of rows, made before the clock starts, copied bare.
        const { rows: categories } = await client.query(`select id, code, name_tr as "nameTr", request_type as "requestType", default_unit_id as "unitId", sla_hours as "slaHours", sla_business_hours as "slaBusinessHours" from categories where default_unit_id is not null`);
        const { rows: places } = await client.query(`select district_id as "districtId", id as "neighbourhoodId", name, population from neighbourhoods`);
        const reference0: DemoReference = { categories, places, holidays: new Map() };
        const contacts: string[] = [];
        const requests: string[] = [];
        for (const chunk of generateYear(reference0, { year: 2025, timeZone: DEFAULT_TIME_ZONE, seed: 1, targets, firstRequestId: 1, firstTrackingSeq: 1 })) {
          contacts.push(...chunk.contacts);
          requests.push(...chunk.requests);
        }
        await client.query('create table bench_contacts (like contacts including defaults); create table bench_requests (like requests including defaults)');
        const t0 = performance.now();
        await pipeline(Readable.from(requests.map((r) => `${r}\n`)), client.query(copyFrom(`copy bench_requests (${REQUEST_COLUMNS.join(', ')}) from stdin`)));
        await pipeline(Readable.from(contacts.map((r) => `${r}\n`)), client.query(copyFrom(`copy bench_contacts (${CONTACT_COLUMNS.join(', ')}) from stdin`)));
        reference = (performance.now() - t0) / 1000;
        await client.query('drop table bench_contacts; drop table bench_requests');
      } finally {
        client.release();
      }
      const summary = await writeDemoYear(bench.database, { year: 2025, seed: 1, targets });
      if (summary.offered !== 1_127_308 || summary.requests !== 446_524) throw new Error(`demo wrote ${summary.offered} calls and ${summary.requests} requests`);
      const value = summary.seconds;
      return [{ scenario: 'demo.year', engine, value, unit: 's', reference, ratio: value / reference, budget: '≤ 120 s', ok: value <= 120 }];
    } finally {
      await bench.dispose();
    }
  },
};
