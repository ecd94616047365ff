/**
 * `npm run test:reliability`: the reliability suite, apart from `npm test` because it takes
 * minutes (a 60-second mail outage, thousands of requests against killed processes). It
 * prints one table of its figures at the end. See docs/security.md.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'reliability',
    root: new URL('../../../..', import.meta.url).pathname,
    include: ['packages/server/test/reliability/**/*.test.ts'],
    // The fuzzing uses the test harness: a fresh PostgreSQL database per file.
    env: { COZUM_TEST_ENGINE: 'postgresql' },
    globalSetup: ['packages/server/test/global-setup.ts', 'packages/server/test/reliability/figures-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // Two files at a time: the mail outage mostly waits, the others mostly work.
    maxWorkers: 2,
  },
});
