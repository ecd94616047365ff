/**
 * report.year: the annual report of Samsun 2025 compared with 2024 (the demo years at scale
 * 1.0: 1.98 M calls, 775,000 requests) against a bare count(*) GROUP BY month over the same
 * year's calls. The report runs in a fresh process that opens the database as a server would
 * (bench/src/lib/report-process.ts), so its peak resident memory is the server's, not that of
 * the process that wrote two years of rows. Budgets: at most 500 ms on PostgreSQL and 2 s on
 * PGlite; memory at most 400 MB.
 */
import { DEFAULT_TIME_ZONE } from '@cozum/domain';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, yearPeriod } from '../../../packages/server/src/app/reports/report.js';
import { writeDemoYear } from '../../../packages/server/src/demo/demo-year.js';
import { resolveTargets } from '../../../packages/server/src/demo/targets.js';
import { seedReference } from '../../../packages/server/src/seed/places-holidays-taxonomy.js';
import { openBenchDatabase, rawQuery } from '../lib/engines.js';
import { median } from '../lib/timing.js';
import type { Scenario } from './types.js';

export const reportYear: Scenario = {
  name: 'report.year',
  summary: 'the 2025 report compared with 2024 over the demo years at scale 1.0 vs a bare GROUP BY (budget: ≤ 500 ms PostgreSQL, ≤ 2 s PGlite, ≤ 400 MB)',
  engines: ['postgresql', 'pglite'],
  async run(engine) {
    const bench = await openBenchDatabase(engine);
    try {
      await bench.database.db.transaction((tx) => seedReference(tx));
      for (const year of [2024, 2025]) await writeDemoYear(bench.database, { year, seed: 1, targets: resolveTargets({ city: 'samsun', year, scale: 1 }) });
      if (bench.database.pool) await bench.database.pool.query('vacuum analyze');
      const period = yearPeriod(2025, DEFAULT_TIME_ZONE);
      const compare = yearPeriod(2024, DEFAULT_TIME_ZONE);
      const query = rawQuery(bench);
      const reference = await median(() => query(`select date_trunc('month', offered_at at time zone $3), count(*) from contacts where offered_at >= $1 and offered_at < $2 group by 1`, [period.from.toISOString(), period.to.toISOString(), DEFAULT_TIME_ZONE]), 5);
      const report = await buildReport(bench.database.db, period, compare);
      if (report.answered !== 1_059_219 || report.instant !== 612_695 || report.routed !== 446_524 || report.compare?.answered !== 780_000) throw new Error(`report.year read ${report.answered} answered, ${report.instant} instant, ${report.routed} routed`);
      // PGlite allows one process per folder: the writer lets go before the server opens it.
      const dataDir = bench.database.pglite ? path.dirname(bench.database.location) : null;
      if (dataDir) await bench.database.close();
      const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../lib/report-process.ts');
      const out = execFileSync(process.execPath, ['--import', 'tsx', script, engine, dataDir ?? bench.url!], { encoding: 'utf8' });
      const child = JSON.parse(out.trim().split('\n').pop()!) as { medianMs: number; peakMb: number; answered: number };
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (child.answered !== 1_059_219) throw new Error(`the server process read ${child.answered} answered calls`);
      const value = child.medianMs;
      const mb = child.peakMb;
      const budget = engine === 'postgresql' ? 500 : 2000;
      const result = [
        { scenario: 'report.year', engine, value, unit: 'ms', reference, ratio: value / reference, budget: `≤ ${budget} ms`, ok: value <= budget },
        { scenario: 'report.year.rss', engine, value: mb, unit: 'MB', reference: mb, ratio: 1, budget: '≤ 400 MB', ok: mb <= 400 },
      ];
      if (dataDir) return result;
      await bench.dispose();
      return result;
    } catch (error) {
      await bench.dispose().catch(() => undefined);
      throw error;
    }
  },
};
