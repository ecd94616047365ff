import { loadConfig } from '../config.js';
import { openAndMigrate } from '../main.js';
import { runRetention } from '../app/privacy/retention.js';
import type { Command } from './command.js';

export const privacyRetentionCommand: Command = {
  words: ['privacy', 'retention'],
  summary: 'apply the personal-data retention policy now (KVKK)',
  usage: `Usage: cozum privacy retention [--dry-run]

Anonymises personal data older than the retention policy allows: citizens with nothing open
and no request or contact within the period, caller numbers and notes of old contacts, the
recipients and texts of old messages, the IP addresses of old staff sessions. The years per
data class are set by an administrator (Privacy page, or PUT /api/v1/privacy/retention/policy).

The workers of every server process run it on their own every RETENTION_INTERVAL_DAYS days
(at least every 6 months); each run, including a dry run, is recorded in retention_runs,
which the database keeps append-only.

  --dry-run   count what would be anonymised, change nothing (the count is recorded too)`,
  options: { 'dry-run': { type: 'boolean' } },
  async run(values, _positionals, io) {
    const config = loadConfig(io.env);
    const database = await openAndMigrate(config);
    try {
      const dryRun = Boolean(values['dry-run']);
      const run = await database.db.transaction((tx) => runRetention(tx, { now: new Date(), dryRun, trigger: 'cli', actor: null }));
      if (!run) {
        io.err('cozum: another retention run is in progress; try again in a minute');
        return 1;
      }
      io.out(`retention run ${run.id}${dryRun ? ' (dry run: nothing changed)' : ''}`);
      io.out('| data class | years kept | cut-off | anonymised |');
      io.out('|---|---|---|---|');
      for (const key of Object.keys(run.policy) as (keyof typeof run.policy)[]) {
        io.out(`| ${key} | ${run.policy[key]} | ${run.cutoffs[key]!.slice(0, 10)} | ${run.counts[key]} |`);
      }
    } finally {
      await database.close();
    }
    return 0;
  },
};
