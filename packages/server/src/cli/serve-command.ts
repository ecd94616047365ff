import { loadConfig } from '../config.js';
import { startServer } from '../main.js';
import type { Command } from './command.js';

export const serveCommand: Command = {
  words: ['serve'],
  summary: 'run the HTTP server (API and web app)',
  usage: `Usage: cozum serve [--no-seed]

Opens the database (PGlite in DATA_DIR, or DATABASE_URL), applies migrations, loads the
reference data, creates the demo accounts when DEMO_ACCOUNTS says so (default: on PGlite
only), and serves the API and the web app on HOST:PORT until SIGINT or SIGTERM.

Options:
  --no-seed   skip loading reference data`,
  options: { 'no-seed': { type: 'boolean' } },
  async run(values) {
    const config = loadConfig();
    const running = await startServer(config, { seed: !values['no-seed'] });
    const lines = [`Çözüm is running on ${running.database.engine} (${running.database.location})`, `Open ${running.address}`];
    if (running.demoAccounts.length) {
      lines.push('Demo accounts (username / password):');
      for (const a of running.demoAccounts) lines.push(`  ${a.role.padEnd(12)} ${a.username} / ${a.password}${a.unit ? `  (${a.unit})` : ''}`);
    }
    console.log(lines.join('\n'));
    await new Promise<void>((resolve) => {
      const shutdown = (signal: string) => {
        console.log(`${signal}: shutting down`);
        running.stop().then(resolve, (error: unknown) => {
          console.error(error);
          resolve();
        });
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
    return 0;
  },
};
