/**
 * The `cozum` command as an administrator uses it. Most cases run the command in this process
 * (its output and exit code, see ./cozum.ts); the overview and a failing start are spawned, so
 * the real process, its output and its exit code are covered too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery, databaseUrl, testEngine, uniqueName } from '../engines.js';
import { pdfText } from '../pdftotext.js';
import { cozumInProcess, cozumSpawned } from './cozum.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
const cozum = (...args: string[]) => cozumInProcess(env, args);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.runIf(testEngine() === 'pglite')('cozum CLI', () => {
  it('lists its commands, and each has --help', { timeout: 60_000 }, async () => {
    const overview = await cozumSpawned(env, ['--help']);
    expect(overview.code).toBe(0);
    for (const word of ['serve', 'migrate', 'seed', 'user create']) expect(overview.stdout).toContain(word);
    for (const command of [['serve'], ['migrate'], ['seed'], ['user', 'create']]) {
      const help = await cozum(...command, '--help');
      expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining(`Usage: cozum ${command.join(' ')}`) });
    }
  });

  it('migrates, seeds and creates a user, refusing bad input with a clear message', { timeout: 120_000 }, async () => {
    expect(await cozum('migrate')).toMatchObject({ code: 0, stdout: expect.stringContaining('migrations applied on pglite') });
    const seeded = await cozum('seed');
    expect(seeded).toMatchObject({ code: 0, stdout: expect.stringContaining('17 districts, 1259 neighbourhoods') });
    expect(seeded.stdout).toMatch(/starting content added: \d{2,} knowledge-base articles, 1 satisfaction survey \(open\), 3 field teams, 17 bus visits/);
    const made = await cozum('user', 'create', '--username', 'mudur', '--role', 'unit_head', '--unit', 'zabita', '--password', 'uzun-bir-parola-1');
    expect(made).toMatchObject({ code: 0, stdout: expect.stringContaining('created mudur (unit_head, Zabıta Dairesi Başkanlığı)') });
    const noUnit = await cozum('user', 'create', '--username', 'birimsiz', '--role', 'unit_staff', '--password', 'uzun-bir-parola-1');
    expect(noUnit).toMatchObject({ code: 1, stderr: expect.stringContaining('unitId: is required for the role unit_staff') });
    const badUnit = await cozum('user', 'create', '--username', 'yanlis.birim', '--role', 'unit_staff', '--unit', 'yok-boyle', '--password', 'uzun-bir-parola-1');
    expect(badUnit.stderr).toContain("no unit has the code 'yok-boyle'");
    const unknown = await cozum('frobnicate');
    expect(unknown.code).toBe(2);
  });

  it('writes the report as a Turkish or English PDF narrowed to a district and a unit, refusing an unknown one', { timeout: 120_000 }, async () => {
    expect(await cozum('seed')).toMatchObject({ code: 0 });
    const out = path.join(dataDir, 'report.pdf');
    expect(await cozum('report', '--year', '2017', '--format', 'pdf', '--district', 'ilkadim', '--unit', 'zabita', '--out', out)).toMatchObject({ code: 0, stderr: expect.stringContaining(`wrote ${out}`) });
    expect(pdfText(fs.readFileSync(out))).toContain('ALO 153 Yıllık Rapor 2017 — İlkadım — Zabıta Dairesi Başkanlığı 01.01.2017 – 31.12.2017');
    expect(await cozum('report', '--year', '2017', '--format', 'pdf', '--lang', 'en', '--unit', 'zabita', '--out', out)).toMatchObject({ code: 0 });
    expect(pdfText(fs.readFileSync(out))).toContain('ALO 153 Annual Report 2017 — Municipal Police Department 1 January 2017 – 31 December 2017');
    expect(await cozum('report', '--year', '2017', '--district', 'İlkadım')).toMatchObject({ code: 0, stdout: expect.stringContaining('Requests narrowed to district İlkadım') });
    expect(await cozum('report', '--year', '2017', '--district', 'Hiçbiryer')).toMatchObject({ code: 1, stderr: expect.stringContaining("--district: no district has the code or name 'Hiçbiryer'") });
    expect(await cozum('report', '--year', '2017', '--format', 'pdf', '--lang', 'de', '--out', out)).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang de: expected tr or en') });
    expect(await cozum('report', '--year', '2017', '--lang', 'tr')).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang is for --format pdf and xlsx') });
  });

  it('stops on an invalid setting, naming the variable', { timeout: 30_000 }, async () => {
    // Spawned: the exit code and the message as the shell sees them.
    const res = await cozumSpawned({ ...env, PORT: 'seventy' }, ['migrate']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('PORT="seventy" is invalid: expected an integer from 0 to 65535');
    const small = await cozumInProcess({ ...env, PGLITE_SHARED_BUFFERS_MB: '8' }, ['migrate']);
    expect(small).toMatchObject({ code: 1, stderr: expect.stringContaining('PGLITE_SHARED_BUFFERS_MB="8" is invalid: expected an integer from 16 to 4096') });
  });

  it('asks for SESSION_SECRET only to serve: migrate, seed, imports and reports run on PostgreSQL without it', { timeout: 240_000 }, async () => {
    const name = uniqueName('cozum_cli');
    await adminQuery(`create database ${name}`);
    try {
      const pgEnv = { ...env, DATABASE_URL: databaseUrl(name), SESSION_SECRET: '' };
      const onPg = (...args: string[]) => cozumInProcess(pgEnv, args);
      expect(await onPg('migrate')).toMatchObject({ code: 0, stdout: expect.stringContaining('migrations applied on postgresql') });
      expect(await onPg('seed')).toMatchObject({ code: 0, stdout: expect.stringContaining('17 districts, 1259 neighbourhoods') });
      const log = path.join(dataDir, 'secretless_queue_log');
      fs.writeFileSync(log, '1500000000|s1|q1|NONE|ENTERQUEUE||905321112233|1\n1500000010|s1|q1|NONE|ABANDON|1|1|10\n');
      expect(await onPg('import', 'queue-log', log)).toMatchObject({ code: 0, stdout: expect.stringContaining('2 lines in the file, 2 read') });
      expect(await onPg('kpi', '--from', '2017-07-14', '--to', '2017-07-15', '--json')).toMatchObject({ code: 0, stdout: expect.stringContaining('"offered":1') });
      expect(await onPg('report', '--year', '2017', '--format', 'json')).toMatchObject({ code: 0, stdout: expect.stringContaining('"offered": 1') });
      const serve = await onPg('serve', '--no-seed');
      expect(serve).toMatchObject({ code: 1, stderr: expect.stringContaining('SESSION_SECRET="" is invalid: expected to be set (at least 32 characters) to serve sessions when DATABASE_URL is set') });
    } finally {
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  });

  it("sizes the embedded database's page cache from PGLITE_SHARED_BUFFERS_MB", { timeout: 60_000 }, async () => {
    // Loaded here, not at the top: on the PostgreSQL run this file is skipped and need not load the server.
    const { loadConfig } = await import('../../src/config.js');
    const { openAndMigrate } = await import('../../src/main.js');
    // The setting is given at each start, so the folder migrated above serves (a fresh one costs a new cluster).
    const cacheOf = async (vars: Record<string, string>) => {
      const database = await openAndMigrate(loadConfig({ DATA_DIR: dataDir, ...vars }));
      try {
        return (await database.pglite!.query<{ shared_buffers: string }>('show shared_buffers')).rows[0]!.shared_buffers;
      } finally {
        await database.close();
      }
    };
    expect(await cacheOf({})).toBe('64MB');
    expect(await cacheOf({ PGLITE_SHARED_BUFFERS_MB: '32' })).toBe('32MB');
  });

  it('staffs an interval with Erlang C and evaluates one with Erlang A', { timeout: 30_000 }, async () => {
    // Worked in packages/domain/src/erlang.test.ts: 2 Erlangs, 80 % in 20 s → 4 agents, 86.07 %.
    const c = JSON.parse((await cozum('staffing', '--calls', '40', '--interval-minutes', '60', '--aht-seconds', '180', '--target-sl', '0.8', '--target-seconds', '20', '--shrinkage', '0.3', '--json')).stdout);
    expect(c).toMatchObject({ agents: 4, staffed: 6, serviceLevel: 0.860741, occupancy: 0.5, waitProbability: 0.173913 });
    const a = JSON.parse((await cozum('staffing', '--calls', '40', '--interval-minutes', '60', '--aht-seconds', '180', '--target-sl', '0.8', '--target-seconds', '20', '--patience-seconds', '120', '--agents', '3', '--json')).stdout);
    expect(a).toMatchObject({ model: 'erlang-a', agents: 3, meetsTarget: false });
    expect(a.abandonProbability).toBeGreaterThan(0.1);
    const bad = await cozum('staffing', '--calls', 'kırk', '--interval-minutes', '60', '--aht-seconds', '180');
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--calls kırk: expected a number of calls') });
  });
});
