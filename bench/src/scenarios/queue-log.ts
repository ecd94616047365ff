/**
 * queuelog.import: importing a queue_log of 300,000 lines (100,000 answered or abandoned calls)
 * on PostgreSQL, against a raw COPY of the same calls' rows into the contacts table itself (its
 * indexes and the KPI rollup trigger included: what storing those rows costs the database),
 * emptied again before the import runs. Budget: at least 100,000 lines per second and at least
 * 0.5 of the COPY.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { importQueueLog } from '../../../packages/server/src/app/contacts/import-queue-log.js';
import { openBenchDatabase, rawQuery } from '../lib/engines.js';
import type { Scenario } from './types.js';

const CALLS = 100_000;

function makeLog(): { lines: string[]; rows: string[] } {
  const lines: string[] = [];
  const rows: string[] = [];
  const start = 1735678800; // 2025-01-01 00:00 in Türkiye
  for (let i = 0; i < CALLS; i++) {
    const t = start + i * 30;
    const id = `${t}.${i}`;
    const wait = i % 40;
    lines.push(`${t}|${id}|alo153|NONE|ENTERQUEUE||9053${String(i).padStart(8, '0')}|1`);
    if (i % 16 === 0) {
      lines.push(`${t + wait}|${id}|alo153|NONE|ABANDON|1|1|${wait}`, `${t + wait}|NONE|alo153|Agent/${i % 90}|PAUSE|break`);
      rows.push(`phone\t${id}\talo153\t9053${String(i).padStart(8, '0')}\t\\N\t${new Date(t * 1000).toISOString()}\t\\N\t${new Date((t + wait) * 1000).toISOString()}\t${wait}\t\\N\tabandoned`);
    } else {
      const talk = 60 + (i % 300);
      lines.push(`${t + wait}|${id}|alo153|Agent/${i % 90}|CONNECT|${wait}|u|2`, `${t + wait + talk}|${id}|alo153|Agent/${i % 90}|COMPLETECALLER|${wait}|${talk}|1`);
      rows.push(`phone\t${id}\talo153\t9053${String(i).padStart(8, '0')}\tAgent/${i % 90}\t${new Date(t * 1000).toISOString()}\t${new Date((t + wait) * 1000).toISOString()}\t${new Date((t + wait + talk) * 1000).toISOString()}\t${wait}\t${talk}\tanswered`);
    }
  }
  return { lines, rows };
}

export const queueLogImport: Scenario = {
  name: 'queuelog.import',
  summary: `import a ${3 * CALLS / 1000}k-line queue_log vs a raw COPY of its rows (budget: ≥ 100,000 lines/s and ≥ 0.5 of COPY)`,
  engines: ['postgresql'],
  async run(engine) {
    const bench = await openBenchDatabase(engine);
    try {
      const { lines, rows } = makeLog();
      const client = await bench.database.pool!.connect();
      let copySeconds: number;
      try {
        const t0 = performance.now();
        await pipeline(
          Readable.from(rows.map((r) => `${r}\n`)),
          client.query(copyFrom('copy contacts (channel, external_id, queue, caller_number, agent_name, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, exit_reason) from stdin')),
        );
        copySeconds = (performance.now() - t0) / 1000;
        await client.query('truncate contacts, contact_rollup');
        await client.query('vacuum analyze contacts');
      } finally {
        client.release();
      }
      const t1 = performance.now();
      const report = await bench.database.db.transaction((tx) => importQueueLog(tx, lines));
      const importSeconds = (performance.now() - t1) / 1000;
      const [stored] = (await rawQuery(bench)('select count(*)::int as n from contacts', []) as { rows: { n: number }[] }).rows;
      if (report.calls !== CALLS || report.newCalls !== CALLS || stored?.n !== CALLS || report.malformed.length) throw new Error(`imported ${report.calls} calls (${report.newCalls} new, ${stored?.n} stored) with ${report.malformed.length} malformed lines`);
      const value = lines.length / importSeconds;
      const reference = lines.length / copySeconds;
      return [{ scenario: 'queuelog.import', engine, value, unit: 'lines/s', reference, ratio: value / reference, budget: '≥ 100,000 lines/s, ratio ≥ 0.5', ok: value >= 100_000 && value / reference >= 0.5 }];
    } finally {
      await bench.dispose();
    }
  },
};
