#!/usr/bin/env node
// `npm start`: builds the web app when its build is missing (or older than its two pages), then
// runs `cozum serve` on the embedded database with reference data and demo accounts (unless
// DATABASE_URL is set).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'packages/web/dist');

if (!['index.html', 'portal.html'].every((page) => fs.existsSync(path.join(dist, page)))) {
  console.log('Building the web app (first start only)…');
  const build = spawnSync('npm', ['run', 'build', '-w', 'packages/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The web app did not build; see the messages above.');
    process.exit(build.status ?? 1);
  }
}

// On the embedded database the first start also writes a small demo of the last two years up
// to now (1 % of Samsun's calls, with a progress bar), so this year's reports and dashboards
// have something to show.
const demo = process.env.DATABASE_URL ? [] : ['--demo', '0.01'];
const server = spawn(process.execPath, [path.join(root, 'packages/server/bin/cozum.mjs'), 'serve', ...demo, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
