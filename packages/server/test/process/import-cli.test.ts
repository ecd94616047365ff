/**
 * The importers as an administrator runs them, on both engines: every line of the file is read
 * and said so, malformed lines are reported with their numbers and skipped, and PGlite and
 * PostgreSQL end with the same figures. Before, on PostgreSQL, readline lost the lines it
 * emitted while the import awaited the database (5,539 of these 30,000 lines were read), and a
 * caller number in a numeric field aborted the whole import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, databaseUrl, testEngine, uniqueName } from '../engines.js';
import { cozumInProcess, cozumSpawned, type CliResult } from './cozum.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-import-cli-'));
const pgName = uniqueName('cozum_import_cli');
const engines = {
  pglite: { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'warn' },
  postgresql: { ...process.env, DATA_DIR: path.join(dir, 'unused'), DATABASE_URL: databaseUrl(pgName), SESSION_SECRET: 's'.repeat(40), LOG_LEVEL: 'warn' },
};
// In this process (output and exit code, see ./cozum.ts); one re-import below is spawned.
const cozum = (engine: keyof typeof engines, ...args: string[]): Promise<CliResult> => cozumInProcess(engines[engine], args);

/** A day of calls, 30,000 lines: every sixth call abandoned, the others answered. */
function queueLog(lines: number): { text: string; offered: number; answered: number; abandoned: number } {
  const out: string[] = [];
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  for (let i = 0; out.length + 3 <= lines - 4; i++) {
    const t = Date.parse('2025-03-10T05:00:00Z') / 1000 + i * 2;
    const id = `c${i}`;
    const agent = `SIP/${1000 + (i % 20)}`;
    out.push(`${t}|${id}|q${i % 3}|NONE|ENTERQUEUE||90532${String(i).padStart(7, '0')}|1`);
    offered++;
    if (i % 6 === 0) {
      out.push(`${t + 12}|${id}|q${i % 3}|NONE|ABANDON|1|1|12`);
      abandoned++;
    } else {
      out.push(`${t + 5}|${id}|q${i % 3}|${agent}|CONNECT|5|u|2`, `${t + 95}|${id}|q${i % 3}|${agent}|COMPLETECALLER|5|90|1`);
      answered++;
    }
  }
  while (out.length < lines - 4) out.push(`${Date.parse('2025-03-10T19:00:00Z') / 1000}|NONE|NONE|SIP/1000|UNPAUSEALL|`);
  // Two malformed lines, reported and skipped: a caller number shifted into calltime, and noise.
  out.push('1741590000|bad1|q0|SIP/1000|COMPLETECALLER|5|905321112233|1', 'this is not a queue_log line');
  // A call at the end, the file's last line without a newline.
  const t = Date.parse('2025-03-10T20:00:00Z') / 1000;
  out.push(`${t}|last|q0|NONE|ENTERQUEUE||905320000000|1`, `${t + 3}|last|q0|NONE|ABANDON|1|1|3`);
  return { text: out.join('\r\n'), offered: offered + 1, answered, abandoned: abandoned + 1 };
}

beforeAll(async () => {
  if (testEngine() === 'pglite') await adminQuery(`create database ${pgName}`);
});
afterAll(async () => {
  if (testEngine() === 'pglite') await adminQuery(`drop database if exists ${pgName} with (force)`);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(testEngine() === 'pglite')('cozum import, on PGlite and on PostgreSQL', () => {
  it('reads every line of a 30,000-line queue_log, reports the bad ones, and both engines agree', { timeout: 600_000 }, async () => {
    const file = path.join(dir, 'queue_log');
    const log = queueLog(30_000);
    fs.writeFileSync(file, log.text);
    const kpis: unknown[] = [];
    for (const engine of ['postgresql', 'pglite'] as const) {
      const res = await cozum(engine, 'import', 'queue-log', file);
      expect(res, engine).toMatchObject({ code: 0, stdout: expect.stringContaining('30000 lines in the file, 30000 read: 29998 events imported, 2 skipped') });
      expect(res.stderr).toContain('line 29997: data2 (calltime) of COMPLETECALLER has 12 digits');
      expect(res.stderr).toContain("line 29998: expected at least 5 fields separated by '|'");
      expect(res.stderr).not.toContain('905321112233');
      const kpi = await cozum(engine, 'kpi', '--from', '2025-03-10', '--to', '2025-03-11', '--by', 'day', '--json');
      const rows = (JSON.parse(kpi.stdout) as { rows: { offered: number; answered: number; abandoned: number }[] }).rows;
      expect(rows, engine).toEqual([expect.objectContaining({ offered: log.offered, answered: log.answered, abandoned: log.abandoned })]);
      kpis.push(rows);
    }
    expect(kpis[1]).toEqual(kpis[0]);
    // Again, as a user runs it in a process of its own: every line read, nothing new.
    expect(await cozumSpawned(engines.postgresql, ['import', 'queue-log', file], { timeout: 180_000 })).toMatchObject({ code: 0, stdout: expect.stringContaining(`${log.offered} calls (0 new, ${log.offered} already known)`) });
  });

  it('reads every line of the bank log on both engines and skips what does not fit a number', { timeout: 300_000 }, async () => {
    const file = path.join(dir, 'bank.csv');
    const slice = fs.readFileSync(path.join(FIXTURES, 'call-centre', 'anonymous_bank_calls_1999-08_part1_first2000.csv'), 'utf8').trimEnd().split('\n');
    // Row 3's q_time becomes a phone number: that row is skipped, not the import.
    const broken = slice[2]!.split(',');
    broken[11] = '905321112233';
    slice[2] = broken.join(',');
    fs.writeFileSync(file, slice.join('\n') + '\n');
    const counts = [];
    for (const engine of ['postgresql', 'pglite'] as const) {
      const res = await cozum(engine, 'import', 'bank-calls', file);
      expect(res, engine).toMatchObject({ code: 0, stdout: expect.stringContaining('2001 lines in the file, 2001 read: 1 header, 1999 calls (1999 new, 0 already known) imported, 1 skipped') });
      expect(res.stderr).toContain('line 3: q_time is not a number of seconds (up to 9 digits)');
      expect(res.stderr).not.toContain('905321112233');
      const kpi = await cozum(engine, 'kpi', '--from', '2010-08-01', '--to', '2010-08-16', '--by', 'month', '--json');
      counts.push(JSON.parse(kpi.stdout).rows);
    }
    expect(counts[1]).toEqual(counts[0]);
  });

  it('counts the lines of a 311 export against the lines read, and both engines agree', { timeout: 300_000 }, async () => {
    const file = path.join(FIXTURES, 'nyc311', 'nyc311_mixed_2014-2019_1000.csv');
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const totals = [];
    for (const engine of ['postgresql', 'pglite'] as const) {
      // The mapping names the seeded taxonomy's categories and units.
      expect(await cozum(engine, 'seed'), engine).toMatchObject({ code: 0, stdout: expect.stringContaining('17 districts') });
      const res = await cozum(engine, 'import', 'nyc311', file);
      expect(res, engine).toMatchObject({ code: 0, stdout: expect.stringContaining(`${lines} lines in the file, ${lines} read\nnyc311: 1000 rows read, 1000 requests imported`) });
      totals.push(res.stdout.slice(res.stdout.indexOf('All 1000 requests')));
    }
    expect(totals[1]).toEqual(totals[0]);
  });
});
