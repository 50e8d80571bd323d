import { defineConfig } from 'vitest/config';

// Three suites: `unit` runs the pure core in Node over the corpus and fixtures; `e2e` drives the
// built extension in Debian's Chromium (see test/e2e/harness.ts); `firefox` drives the Firefox
// build in Debian's firefox-esr (test/firefox/harness.ts). Firefox runs last, alone: two browsers
// never share the machine, and no unit test rebuilds the add-on under it (Firefox reads a
// temporary add-on's files from the folder as it goes).
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
      {
        test: {
          name: 'firefox',
          include: ['test/firefox/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/firefox/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
