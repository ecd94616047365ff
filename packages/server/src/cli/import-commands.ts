import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { DEFAULT_TIME_ZONE, isTimeZone, TIME_ZONE_EXPECTED } from '@cozum/domain';
import { loadConfig } from '../config.js';
import { openAndMigrate } from '../main.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { importQueueLog, type ImportReport } from '../app/contacts/import-queue-log.js';
import { csvTableLines, parseColumnOption, type ColumnMap } from '../app/contacts/queue-log-table.js';
import { mysqlTableLines, postgresTableLines, type TableRead } from '../app/contacts/queue-log-db.js';
import { followQueueLog } from '../app/contacts/follow-queue-log.js';
import { importBankCalls } from '../app/contacts/import-bank-calls.js';
import { UsageError, type CliIo, type Command } from './command.js';
import { countLines, fileLines, IncompleteImportError, lineSummary } from './file-lines.js';

/** `--agents FILE`: a JSON object of interface name (or extension) → agent. */
function readAgentAliases(file: string | undefined): Map<string, string> {
  if (!file) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--agents ${file}: not a readable JSON file (${(error as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string' && v.trim())) {
    throw new UsageError(`--agents ${file}: expected a JSON object of interface name to agent, such as {"SIP/ayse-phone": "1127", "1127": "ayse"}`);
  }
  return new Map(Object.entries(parsed as Record<string, string>));
}

/** A table export starts with a header naming an event column; the flat file with an epoch and '|'. */
function isTableExport(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const first = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8').replace(/^\uFEFF/, '').split('\n')[0]!;
    return !/^\d{9,11}(\.\d+)?\|/.test(first) && first.split(',').some((h) => ['event', 'verb'].includes(h.trim().replace(/"/g, '').toLowerCase()));
  } finally {
    fs.closeSync(fd);
  }
}

function printQueueLogReport(io: CliIo, report: ImportReport, inSource: number, read: number, unit: 'lines in the file' | 'rows in the table') {
  const summary = lineSummary({ inFile: inSource, read, header: report.header, imported: report.events, empty: report.empty, skipped: report.malformed, what: 'events' });
  io.out(unit === 'lines in the file' ? summary.text : summary.text.replace('lines in the file', 'rows in the table').replace('skipped', 'rows skipped'));
  io.out(`${report.calls} calls (${report.newCalls} new, ${report.calls - report.newCalls} already known), ${report.agentEvents} agent events (${report.agentStates.history} new in the agents' history, ${report.agentStates.moved} agents' states moved, ${report.agentStates.outOfOrder} changes older than the agent's state kept as history only), ${report.unknownEvents} events of unknown kind`);
  for (const line of summary.problems) io.err(line);
}

export const importQueueLogCommand: Command = {
  words: ['import', 'queue-log'],
  summary: "import an Asterisk queue_log (file, table export or database table) into contacts",
  usage: `Usage: cozum import queue-log FILE [--follow] [--agents FILE]
       cozum import queue-log TABLE.csv [--columns MAP] [--time-zone TZ] [--agents FILE]
       cozum import queue-log --from-db URL [--table queue_log] [--columns MAP] [--time-zone TZ] [--follow] [--agents FILE]

Reads an Asterisk queue_log and records each queue call as a contact: offered, answered and
ended times, wait and talk, agent, caller number and how it ended. Agent events (logins,
pauses, queue members, calls starting and ending) move the agents' states. Importing the same
log again adds nothing. At the end it prints the lines in the file (or rows in the table), the
lines read, the events imported and the lines skipped, each with its number and reason; an
import that read fewer lines than the file holds is rolled back and exits non-zero.

Sources:
  FILE            the flat file (epoch|callid|queue|agent|EVENT|data…); with --follow, keeps
                  reading what the PBX appends, like tail -F, across log rotation, until Ctrl-C
  TABLE.csv       a CSV export of the queue_log table, with a header row: Asterisk realtime
                  columns (time, callid, queuename, agent, event, data1..data5), or one
                  '|'-joined data column, hold and talk times in their own columns
  --from-db URL   the queue_log table of a PostgreSQL (postgres://…) or MySQL/MariaDB
                  (mysql://… or mariadb://…) database, read in one snapshot; with --follow,
                  polls every second for newer rows (by id, else by time) until Ctrl-C

Options:
  --table NAME      the table for --from-db (default queue_log; schema.table allowed)
  --columns MAP     columns whose names are not detected, as FIELD=COLUMN,… with FIELD one of
                    time, callid, queue, agent, event, data, data1..data5, holdtime, talktime
                    (docs/contact-centre.md lists the names detected)
  --time-zone TZ    the zone of a table's local times (default ${DEFAULT_TIME_ZONE}; UTC when
                    Asterisk has queue_log_realtime_use_gmt); epochs and times with an
                    offset need none
  --agents FILE     a JSON object of interface name (or extension) to agent, for interfaces
                    the default rule does not join: by default Agent/1127, SIP/1127,
                    PJSIP/1127 and Local/1127@callback-agent are all the agent 1127; an agent
                    that names a user (ayse, SIP/ayse) is that user`,
  options: { follow: { type: 'boolean' }, 'from-db': { type: 'string' }, table: { type: 'string' }, columns: { type: 'string' }, 'time-zone': { type: 'string' }, agents: { type: 'string' } },
  allowPositionals: true,
  async run(values, positionals, io) {
    const fromDb = values['from-db'] === undefined ? undefined : String(values['from-db']);
    const file = positionals[0];
    if (fromDb === undefined ? !file || positionals.length > 1 : positionals.length > 0) throw new UsageError(`give exactly one FILE, or --from-db URL\n\n${this.usage}`);
    const tableLines = fromDb === undefined ? undefined : /^postgres(ql)?:\/\//.test(fromDb) ? postgresTableLines : /^(mysql|mariadb):\/\//.test(fromDb) ? mysqlTableLines : null;
    if (tableLines === null) throw new UsageError('--from-db: expected a postgres://, postgresql://, mysql:// or mariadb:// URL');
    if (file && (!fs.existsSync(file) || !fs.statSync(file).isFile())) throw new UsageError(`${file}: no such file`);
    const timeZone = values['time-zone'] === undefined ? DEFAULT_TIME_ZONE : String(values['time-zone']);
    if (!isTimeZone(timeZone)) throw new UsageError(`--time-zone ${timeZone}: not ${TIME_ZONE_EXPECTED}, or UTC`);
    let columns: ColumnMap | undefined;
    try {
      columns = values.columns === undefined ? undefined : parseColumnOption(String(values.columns));
    } catch (error) {
      throw new UsageError(`--columns: ${(error as Error).message}`);
    }
    const agentAliases = readAgentAliases(values.agents === undefined ? undefined : String(values.agents));
    const table = values.table === undefined ? 'queue_log' : String(values.table);
    const config = loadConfig(io.env);
    const database = await openAndMigrate(config);
    const stop = new AbortController();
    if (values.follow) {
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
    }
    const bar = new cliProgress.SingleBar({ format: 'queue_log {bar} {percentage}% | {value}/{total} lines', stream: process.stderr, hideCursor: true, noTTYOutput: false }, cliProgress.Presets.shades_classic);
    try {
      if (fromDb !== undefined && tableLines) {
        let after: string | null = null;
        do {
          const counts: TableRead = { rows: 0, after };
          const report = await database.db.transaction(async (tx) => {
            const read = await importQueueLog(tx, tableLines(fromDb, { table, columns, timeZone, after }, counts), { agentAliases });
            if (read.lines !== counts.rows) throw new IncompleteImportError(`${table}`, counts.rows, read.lines);
            return read;
          });
          if (!values.follow || report.lines) printQueueLogReport(io, report, counts.rows, report.lines, 'rows in the table');
          after = counts.after;
          if (values.follow) await sleep(1000, undefined, { signal: stop.signal }).catch(() => undefined);
        } while (values.follow && !stop.signal.aborted);
        return 0;
      }
      if (values.follow) {
        if (isTableExport(file!)) throw new UsageError('--follow reads a flat queue_log file or a table (--from-db), not a CSV export');
        io.err(`following ${file} (Ctrl-C to stop)`);
        await followQueueLog(database.db, file!, {
          signal: stop.signal,
          agentAliases,
          onBatch: (r) => {
            io.out(`${new Date().toISOString()} ${r.lines} lines: ${r.calls} calls (${r.newCalls} new), ${r.malformed.length} malformed`);
            for (const m of r.malformed) io.err(`  line ${m.line}: ${m.reason}`);
          },
        });
        return 0;
      }
      const size = fs.statSync(file!).size;
      const inFile = await countLines(file!, size);
      bar.start(Math.max(1, inFile), 0);
      const tableExport = isTableExport(file!);
      const csvCounts = { lines: 0 };
      let linesRead = 0;
      const report = await database.db.transaction(async (tx) => {
        const lines = tableExport ? csvTableLines(file!, { columns, timeZone }, csvCounts) : fileLines(file!, size);
        const read = await importQueueLog(tx, lines, { agentAliases, onProgress: (n) => bar.update(n) });
        // Rolled back: an import that missed lines must not pass for a whole one.
        linesRead = tableExport ? csvCounts.lines : read.lines;
        if (linesRead !== inFile) throw new IncompleteImportError(file!, inFile, linesRead);
        return read;
      });
      bar.stop();
      printQueueLogReport(io, report, inFile, linesRead, 'lines in the file');
    } finally {
      bar.stop();
      await database.close();
    }
    return 0;
  },
};

export const importBankCallsCommand: Command = {
  words: ['import', 'bank-calls'],
  summary: "import the Anonymous Bank call-centre log (Technion) into contacts",
  usage: `Usage: cozum import bank-calls FILE…

Imports the call-level CSV of the "Anonymous Bank" call centre (vru+line, call_id, …, outcome,
ser_start, ser_exit, ser_time, server) as contacts, through the mapping in
docs/contact-centre.md: AGENT rows are answered calls, HANG rows that queued are abandons, and
hang-ups in the voice menu and PHANTOM calls are recorded as never offered. Importing the
same file again adds nothing. At the end it prints the lines in the file, read, imported and
skipped (each with its number and reason); an import that read fewer lines than the file holds
is rolled back and exits non-zero.`,
  options: {},
  allowPositionals: true,
  async run(_values, positionals, io) {
    if (!positionals.length) throw new UsageError(`give one or more FILEs\n\n${this.usage}`);
    for (const file of positionals) if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file`);
    const config = loadConfig(io.env);
    const database = await openAndMigrate(config);
    const bar = new cliProgress.SingleBar({ format: 'bank calls {bar} {percentage}% | {value}/{total} lines', stream: process.stderr, hideCursor: true, noTTYOutput: false }, cliProgress.Presets.shades_classic);
    try {
      for (const file of positionals) {
        const size = fs.statSync(file).size;
        const inFile = await countLines(file, size);
        bar.start(Math.max(1, inFile), 0);
        const report = await database.db.transaction(async (tx) => {
          const read = await importBankCalls(tx, fileLines(file, size), config.cityTimeZone, (n) => bar.update(n));
          if (read.lines !== inFile) throw new IncompleteImportError(file, inFile, read.lines);
          return read;
        });
        bar.stop();
        const summary = lineSummary({ inFile, read: report.lines, header: report.header, imported: report.rows, empty: report.empty, skipped: report.malformed, what: `calls (${report.newCalls} new, ${report.rows - report.newCalls} already known)` });
        io.out(`${file}: ${summary.text}`);
        for (const line of summary.problems) io.err(line);
      }
    } finally {
      bar.stop();
      await database.close();
    }
    return 0;
  },
};
