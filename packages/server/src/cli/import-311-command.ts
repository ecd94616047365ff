import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { parse } from 'csv-parse';
import { loadConfig } from '../config.js';
import { openAndMigrate } from '../main.js';
import { import311, loadMapping, type Import311Report, type Problem } from '../app/reports/import-311.js';
import { UsageError, type CliIo, type Command } from './command.js';
import { countLines, IncompleteImportError } from './file-lines.js';

export const MAPPINGS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../app/reports/mappings');

type Source = { line: number; record: Record<string, unknown> };

/**
 * CSV rows (quoted fields may span lines) or the elements of a JSON array; malformed CSV rows
 * become problems. `read` ends as the CSV lines the parser went through, or the JSON elements.
 */
export async function* readRecords(file: string, problems: Problem[], onProgress: (done: number, total: number) => void, read: { lines: number; records: number } = { lines: 0, records: 0 }): AsyncGenerator<Source> {
  const head = fs.readFileSync(file, { encoding: 'utf8', flag: 'r' }).slice(0, 64).trimStart();
  if (head.startsWith('[')) {
    let rows: unknown;
    try {
      rows = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(rows)) throw new UsageError(`${file}: expected a JSON array of records`);
    read.records = rows.length;
    for (const [i, record] of rows.entries()) {
      onProgress(i + 1, rows.length);
      if (record && typeof record === 'object') yield { line: i + 1, record: record as Record<string, unknown> };
      else problems.push({ row: i + 1, reason: 'not a JSON object: skipped' });
    }
    return;
  }
  const size = fs.statSync(file).size;
  const parser = fs.createReadStream(file).pipe(parse({ columns: true, bom: true, info: true, relax_column_count: true, skip_records_with_error: true, skip_empty_lines: true }));
  parser.on('skip', (error: Error & { lines?: number }) => problems.push({ row: error.lines ?? 0, reason: `unreadable CSV row (${error.message}): skipped` }));
  for await (const item of parser as AsyncIterable<{ info: { lines: number; bytes: number }; record: Record<string, unknown> }>) {
    onProgress(item.info.bytes, size);
    read.records++;
    yield { line: item.info.lines, record: item.record };
  }
  // The parser counts the empty line after a final newline as one more.
  const info = (parser as unknown as { info: { lines: number } }).info;
  read.lines = size > 0 && lastByte(file, size) === 10 ? info.lines - 1 : info.lines;
}

function lastByte(file: string, size: number): number {
  const fd = fs.openSync(file, 'r');
  try {
    const one = Buffer.alloc(1);
    fs.readSync(fd, one, 0, 1, size - 1);
    return one[0]!;
  } finally {
    fs.closeSync(fd);
  }
}

function printReport(io: CliIo, report: Import311Report, readProblems: Problem[], file: { inFile: number; read: number; unit: 'lines' | 'records' }) {
  const problems = [...readProblems, ...report.problems].sort((a, b) => a.row - b.row);
  const list = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${k} ${n}`).join(', ') || '—';
  io.out(`${file.inFile} ${file.unit} in the file, ${file.read} read`);
  io.out(`${report.source}: ${report.rows} rows read, ${report.imported} requests imported, ${report.alreadyKnown} already imported, ${report.skipped + readProblems.length} skipped, ${problems.length} problems`);
  for (const p of problems.slice(0, 40)) io.out(`  row ${p.row}${p.id ? ` (${p.id})` : ''}: ${p.reason}`);
  if (problems.length > 40) io.out(`  … and ${problems.length - 40} more (--json lists them all)`);
  for (const [what, values] of Object.entries(report.unmapped)) if (Object.keys(values).length) io.out(`  not in the mapping, filed under '*': ${what} ${list(values)}`);
  const t = report.totals;
  io.out(`All ${t.requests} requests from ${report.source}:`);
  io.out(`  status:  ${list(t.byStatus)}`);
  io.out(`  area:    ${list(t.byArea)}`);
  io.out(`  channel: ${list(t.byChannel)}`);
  io.out(`  median time to close: ${t.medianHoursToClose === null ? '—' : `${t.medianHoursToClose.toFixed(2)} h`}`);
}

function importCommand(source: 'nyc311' | 'boston311', title: string): Command {
  return {
    words: ['import', source],
    summary: `import ${title} service requests (CSV${source === 'nyc311' ? ' or JSON' : ''}) as requests`,
    usage: `Usage: cozum import ${source} FILE [--mapping FILE] [--json]

Reads ${title} service requests (${source === 'nyc311' ? "the Open Data CSV export, or the Socrata JSON array" : 'the Analyze Boston CSV export'}) and records
each as a request: its category, agency, status, channel and area mapped onto ours by an
editable mapping file (default: ${path.join(MAPPINGS, `${source}.json`)}; copy it,
edit it and pass --mapping). Areas become districts. Times are the city's local time.

Dirty rows are reported with their row numbers and handled: no id or no readable created date
skips the row; a closed date before the created date, or a closed row without one, keeps the
request without a resolution time; a missing category files it under the mapping's '*'.
Importing the same file again adds nothing. At the end it prints the lines in the file
against the lines read (an import that read fewer is rolled back and exits non-zero), the rows
read, imported and skipped, and, for every request from this source, the counts by status,
area and channel and the median time to close. --json prints the whole report as JSON instead.`,
    options: { mapping: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    async run(values, positionals, io) {
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UsageError(`give exactly one FILE\n\n${this.usage}`);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`${file}: no such file`);
      const mappingFile = values.mapping ? String(values.mapping) : path.join(MAPPINGS, `${source}.json`);
      if (!fs.existsSync(mappingFile)) throw new UsageError(`--mapping ${mappingFile}: no such file`);
      const database = await openAndMigrate(loadConfig(io.env));
      const bar = new cliProgress.SingleBar({ format: `${source} {bar} {percentage}% | {rows} rows`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
      const readProblems: Problem[] = [];
      try {
        const mapping = await loadMapping(database.db, mappingFile);
        if (mapping.source !== source) throw new UsageError(`--mapping ${mappingFile} is for '${mapping.source}', not ${source}`);
        let rows = 0;
        let started = false;
        const json = fs.readFileSync(file, { encoding: 'utf8', flag: 'r' }).slice(0, 64).trimStart().startsWith('[');
        const inFile = json ? null : await countLines(file);
        const read = { lines: 0, records: 0 };
        const records = readRecords(file, readProblems, (done, total) => {
          if (!started) bar.start(total, 0, { rows });
          started = true;
          bar.update(done, { rows });
        }, read);
        const report = await database.db.transaction(async (tx) => {
          const imported = await import311(tx, mapping, records, (n) => (rows = n));
          // Rolled back: an import that missed lines must not pass for a whole one.
          if (inFile !== null && read.lines !== inFile) throw new IncompleteImportError(file, inFile, read.lines);
          return imported;
        });
        if (started) bar.update(bar.getTotal(), { rows: report.rows });
        bar.stop();
        const counted = inFile === null ? { inFile: read.records, read: report.rows + readProblems.length, unit: 'records' as const } : { inFile, read: read.lines, unit: 'lines' as const };
        if (values.json) io.out(JSON.stringify({ file: counted, ...report, problems: [...readProblems, ...report.problems] }, null, 2));
        else printReport(io, report, readProblems, counted);
      } finally {
        bar.stop();
        await database.close();
      }
      return 0;
    },
  };
}

export const importNyc311Command = importCommand('nyc311', 'NYC 311');
export const importBoston311Command = importCommand('boston311', 'Boston 311');
