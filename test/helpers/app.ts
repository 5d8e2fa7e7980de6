import type { FastifyInstance } from 'fastify';
import { buildApp } from '@ikt/server/app';
import type { DbHandle } from '@ikt/db/create-db';
import { createTestDatabase } from './database';

export interface TestApp {
  app: FastifyInstance;
  database: DbHandle;
  close(): Promise<void>;
}

/** The very app that main.ts serves, over this file's own database, driven with app.inject. */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    config: { logLevel: 'silent', clientDist: '/nonexistent-client-dist' },
    logger: false,
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
