/**
 * `npm run bench [-- --json] [-- --duration S] [-- --connections N] [NAME…]`
 * Runs each scenario on each of its engines and prints its figure beside a reference measured
 * in the same run, with the ratio. Absolute numbers vary between machines; ratios hold.
 */
import { parseArgs } from 'node:util';
import { SCENARIOS } from './scenarios/index.js';
import type { Row } from './scenarios/types.js';

const HELP = `Usage: npm run bench -- [--json] [--duration SECONDS] [--connections N] [--engine pglite|postgresql] [SCENARIO…]

Scenarios:
${SCENARIOS.map((s) => `  ${s.name.padEnd(16)} ${s.summary}`).join('\n')}

PostgreSQL runs use DATABASE_URL's server, else postgresql://postgres@127.0.0.1:5432, in a
fresh database dropped afterwards. --json prints one JSON object per line:
{"scenario","engine","value","unit","reference","ratio",…}.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean' }, duration: { type: 'string' }, connections: { type: 'string' }, engine: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const unknown = positionals.filter((p) => !SCENARIOS.some((s) => s.name === p));
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}\n\n${HELP}`);
  process.exit(2);
}
const durationSeconds = Number(values.duration ?? 8);
const connections = values.connections ? Number(values.connections) : null;
if (!(durationSeconds > 0) || (connections !== null && !(connections > 0))) {
  console.error('--duration and --connections take positive numbers');
  process.exit(2);
}

const fmt = (n: number | undefined, digits = 1) => (n === undefined ? '' : n.toLocaleString('en-US', { maximumFractionDigits: digits }));
const rows: Row[] = [];
let failed = false;
for (const scenario of SCENARIOS.filter((s) => !positionals.length || positionals.includes(s.name))) {
  for (const engine of scenario.engines.filter((e) => !values.engine || e === values.engine)) {
    if (!values.json) process.stderr.write(`running ${scenario.name} on ${engine}…\n`);
    try {
      for (const row of await scenario.run(engine, { durationSeconds, connections })) {
        rows.push(row);
        if (row.ok === false) failed = true;
        if (values.json) console.log(JSON.stringify(row));
      }
    } catch (error) {
      failed = true;
      console.error(`${scenario.name} on ${engine} failed: ${(error as Error).message}`);
    }
  }
}

if (!values.json) {
  const header = ['scenario', 'engine', 'value', 'unit', 'reference', 'ratio', 'p50 ms', 'p99 ms', 'ref p50', 'ref p99', 'budget'];
  const lines = rows.map((r) => [r.scenario, r.engine, fmt(r.value), r.unit, fmt(r.reference), fmt(r.ratio, 2), fmt(r.p50), fmt(r.p99), fmt(r.referenceP50), fmt(r.referenceP99), r.budget ? `${r.ok ? 'ok' : 'MISSED'}: ${r.budget}` : '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const print = (cells: string[]) => console.log(cells.map((c, i) => (i >= 2 && i <= 9 && i !== 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  lines.forEach(print);
}
process.exit(failed ? 1 : 0);
