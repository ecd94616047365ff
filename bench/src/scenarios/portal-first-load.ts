/**
 * portal.first-load: the bytes a phone downloads to open /portal: the page, every file it names
 * (its script, modulepreloads, stylesheets, icon) and the modules those scripts import, but not
 * the chunks loaded lazily, as the real server sends them to a browser that accepts brotli, and
 * to one that accepts only gzip. Bodies only, as transferred. Reference: the same files
 * uncompressed. The web app is built afresh into a temporary folder. Budget: ≤ 150 kB (kB = 1,000 bytes).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { startApp } from '../lib/apps.js';
import { openBenchDatabase } from '../lib/engines.js';
import type { Row, Scenario } from './types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BUDGET_KB = 150;

interface Fetched {
  bytes: number;
  text: string;
  encoding: string | null;
}

/** One GET, the body counted as it came over the wire (Node's fetch would decompress it first). */
function get(url: string, acceptEncoding: string | null): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: url.includes('/assets/') ? '*/*' : 'text/html' };
    if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
    http.get(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${url} answered ${res.statusCode}`));
        const body = Buffer.concat(parts);
        const encoding = res.headers['content-encoding'] ?? null;
        const text = (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8');
        resolve({ bytes: body.length, text, encoding });
      });
    }).on('error', reject);
  });
}

// What a page makes the browser fetch before it runs: scripts, modulepreloads, stylesheets, the icon.
const FETCHED_BY_PAGE = /<(?:script[^>]*\ssrc|link[^>]*\srel="(?:stylesheet|modulepreload|icon)"[^>]*\shref)="([^"]+)"/g;
// A module's static imports (import … from "./x.js", import "./x.js", export … from "./x.js"); import("./x.js") is lazy.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** The page at `pagePath` and every file fetched before it runs, with the bytes each took. */
async function firstLoad(base: string, pagePath: string, acceptEncoding: string | null): Promise<Map<string, Fetched>> {
  const loaded = new Map<string, Fetched>();
  const load = async (url: string): Promise<void> => {
    if (loaded.has(url)) return;
    const fetched = await get(url, acceptEncoding);
    loaded.set(url, fetched);
    const named = url.endsWith('.js') ? [...fetched.text.matchAll(STATIC_IMPORT)] : url.endsWith('.css') ? [] : [...fetched.text.matchAll(FETCHED_BY_PAGE)];
    for (const [, ref] of named) await load(new URL(ref!, url).toString());
  };
  await load(`${base}${pagePath}`);
  return loaded;
}

const total = (files: Map<string, Fetched>) => [...files.values()].reduce((sum, f) => sum + f.bytes, 0);

export const portalFirstLoad: Scenario = {
  name: 'portal.first-load',
  summary: `bytes a phone downloads to open /portal, brotli and gzip, vs uncompressed (budget: ≤ ${BUDGET_KB} kB)`,
  engines: ['pglite'],
  async run(engine) {
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-bench-web-'));
    const bench = await openBenchDatabase(engine);
    try {
      const build = spawnSync('npm', ['run', 'build', '-w', 'packages/web', '--', '--outDir', webDist, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`the web app did not build: ${build.stderr || build.stdout}`);
      const { app, base } = await startApp(bench.database, { webDist });
      try {
        const plain = await firstLoad(base, '/portal', null);
        if (!plain.get(`${base}/portal`)!.text.includes('/assets/portal-')) throw new Error('/portal did not answer with the citizens\' page (portal.html)');
        const reference = total(plain) / 1000;
        const rows: Row[] = [];
        for (const encoding of ['br', 'gzip'] as const) {
          const files = await firstLoad(base, '/portal', encoding);
          if (files.size !== plain.size) throw new Error(`with ${encoding} the page fetched ${files.size} files, without ${plain.size}`);
          const unsent = [...files].filter(([, f]) => f.encoding !== encoding && f.bytes > 1000).map(([url]) => url);
          if (unsent.length) throw new Error(`sent without ${encoding}: ${unsent.join(', ')}`);
          const value = total(files) / 1000;
          rows.push({ scenario: encoding === 'br' ? 'portal.first-load' : 'portal.first-load.gzip', engine, value, unit: `kB ${encoding}`, reference, ratio: value / reference, budget: `≤ ${BUDGET_KB} kB`, ok: value <= BUDGET_KB });
        }
        return rows;
      } finally {
        await app.close();
      }
    } finally {
      await bench.dispose();
      fs.rmSync(webDist, { recursive: true, force: true });
    }
  },
};
