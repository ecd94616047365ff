/** The `cozum` command. Each subcommand calls app/ use cases; none runs SQL of its own. */
import { inspect } from 'node:util';
import { ConfigError, configMarkdown } from '../config.js';
import { DataDirLockedError } from '../db/lock.js';
import { DomainError } from '@cozum/domain';
import { parseCommandArgs, processIo, UsageError, type CliIo, type Command } from './command.js';
import { migrateCommand, seedCommand } from './db-commands.js';
import { serveCommand } from './serve-command.js';
import { staffingCommand } from './staffing-command.js';
import { importBankCallsCommand, importQueueLogCommand } from './import-commands.js';
import { kpiCommand } from './kpi-command.js';
import { demoCommand } from './demo-command.js';
import { reportCommand } from './report-command.js';
import { importBoston311Command, importNyc311Command } from './import-311-command.js';
import { userCreateCommand } from './user-commands.js';
import { privacyRetentionCommand } from './privacy-commands.js';

const configCommand: Command = {
  words: ['config'],
  summary: 'print the configuration variables as a Markdown table',
  usage: 'Usage: cozum config\n\nPrints every environment variable Çözüm reads, its default and meaning.',
  options: {},
  async run(_values, _positionals, io) {
    io.out(configMarkdown());
    return 0;
  },
};

export const COMMANDS: Command[] = [serveCommand, migrateCommand, seedCommand, userCreateCommand, importQueueLogCommand, importBankCallsCommand, importNyc311Command, importBoston311Command, kpiCommand, staffingCommand, demoCommand, reportCommand, privacyRetentionCommand, configCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.words.join(' ').length));
  return [
    'Usage: cozum <command> [options]',
    '',
    'Çözüm: the citizen solution centre platform. Commands:',
    ...COMMANDS.map((c) => `  ${c.words.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    "Run 'cozum <command> --help' for a command's options. Configuration comes from the",
    "environment; 'cozum config' lists it.",
  ].join('\n');
}

/** Runs one command and returns its exit code; `io` is the process's unless a test gives its own. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const command = COMMANDS.filter((c) => c.words.every((w, i) => argv[i] === w)).sort((a, b) => b.words.length - a.words.length)[0];
  if (!command) {
    const helpAsked = argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help';
    if (helpAsked) io.out(overview());
    else io.err(`unknown command '${argv.join(' ')}'\n\n${overview()}`);
    return helpAsked ? 0 : 2;
  }
  try {
    const { values, positionals } = parseCommandArgs(command, argv.slice(command.words.length));
    if (values.help) {
      io.out(command.usage);
      return 0;
    }
    return await command.run(values, positionals, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof DomainError) {
      io.err(`cozum: ${error.message}`);
      return 1;
    }
    io.err(`cozum: ${(error as Error).message}`);
    if (io.env.LOG_LEVEL === 'debug') io.err(inspect(error));
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
