/**
 * The web app's files as a browser gets them: the compressed copy it accepts, the citizens' page
 * or the staff app's for each address, built files cached for a year and pages revalidated.
 * A small build of its own (a page, a script with its .br and .gz, as packages/web's build writes them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestContext } from './harness.js';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-web-dist-'));
const SCRIPT = `export const greeting = ${JSON.stringify('merhaba '.repeat(200))};\n`;
const STAFF_PAGE = '<!doctype html><title>Çözüm</title><script type="module" src="/assets/index-AbC123.js"></script>';
const CITIZEN_PAGE = '<!doctype html><title>Çözüm</title><script type="module" src="/assets/portal-DeF456.js"></script>';
function writeWithCopies(name: string, content: string) {
  const file = path.join(dist, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content));
}
writeWithCopies('index.html', STAFF_PAGE);
writeWithCopies('portal.html', CITIZEN_PAGE);
writeWithCopies('assets/index-AbC123.js', SCRIPT);
// Too small to be worth compressing: the build writes no copies.
fs.writeFileSync(path.join(dist, 'assets/tiny-Gh789.js'), 'export{};');
fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

let t: TestContext;
useTestApp((started) => (t = started), { webDist: dist });
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { accept: 'text/html,*/*', ...headers } });
const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

describe('the built web app', () => {
  it('sends a script brotli-compressed to a browser that accepts br, gzip to one that accepts only gzip, as it is to others', async () => {
    const br = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 5);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gzip = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);

    for (const res of [br, gzip, plain]) {
      // A cache in between keeps one copy per encoding.
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      // The name carries the content's hash: a year, never asked about again.
      expect(res.headers['cache-control']).toBe(YEAR_IMMUTABLE);
    }
  });

  it('sends a file that has no compressed copy as it is, even to a browser that accepts br', async () => {
    const res = await get('/assets/tiny-Gh789.js', { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('export{};');
    expect(res.headers['cache-control']).toBe(YEAR_IMMUTABLE);
  });

  it("answers the citizens' addresses with the portal page and the others with the staff app's, compressed and revalidated each time", async () => {
    for (const [url, page] of [['/portal', CITIZEN_PAGE], ['/portal/track', CITIZEN_PAGE], ['/portal/requests/SAM-2026-000123?x=1', CITIZEN_PAGE], ['/s/a1b2c3', CITIZEN_PAGE], ['/', STAFF_PAGE], ['/requests/12', STAFF_PAGE], ['/portalx', STAFF_PAGE], ['/index.html', STAFF_PAGE]] as const) {
      const res = await get(url, { 'accept-encoding': 'br' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toBe(page);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const plain = await get('/portal/new');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(CITIZEN_PAGE);
    expect(plain.headers['cache-control']).toBe('no-cache');
  });

  it('answers a built file of an older release with a 404 that says so, not with a page', async () => {
    const res = await get('/assets/index-0ld.js', { accept: '*/*' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', message: expect.stringContaining('/assets/index-0ld.js') });
  });

  it('keeps other files an hour', async () => {
    const res = await get('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });
});
