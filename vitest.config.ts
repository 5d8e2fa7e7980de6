import { defineConfig } from 'vitest/config';

// Two tiers: fast unit tests beside the code, and HTTP-level integration tests in test/ against a
// real PostgreSQL (TEST_DATABASE_URL / DATABASE_URL) or, without one, the embedded PGlite.
export default defineConfig({
  test: {
    // Two workers match the two cores here; each integration file gets its own database.
    maxWorkers: 2,
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
    ],
  },
});
