/**
 * write.create: an authenticated write through the whole API (session, validation, a use
 * case in a transaction with its audit row) against a bare Fastify route doing one INSERT
 * into the same engine.
 */
import { runLoad } from '../lib/load.js';
import { startApp, startInsertReference } from '../lib/apps.js';
import { openBenchDatabase } from '../lib/engines.js';
import type { Scenario } from './types.js';

export const writeCreate: Scenario = {
  name: 'write.create',
  summary: 'POST /api/v1/units (signed in, validated, audited) vs one raw INSERT',
  engines: ['pglite', 'postgresql'],
  async run(engine, options) {
    const bench = await openBenchDatabase(engine);
    const connections = options.connections ?? 10;
    try {
      const reference = await startInsertReference(bench);
      const ref = await runLoad({ url: reference.url, method: 'POST', body: '{"code":"r-{n}","name":"Referans birim"}', connections, durationSeconds: options.durationSeconds });
      await reference.app.close();

      const { app, base, signIn } = await startApp(bench.database);
      const headers = await signIn('admin');
      const api = await runLoad({ url: `${base}/api/v1/units`, method: 'POST', headers, body: '{"code":"b-{n}","nameTr":"Ölçüm birimi","nameEn":"Bench unit"}', connections, durationSeconds: options.durationSeconds });
      await app.close();
      return [{ scenario: 'write.create', engine, value: api.requestsPerSecond, unit: 'req/s', reference: ref.requestsPerSecond, ratio: api.requestsPerSecond / ref.requestsPerSecond, p50: api.p50, p99: api.p99, referenceP50: ref.p50, referenceP99: ref.p99 }];
    } finally {
      await bench.dispose();
    }
  },
};
