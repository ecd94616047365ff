/**
 * The citizens' pages are an entry of their own (portal.html): a phone opening /portal loads
 * neither the staff app's code nor the whole of Mantine's stylesheet, gets every sizeable file
 * compressed, and sees the portal styled. A field tablet that visits the portal keeps the field
 * app as its offline shell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Response } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import { useBrowserApp, WEB_DIST, type BrowserApp } from './browser.js';
import { signInThroughForm } from './navigation.js';

let t: BrowserApp;
let tablet: BrowserContext | undefined;
useBrowserApp(async (app) => {
  t = app;
  await createUser(t.database.db, null, { username: 'tablet1', displayName: 'Saha Ekibi Deniz', password: 'tablet-parola-1', role: 'field_staff' });
});
// Registered after the browser's own hooks, so it runs before the browser closes.
afterAll(() => tablet?.close());

/** The staff app's own script and stylesheet, as its page names them (the chunks it preloads are partly shared). */
const staffFiles = () => [...fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8').matchAll(/<(?:script[^>]*\ssrc|link[^>]*\srel="stylesheet"[^>]*\shref)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);

it("opens /portal from the citizens' entry: no staff code, compressed files, and styled", async () => {
  const page = await t.browser.newPage({ viewport: { width: 390, height: 844 } });
  const responses: Response[] = [];
  page.on('response', (response) => void responses.push(response));
  await page.goto(`${t.base}/portal`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: 'Vatandaş Portalı' }).waitFor();

  const assets = responses.filter((r) => new URL(r.url()).pathname.startsWith('/assets/'));
  const loaded = assets.map((r) => new URL(r.url()).pathname);
  expect(loaded.some((p) => /^\/assets\/portal-.*\.js$/.test(p))).toBe(true);
  const staff = staffFiles();
  expect(staff).toEqual([expect.stringMatching(/^\/assets\/index-.*\.js$/), expect.stringMatching(/^\/assets\/index-.*\.css$/)]);
  expect(loaded.filter((p) => staff.includes(p))).toEqual([]);

  // Every file worth compressing came compressed (Chromium asks for br over HTTPS, gzip here).
  const sizes = await Promise.all(assets.map(async (r) => ({ path: new URL(r.url()).pathname, bytes: (await r.body()).length, encoding: r.headers()['content-encoding'] })));
  expect(sizes.filter((f) => f.bytes > 1000 && !f.encoding).map((f) => f.path)).toEqual([]);
  // Mantine's whole stylesheet alone is 250 kB.
  const css = sizes.filter((f) => f.path.endsWith('.css')).reduce((sum, f) => sum + f.bytes, 0);
  expect(css).toBeGreaterThan(0);
  expect(css).toBeLessThan(150_000);

  // Styled by the stylesheets it did load: the portal's green button, Mantine's font on the page.
  await page.getByRole('link', { name: 'Yeni başvuru yap' }).first().waitFor();
  // Run in the page (strings: this file is compiled without the DOM's types).
  expect(await page.evaluate(`getComputedStyle(document.querySelector('main a[href="/portal/new"]')).backgroundColor`)).toBe('rgb(6, 102, 73)');
  expect(await page.evaluate('getComputedStyle(document.body).fontFamily')).toMatch(/system-ui|-apple-system/);
  await page.close();
});

it('keeps the field app as the offline shell of a tablet that visits the portal', async () => {
  tablet = await t.browser.newContext();
  const page = await tablet.newPage();
  await signInThroughForm(page, `${t.base}/field`, 'tablet1', 'tablet-parola-1');
  await page.getByRole('heading', { name: 'Saha uygulaması' }).waitFor();
  await page.waitForFunction('navigator.serviceWorker.ready.then((r) => Boolean(r.active && navigator.serviceWorker.controller))');
  // Reloaded under the worker's control, every chunk the field app uses passes through its cache.
  await page.reload();
  await page.getByRole('heading', { name: 'Saha uygulaması' }).waitFor();

  await page.goto(`${t.base}/portal`);
  await page.getByRole('heading', { name: 'Vatandaş Portalı' }).waitFor();

  await tablet.setOffline(true);
  await page.goto(`${t.base}/field`);
  await page.getByRole('heading', { name: 'Saha uygulaması' }).waitFor();
});
