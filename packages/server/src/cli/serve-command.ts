import { inspect } from 'node:util';
import { DEV_OUTBOX_PAGE, emailDelivery, loadConfig, smsDelivery, type Config } from '../config.js';
import { startServer, type Running } from '../main.js';
import { UsageError, type Command } from './command.js';
import { progressDisplay } from './progress.js';

const n = (x: number) => x.toLocaleString('en-US');

/** How SMS and e-mail leave this server (SMS_URL, SMTP_URL, DEV_OUTBOX), as the start says it. */
export function messageLines(config: Config, address: string): string[] {
  const page = `${address}${DEV_OUTBOX_PAGE}`;
  const sms = smsDelivery(config);
  const email = emailDelivery(config);
  const workers = config.workers ? '' : ' (by a process with WORKERS=true)';
  // The codes are logged as warnings, so the quiet log of a terminal shows them too.
  const codes = config.logLevel === null || ['trace', 'debug', 'info', 'warn'].includes(config.logLevel) ? 'portal codes in this log' : `portal codes in the log at LOG_LEVEL=warn (it is ${config.logLevel})`;
  return [
    sms === 'provider'
      ? `SMS: sent through the ${config.smsProvider} provider at ${new URL(config.smsUrl!).host}`
      : sms === 'development'
        ? `SMS: development mode (DEV_OUTBOX) — nothing is sent; messages appear at ${page} (admin)${workers} and ${codes}`
        : 'SMS: no provider (SMS_URL is not set) — the citizen portal says sign-in by SMS is not available; other SMS wait in the outbox',
    email === 'smtp'
      ? `E-mail: sent through ${new URL(config.smtpUrl!).host}`
      : email === 'development'
        ? `E-mail: development mode (DEV_OUTBOX) — nothing is sent; messages appear at ${page} (admin)${workers}`
        : 'E-mail: no mail server (SMTP_URL is not set) — e-mail waits in the outbox',
  ];
}

export const serveCommand: Command = {
  words: ['serve'],
  summary: 'run the HTTP server (API and web app)',
  usage: `Usage: cozum serve [--no-seed] [--demo SCALE]

Opens the database (PGlite in DATA_DIR, or DATABASE_URL), applies migrations, loads the
reference data, creates the demo accounts when DEMO_ACCOUNTS says so (default: on PGlite
only), adds the starting content not added before (knowledge base, satisfaction survey, field
teams and the bus's route; see cozum seed), and serves the API and the web app on HOST:PORT
until SIGINT or SIGTERM. It prints the address and the demo accounts last. On a terminal,
without LOG_LEVEL, the log shows only warnings and errors; with LOG_LEVEL, or when the output
is not a terminal, it writes JSON lines.

Options:
  --no-seed     skip loading reference data and starting content
  --demo SCALE  when the database holds no contacts yet, first write demo calls and requests
                of the last two years up to now at SCALE of Samsun's (e.g. 0.01; see
                cozum demo --recent), showing its progress`,
  options: { 'no-seed': { type: 'boolean' }, demo: { type: 'string' } },
  async run(values, _positionals, io) {
    const config = loadConfig(io.env);
    const demoScale = values.demo === undefined ? undefined : Number(values.demo);
    if (demoScale !== undefined && !(demoScale > 0 && demoScale <= 1)) throw new UsageError(`--demo ${String(values.demo)}: expected a scale above 0 and at most 1, such as 0.01`);
    const progress = progressDisplay('demo data', 'calls');
    let running: Running;
    try {
      running = await startServer(config, {
        seed: !values['no-seed'],
        demoScale,
        onDemoProgress: (done, total) => {
          if (done === 0) io.out(`Writing demo data (first start only): calls and requests of the last two years up to now, ${(demoScale! * 100).toLocaleString('en-US')} % of Samsun's…`);
          progress.update(done, total);
        },
      });
    } finally {
      progress.stop();
    }
    const lines = [];
    if (running.demo) {
      const d = running.demo;
      lines.push(`Demo data written: ${n(d.offered)} calls, ${n(d.requests)} requests and ${n(d.ratings)} satisfaction answers from ${d.from} to now (${d.seconds.toFixed(1)} s)`);
    }
    lines.push(`Çözüm is running on ${running.database.engine} (${running.database.location})`, ...messageLines(config, running.address), `Open ${running.address}`);
    if (running.demoAccounts.length) {
      lines.push('Demo accounts (username / password):');
      for (const a of running.demoAccounts) lines.push(`  ${a.role.padEnd(12)} ${a.username} / ${a.password}${a.unit ? `  (${a.unit})` : ''}`);
    }
    io.out(lines.join('\n'));
    await new Promise<void>((resolve) => {
      const shutdown = (signal: string) => {
        io.out(`${signal}: shutting down`);
        running.stop().then(resolve, (error: unknown) => {
          io.err(inspect(error));
          resolve();
        });
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
    return 0;
  },
};
