/**
 * The `cozum` command for the process tests, two ways. In this process: the same runCli that
 * bin/cozum.mjs calls, given the environment and collecting what it prints and its exit code,
 * without paying a fresh process's start-up (several seconds of loading TypeScript). Spawned:
 * bin/cozum.mjs as a user runs it, for the cases that must see the real process and its exit.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/cozum.mjs');

export async function cozumInProcess(env: NodeJS.ProcessEnv, args: string[]): Promise<CliResult> {
  // Loaded on first use: a file whose tests are skipped on this engine does not load the server.
  const { runCli } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env, out: (text) => (stdout += `${text}\n`), err: (text) => (stderr += `${text}\n`) });
  return { code, stdout, stderr };
}

const execFileAsync = promisify(execFile);

export async function cozumSpawned(env: NodeJS.ProcessEnv, args: string[], options: { timeout?: number } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [BIN, ...args], { env, timeout: options.timeout, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; signal?: string; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
