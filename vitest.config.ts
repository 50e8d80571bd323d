import { defineConfig } from 'vitest/config';

// Two suites: `unit` runs the pure core in Node over the corpus and fixtures; `e2e` drives the
// built extension in Debian's Chromium (see test/e2e/harness.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // The unit tests first, then the browsers alone: on two cores, a unit test's CPU would
          // otherwise show up in the browser tests' timings and waits.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
