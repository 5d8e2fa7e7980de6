import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@ikt/server/app';
import { DEFAULT_SECURITY } from '@ikt/server/config';
import { hashPassword } from '@ikt/server/modules/users/password';
import type { DbHandle } from '@ikt/db/create-db';
import { seedDemoData } from '@ikt/seeds/demo.seed';
import { seedDemoUsers } from '@ikt/seeds/demo-users.seed';
import { TEST_PASSWORD } from '../../helpers/app';
import { createTestDatabase } from '../../helpers/database';

export { TEST_PASSWORD };

const clientDist = fileURLToPath(new URL('../../../client/dist', import.meta.url));

export interface E2eApp {
  /** `http://127.0.0.1:<port>` — the app as a browser reaches it. */
  baseUrl: string;
  database: DbHandle;
  close(): Promise<void>;
}

/**
 * The real server (the app `npm start` serves, with the built client) on a free port, over this
 * file's own copy of the database with the demo cycles and demo users (password TEST_PASSWORD).
 */
export async function startE2eApp(): Promise<E2eApp> {
  const database = await createTestDatabase();
  await seedDemoData(database.db);
  await seedDemoUsers(database.db, await hashPassword(TEST_PASSWORD));
  const app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    config: { logLevel: 'silent', clientDist, security: DEFAULT_SECURITY },
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
