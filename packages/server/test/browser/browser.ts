/** Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { Config } from '../../src/config.js';
import { startTestApp, type TestContext } from '../harness.js';

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

/** The server with the built web app on a free loopback port, for a browser to visit. */
export async function startBrowserApp(config: Partial<Config> = {}): Promise<TestContext & { base: string }> {
  requireWebBuild();
  const t = await startTestApp({ webDist: WEB_DIST, config });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  return Object.assign(t, { base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
}
