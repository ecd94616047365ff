#!/usr/bin/env node
// `npm test`: everything. Type check and lint, the web build, then vitest: domain unit tests,
// the server suite on PGlite and on PostgreSQL, and the browser tests in Chromium.
// Chromium, MariaDB's server for the queue_log table test, and pdftotext (poppler-utils) for the
// report PDF tests are installed when missing and we are root; otherwise we stop and say how.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(title, cmd, args, options = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`✗ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0) {
    run('Installing Chromium for the browser tests (apt-get install chromium)', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
    if (fs.existsSync(CHROMIUM)) return;
  }
  console.error(`The browser tests need Chromium at ${CHROMIUM}. Install it with:\n  sudo apt-get install -y chromium\nor set CHROMIUM_PATH to a Chromium binary, then run npm test again.`);
  process.exit(1);
}

// The queue_log test starts its own private mariadbd; Debian's mariadb-server-core holds the
// server alone, without a system service that would start and keep running.
function findMariaDb() {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  return process.env.MARIADBD_PATH ?? dirs.map((dir) => path.join(dir, 'mariadbd')).find((file) => fs.existsSync(file));
}

function ensureMariaDb() {
  if (findMariaDb()) return;
  if (process.getuid?.() === 0) {
    run('Installing MariaDB for the queue_log table test (apt-get install mariadb-server-core)', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server-core']);
    if (findMariaDb()) return;
  }
  console.error(`The queue_log table test starts a private MariaDB server and found no mariadbd. Install it with:\n  sudo apt-get install -y mariadb-server-core\n(or mariadb-server), or set MARIADBD_PATH to a mariadbd binary, then run npm test again.`);
  process.exit(1);
}

// The report tests read the PDFs back as text and word boxes with poppler's pdftotext.
const findPdftotext = () => (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'pdftotext')).find((file) => fs.existsSync(file));

function ensurePdftotext() {
  if (findPdftotext()) return;
  if (process.getuid?.() === 0) {
    run('Installing pdftotext for the report tests (apt-get install poppler-utils)', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils']);
    if (findPdftotext()) return;
  }
  console.error(`The report tests read the PDF reports with pdftotext and found none on the PATH. Install it with:\n  sudo apt-get install -y poppler-utils\nthen run npm test again.`);
  process.exit(1);
}

async function ensurePostgres() {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  const reachable = await new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 5432) });
    socket.once('connect', () => { socket.end(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
  if (reachable) return;
  console.error(`The server suite also runs on PostgreSQL and found none at ${url.hostname}:${url.port || 5432}.\nStart PostgreSQL (15 or newer; e.g. 'pg_ctlcluster 15 main start'), or set TEST_DATABASE_URL to a server where the user may create databases.`);
  process.exit(1);
}

ensureChromium();
ensureMariaDb();
ensurePdftotext();
await ensurePostgres();
run('Type check and lint', 'npm', ['run', 'check']);
run('Web app build', 'npm', ['run', 'build', '-w', 'packages/web']);
run('Tests: domain, server on PGlite and PostgreSQL, browser', 'npx', ['vitest', 'run', ...process.argv.slice(2)]);
