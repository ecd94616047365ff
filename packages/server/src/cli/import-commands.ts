import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.js';
import { openAndMigrate } from '../main.js';
import { importQueueLog } from '../app/contacts/import-queue-log.js';
import { followQueueLog } from '../app/contacts/follow-queue-log.js';
import { importBankCalls } from '../app/contacts/import-bank-calls.js';
import { UsageError, type Command } from './command.js';
import { countLines, fileLines, IncompleteImportError, lineSummary } from './file-lines.js';

export const importQueueLogCommand: Command = {
  words: ['import', 'queue-log'],
  summary: "import an Asterisk queue_log file into contacts",
  usage: `Usage: cozum import queue-log FILE [--follow]

Reads an Asterisk queue_log in its flat-file form (epoch|callid|queue|agent|EVENT|data…) and
records each queue call as a contact: offered, answered and ended times, wait and talk,
agent, caller number and how it ended. Agent events (logins, pauses, queue members, calls
starting and ending) move the agents' states; an agent name such as SIP/ayse is the user
ayse when one exists. Importing the same file again adds nothing.
Malformed lines are reported with their line numbers and skipped.

With --follow, keeps reading what the PBX appends, like tail -F, and carries on across log
rotation (the file renamed away and a new one started, or truncated), until Ctrl-C.`,
  options: { follow: { type: 'boolean' } },
  allowPositionals: true,
  async run(values, positionals) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(`give exactly one FILE\n\n${this.usage}`);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`${file}: no such file`);
    const config = loadConfig();
    const database = await openAndMigrate(config);
    if (values.follow) {
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      console.error(`following ${file} (Ctrl-C to stop)`);
      try {
        await followQueueLog(database.db, file, {
          signal: stop.signal,
          onBatch: (r) => {
            console.log(`${new Date().toISOString()} ${r.lines} lines: ${r.calls} calls (${r.newCalls} new), ${r.malformed.length} malformed`);
            for (const m of r.malformed) console.error(`  line ${m.line}: ${m.reason}`);
          },
        });
      } finally {
        await database.close();
      }
      return 0;
    }
    const size = fs.statSync(file).size;
    const inFile = await countLines(file, size);
    const bar = new cliProgress.SingleBar({ format: 'queue_log {bar} {percentage}% | {value}/{total} lines', stream: process.stderr, hideCursor: true, noTTYOutput: false }, cliProgress.Presets.shades_classic);
    try {
      bar.start(Math.max(1, inFile), 0);
      const report = await database.db.transaction(async (tx) => {
        const read = await importQueueLog(tx, fileLines(file, size), (n) => bar.update(n));
        // Rolled back: an import that missed lines must not pass for a whole one.
        if (read.lines !== inFile) throw new IncompleteImportError(file, inFile, read.lines);
        return read;
      });
      bar.stop();
      const summary = lineSummary({ inFile, read: report.lines, imported: report.events, empty: report.empty, skipped: report.malformed, what: 'events' });
      console.log(summary.text);
      console.log(`${report.calls} calls (${report.newCalls} new, ${report.calls - report.newCalls} already known), ${report.agentEvents} agent events (${report.agentStates.history} new in the agents' history, ${report.agentStates.moved} agents' states moved, ${report.agentStates.outOfOrder} changes older than the agent's state kept as history only), ${report.unknownEvents} events of unknown kind`);
      for (const line of summary.problems) console.error(line);
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
same file again adds nothing.`,
  options: {},
  allowPositionals: true,
  async run(_values, positionals) {
    if (!positionals.length) throw new UsageError(`give one or more FILEs\n\n${this.usage}`);
    for (const file of positionals) if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file`);
    const database = await openAndMigrate(loadConfig());
    const bar = new cliProgress.SingleBar({ format: 'bank calls {bar} {percentage}% | {value}/{total} lines', stream: process.stderr, hideCursor: true, noTTYOutput: false }, cliProgress.Presets.shades_classic);
    try {
      for (const file of positionals) {
        const size = fs.statSync(file).size;
        const inFile = await countLines(file, size);
        bar.start(Math.max(1, inFile), 0);
        const report = await database.db.transaction(async (tx) => {
          const read = await importBankCalls(tx, fileLines(file, size), (n) => bar.update(n));
          if (read.lines !== inFile) throw new IncompleteImportError(file, inFile, read.lines);
          return read;
        });
        bar.stop();
        const summary = lineSummary({ inFile, read: report.lines, header: report.header, imported: report.rows, empty: report.empty, skipped: report.malformed, what: `calls (${report.newCalls} new, ${report.rows - report.newCalls} already known)` });
        console.log(`${file}: ${summary.text}`);
        for (const line of summary.problems) console.error(line);
      }
    } finally {
      bar.stop();
      await database.close();
    }
    return 0;
  },
};
