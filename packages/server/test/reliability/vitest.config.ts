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
    // The fuzzer and the server it attacks share one process, and the fuzzer's own garbage
    // (bodies of 10,000 repeated keys, 100,000 separators) filled V8's default young generation
    // fast enough that one collection held /healthz 114 ms late on an idle machine; with 32 MB
    // semi-spaces the worst was 74–92 ms. `cozum serve` may take the same flag in NODE_OPTIONS.
    execArgv: ['--max-semi-space-size=32'],
  },
});
