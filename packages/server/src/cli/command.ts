import { parseArgs, type ParseArgsConfig } from 'node:util';

/** One CLI command: its help text is the documentation, and `--help` prints it. */
export interface Command {
  /** Words that select it, e.g. ['user', 'create']. */
  words: string[];
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  run(values: Record<string, string | boolean | string[] | boolean[] | undefined>, positionals: string[], io: CliIo): Promise<number>;
}

/** What a command reads and writes: the process's environment and output, or a test's. */
export interface CliIo {
  /** The environment the configuration (and COZUM_PASSWORD) is read from. */
  env: NodeJS.ProcessEnv;
  /** Writes a line (or lines) to standard output, as console.log does. */
  out(text: string): void;
  /** Writes a line (or lines) to standard error, as console.error does. */
  err(text: string): void;
}

export const processIo: CliIo = { env: process.env, out: (text) => console.log(text), err: (text) => console.error(text) };

export class UsageError extends Error {}

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: command.allowPositionals ?? false, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${command.usage}`);
  }
}
