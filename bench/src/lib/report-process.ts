/**
 * A fresh server-like process for report.year: opens the database (a PGlite folder or a
 * PostgreSQL URL), runs the 2025 report compared with 2024 five times, and prints the median
 * time and its peak resident memory as JSON. Run by bench/src/scenarios/report-year.ts.
 */
import { DEFAULT_TIME_ZONE } from '@cozum/domain';
import { openDatabase } from '../../../packages/server/src/db/client.js';
import { buildReport, yearPeriod } from '../../../packages/server/src/app/reports/report.js';

const [kind, where] = process.argv.slice(2) as ['pglite' | 'postgresql', string];
const database = await openDatabase(kind === 'pglite' ? { databaseUrl: null, dataDir: where } : { databaseUrl: where, dataDir: null });
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const took: number[] = [];
let answered = 0;
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  const report = await buildReport(database.db, yearPeriod(2025, DEFAULT_TIME_ZONE), yearPeriod(2024, DEFAULT_TIME_ZONE));
  took.push(performance.now() - start);
  answered = report.answered;
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await database.close();
took.sort((a, b) => a - b);
console.log(JSON.stringify({ medianMs: took[2], peakMb: peak / 1024 / 1024, answered }));
