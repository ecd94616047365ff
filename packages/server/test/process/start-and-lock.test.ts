/**
 * The embedded database's folder lock, as a user meets it: a second `cozum serve` on the same
 * DATA_DIR exits non-zero naming the holder; after `kill -9` of the first, a new start takes
 * the stale lock over and the data is intact. PGlite only: PostgreSQL guards itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '../engines.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/cozum.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-lock-'));
const children: ChildProcess[] = [];

function cozum(args: string[], port: number) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', DEMO_ACCOUNTS: 'true', COZUM_PASSWORD: 'kalici-parola-123' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitHealthy(port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no /healthz on port ${port}`);
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(testEngine() === 'pglite')('the data folder lock', () => {
  it('refuses a second process, survives kill -9 and keeps the data', { timeout: 180_000 }, async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const first = cozum(['serve'], port);
    await waitHealthy(port);
    expect(first.output()).toContain(`Open http://127.0.0.1:${port}`);

    const second = cozum(['serve'], port + 1);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`in use by another Çözüm process (PID ${first.child.pid})`);
    expect(second.output()).toContain(dataDir);

    // Data written through the running server must survive a hard kill.
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-cozum-153' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/units`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-cozum-csrf': '1' }, body: JSON.stringify({ code: 'kalici-birim', nameTr: 'Kalıcı Birim', nameEn: 'Durable Unit' }) });
    expect(created.status).toBe(201);

    first.child.kill('SIGKILL');
    await first.exited;

    const third = cozum(['serve'], port + 2);
    await waitHealthy(port + 2);
    const again = await fetch(`http://127.0.0.1:${port + 2}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-cozum-153' }) });
    const units = await fetch(`http://127.0.0.1:${port + 2}/api/v1/units`, { headers: { cookie: again.headers.get('set-cookie')!.split(';')[0]! } });
    expect(((await units.json()) as { items: { code: string }[] }).items.map((u: { code: string }) => u.code)).toContain('kalici-birim');
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });
});
