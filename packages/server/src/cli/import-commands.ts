import fs from 'node:fs';
import readline from 'node:readline';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.js';
import { openAndMigrate } from '../main.js';
import { importQueueLog } from '../app/contacts/import-queue-log.js';
import { followQueueLog } from '../app/contacts/follow-queue-log.js';
import { importBankCalls } from '../app/contacts/import-bank-calls.js';
import { UsageError, type Command } from './command.js';

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
    const bar = new cliProgress.SingleBar({ format: 'queue_log {bar} {percentage}% | {value} lines', stream: process.stderr, hideCursor: true, noTTYOutput: false }, cliProgress.Presets.shades_classic);
    try {
      const stream = fs.createReadStream(file, { encoding: 'utf8' });
      const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
      // Estimate the line count from the size for the bar; it is corrected as lines arrive.
      bar.start(Math.max(1, Math.round(size / 60)), 0);
      const report = await database.db.transaction((tx) =>
        importQueueLog(tx, lines, (n) => {
          if (n > bar.getTotal()) bar.setTotal(n);
          bar.update(n);
        }),
      );
      bar.setTotal(report.lines);
      bar.update(report.lines);
      bar.stop();
      console.log(`${report.lines} lines: ${report.calls} calls (${report.newCalls} new, ${report.calls - report.newCalls} already known), ${report.agentEvents} agent events (${report.agentStates.history} new in the agents' history, ${report.agentStates.moved} agents' states moved, ${report.agentStates.outOfOrder} changes older than the agent's state kept as history only), ${report.unknownEvents} events of unknown kind, ${report.malformed.length} malformed lines skipped`);
      for (const m of report.malformed.slice(0, 50)) console.error(`  line ${m.line}: ${m.reason}`);
      if (report.malformed.length > 50) console.error(`  … and ${report.malformed.length - 50} more`);
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
    const config = loadConfig();
    const database = await openAndMigrate(config);
    try {
      for (const file of positionals) {
        const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
        const report = await database.db.transaction((tx) => importBankCalls(tx, lines, config.cityTimeZone));
        console.log(`${file}: ${report.rows} calls read, ${report.malformed.length} malformed lines skipped`);
        for (const m of report.malformed.slice(0, 50)) console.error(`  line ${m.line}: ${m.reason}`);
      }
    } finally {
      await database.close();
    }
    return 0;
  },
};
