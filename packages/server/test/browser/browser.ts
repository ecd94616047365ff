/** Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { Config } from '../../src/config.js';
import { listenOnLoopback, startTestApp, type TestContext } from '../harness.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test-results');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH; 'npm test' installs it when run as root`);
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without the background-networking flags Chromium tries to reach Google's hosts.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** COZUM_TEST_WEB_DIST points the browser tests at another build of the web app (a build of work in progress). */
export const WEB_DIST = process.env.COZUM_TEST_WEB_DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export function requireWebBuild(): void {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`the web app is not built at ${WEB_DIST}: run 'npm run build -w packages/web' (npm test does)`);
  }
}

/** A test server with the built web app on a free loopback port (`base`), and the Chromium that visits it. */
export type BrowserApp = TestContext & { base: string; browser: Browser };

/**
 * The web app's server and a Chromium of this test file's own: started before its tests (handed to
 * `receive`, which adds the people and data they need), closed after them. `config` is read when
 * the server starts, so it may name a sink that an earlier beforeAll started.
 */
export function useBrowserApp(receive: (t: BrowserApp) => unknown, options: { config?: () => Partial<Config>; timeout?: number } = {}): void {
  let started: TestContext | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireWebBuild();
    started = await startTestApp({ webDist: WEB_DIST, config: options.config?.() });
    const base = await listenOnLoopback(started.app);
    browser = await launchChromium();
    await receive(Object.assign(started, { base, browser }));
  }, options.timeout);
  afterAll(async () => {
    await browser?.close();
    await started?.close();
  });
}
