import { defineConfig } from 'vitest/config';

// One project per engine for the server suite, so the output names the engine each ran on.
const serverSuite = (engine: 'pglite' | 'postgresql') => ({
  test: {
    name: `server (${engine})`,
    include: ['packages/server/test/**/*.test.ts'],
    exclude: ['packages/server/test/browser/**', 'packages/server/test/reliability/**'],
    env: { COZUM_TEST_ENGINE: engine },
    globalSetup: ['packages/server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // Most of a test's time is spent waiting on PostgreSQL, child processes or Chromium, so
    // three workers keep two cores busy (vitest's default is one fewer worker than cores).
    maxWorkers: 3,
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      // The web app's pure modules (navigation); its pages are tested in Chromium below.
      { test: { name: 'web', include: ['packages/web/src/**/*.test.ts'] } },
      serverSuite('pglite'),
      serverSuite('postgresql'),
      {
        test: {
          name: 'browser (chromium)',
          include: ['packages/server/test/browser/**/*.test.ts'],
          env: { COZUM_TEST_ENGINE: 'pglite' },
          globalSetup: ['packages/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // A page loads its code and opens its event stream before it shows anything: with
          // three workers on two cores that can take longer than expect.poll's default second.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
