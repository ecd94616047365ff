/** The `cozum` command as an administrator uses it. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '../engines.js';

const run = promisify(execFile);
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/cozum.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
const cozum = (...args: string[]) => run(process.execPath, [BIN, ...args], { env }).catch((error: { code: number; stdout: string; stderr: string }) => ({ ...error, failed: true }));

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.runIf(testEngine() === 'pglite')('cozum CLI', () => {
  it('lists its commands, and each has --help', { timeout: 60_000 }, async () => {
    const overview = await cozum('--help');
    for (const word of ['serve', 'migrate', 'seed', 'user create']) expect(overview.stdout).toContain(word);
    for (const command of [['serve'], ['migrate'], ['seed'], ['user', 'create']]) {
      const help = await cozum(...command, '--help');
      expect(help.stdout).toContain(`Usage: cozum ${command.join(' ')}`);
    }
  });

  it('migrates, seeds and creates a user, refusing bad input with a clear message', { timeout: 120_000 }, async () => {
    expect((await cozum('migrate')).stdout).toContain('migrations applied on pglite');
    expect((await cozum('seed')).stdout).toContain('17 districts, 1259 neighbourhoods');
    const made = await cozum('user', 'create', '--username', 'mudur', '--role', 'unit_head', '--unit', 'zabita', '--password', 'uzun-bir-parola-1');
    expect(made.stdout).toContain('created mudur (unit_head, Zabıta Dairesi Başkanlığı)');
    const noUnit = await cozum('user', 'create', '--username', 'birimsiz', '--role', 'unit_staff', '--password', 'uzun-bir-parola-1');
    expect(noUnit).toMatchObject({ failed: true, code: 1 });
    expect((noUnit as { stderr: string }).stderr).toContain('unitId: is required for the role unit_staff');
    const badUnit = await cozum('user', 'create', '--username', 'yanlis.birim', '--role', 'unit_staff', '--unit', 'yok-boyle', '--password', 'uzun-bir-parola-1');
    expect((badUnit as { stderr: string }).stderr).toContain("no unit has the code 'yok-boyle'");
    const unknown = await cozum('frobnicate');
    expect(unknown).toMatchObject({ failed: true, code: 2 });
  });

  it('stops on an invalid setting, naming the variable', { timeout: 30_000 }, async () => {
    const res = await run(process.execPath, [BIN, 'migrate'], { env: { ...env, PORT: 'seventy' } }).catch((e: { code: number; stderr: string }) => e);
    expect((res as { code: number }).code).toBe(1);
    expect((res as { stderr: string }).stderr).toContain('PORT="seventy" is invalid: expected an integer from 0 to 65535');
  });
});
