/**
 * report.year: the annual report of Samsun 2025 compared with 2024 (the demo years at scale
 * 1.0: 1.98 M calls, 775,000 requests) against a bare count(*) GROUP BY month over the same
 * year's calls, with the process's resident memory sampled while the report runs (the server
 * is this process). Budgets: at most 500 ms on PostgreSQL and 2 s on PGlite; memory at most
 * 400 MB.
 */
import { buildReport, yearPeriod } from '../../../packages/server/src/app/reports/report.js';
import { writeDemoYear } from '../../../packages/server/src/demo/demo-year.js';
import { resolveTargets } from '../../../packages/server/src/demo/targets.js';
import { seedReference } from '../../../packages/server/src/seed/reference.js';
import { openBenchDatabase, rawQuery } from '../lib/engines.js';
import type { Scenario } from './types.js';

async function median(run: () => Promise<unknown>, times: number): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    took.push(performance.now() - start);
  }
  took.sort((a, b) => a - b);
  return took[Math.floor(took.length / 2)]!;
}

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
      const period = yearPeriod(2025);
      const compare = yearPeriod(2024);
      const query = rawQuery(bench);
      const reference = await median(() => query(`select date_trunc('month', offered_at at time zone 'UTC' + interval '3 hours'), count(*) from contacts where offered_at >= $1 and offered_at < $2 group by 1`, [period.from.toISOString(), period.to.toISOString()]), 5);
      global.gc?.();
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      let value: number;
      try {
        value = await median(() => buildReport(bench.database.db, period, compare), 5);
      } finally {
        clearInterval(sampler);
      }
      const report = await buildReport(bench.database.db, period, compare);
      if (report.answered !== 1_059_219 || report.instant !== 612_695 || report.routed !== 446_524 || report.compare?.answered !== 780_000) throw new Error(`report.year read ${report.answered} answered, ${report.instant} instant, ${report.routed} routed`);
      const budget = engine === 'postgresql' ? 500 : 2000;
      const mb = peak / 1024 / 1024;
      return [
        { scenario: 'report.year', engine, value, unit: 'ms', reference, ratio: value / reference, budget: `≤ ${budget} ms`, ok: value <= budget },
        { scenario: 'report.year.rss', engine, value: mb, unit: 'MB', reference: mb, ratio: 1, budget: '≤ 400 MB', ok: mb <= 400 },
      ];
    } finally {
      await bench.dispose();
    }
  },
};
