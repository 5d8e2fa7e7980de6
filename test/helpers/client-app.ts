import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@ikt/server/app';
import { createTestDatabase } from './database';

/** The app over a test database of its own, serving a stand-in for client/dist. */
export interface ClientApp {
  app: FastifyInstance;
  /** Closes the app and the database and removes the stand-in. */
  close(): Promise<void>;
}

/**
 * A stand-in for client/dist (`index.html` holding `shell`, one hashed asset
 * `assets/app-1234abcd.js`), so a test does not depend on a client build, and the app serving it.
 */
export async function appWithClientStandIn(shell: string): Promise<ClientApp> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ikt-client-'));
  await mkdir(path.join(folder, 'assets'));
  await writeFile(path.join(folder, 'index.html'), shell);
  await writeFile(path.join(folder, 'assets', 'app-1234abcd.js'), 'console.log(1)');
  const database = await createTestDatabase();
  const app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    config: { logLevel: 'silent', clientDist: folder },
    logger: false,
  });
  return {
    app,
    close: async () => {
      await app.close();
      await database.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
