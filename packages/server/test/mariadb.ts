/**
 * A private MariaDB server for one test file: Debian's mariadbd on a free port of 127.0.0.1,
 * with its own data folder under the temp folder, no grant tables (nothing but the test can
 * reach it) and a small InnoDB, stopped and removed afterwards. `npm test` (scripts/test.mjs)
 * and .ci/run install Debian's mariadb-server-core (the server alone) when it is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';

export interface MariaDb {
  /** A mysql:// URL of a database on this server. */
  url(database: string): string;
  query(sqlText: string, values?: unknown[]): Promise<unknown>;
  stop(): Promise<void>;
}

function findServer(): string {
  const candidates = [process.env.MARIADBD_PATH, ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'mariadbd')), '/usr/sbin/mariadbd', '/usr/local/sbin/mariadbd'];
  const found = candidates.find((file): file is string => !!file && fs.existsSync(file));
  if (!found) throw new Error("This test starts a private MariaDB server and found no mariadbd. Install it with 'sudo apt-get install -y mariadb-server-core' (npm test does so itself when run as root), or set MARIADBD_PATH to a mariadbd binary.");
  return found;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

export async function startMariaDb(): Promise<MariaDb> {
  const server = findServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-mariadb-'));
  fs.mkdirSync(path.join(dir, 'data'));
  const port = await freePort();
  // An empty data folder is enough without grant tables: InnoDB creates its files at start.
  const child = spawn(
    server,
    ['--no-defaults', `--datadir=${dir}/data`, `--socket=${dir}/socket`, `--pid-file=${dir}/pid`, `--tmpdir=${dir}`, `--port=${port}`, '--bind-address=127.0.0.1', '--skip-grant-tables', '--skip-log-bin', '--innodb-buffer-pool-size=16M', '--innodb-log-file-size=4M', ...(process.getuid?.() === 0 ? ['--user=root'] : [])],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited(child), sleep(10_000).then(() => child.kill('SIGKILL'))]);
      await exited(child);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const url = (database: string) => `mysql://root@127.0.0.1:${port}/${database}`;
  let admin: mysql.Connection | null = null;
  const deadline = Date.now() + 30_000;
  while (!admin) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`mariadbd stopped while starting:\n${log}`);
    }
    try {
      admin = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`mariadbd did not accept connections on 127.0.0.1:${port} within 30 s:\n${log}`);
      }
      await sleep(100);
    }
  }
  const connection = admin;
  return {
    url,
    query: async (sqlText, values) => (await connection.query(sqlText, values))[0],
    async stop() {
      await connection.end();
      await stop();
    },
  };
}
