import { defineConfig } from 'vitest/config';

// Three tiers: fast unit tests beside the code; HTTP-level integration tests in test/ against a
// real PostgreSQL (TEST_DATABASE_URL / DATABASE_URL) or, without one, the embedded PGlite; and
// browser end-to-end tests driving the built client in Debian's headless Chromium.
export default defineConfig({
  test: {
    // Two workers match the two cores here; each integration file gets its own database.
    maxWorkers: 2,
    // `npm run coverage`: V8's own counters over the unit and integration tests, for the code they
    // reach in this process (not the e2e browser, nor a server started as a child process).
    coverage: {
      provider: 'v8',
      include: ['{shared,db,seeds,server,client}/src/**/*.{ts,tsx}', 'migrations/**/*.ts'],
      exclude: ['**/*.test.ts', '**/dist/**', '**/node_modules/**'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'coverage',
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,db,seeds,server,client}/src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // The database template as for the integration tests, then the client build.
          globalSetup: ['test/setup/global-setup.ts', 'test/e2e/support/global-setup.ts'],
          // One file at a time: each runs a server and a browser, and two cores are shared.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
