import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createDb, type DbHandle } from '@ikt/db/create-db';
import { buildApp } from '@ikt/server/app';
import { expectProblem } from '../helpers/problem';

const config = { logLevel: 'silent' as const, clientDist: '/nonexistent-client-dist' };

/** A port on which nothing listens: the connection is refused at once. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe.each([
  {
    name: 'PostgreSQL that refuses connections',
    open: async (): Promise<DbHandle> =>
      createDb({ databaseUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/nothing`, poolSize: 1 }),
  },
  {
    name: 'embedded database that has been closed',
    open: async (): Promise<DbHandle> => {
      const handle = await createDb({ dataDir: 'memory://' });
      await handle.pglite!.close();
      return handle;
    },
  },
])('with a $name', ({ open }) => {
  let app: FastifyInstance;
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
    app = await buildApp({ db: handle.db, databaseKind: handle.kind, config, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await handle.close().catch(() => undefined);
  });

  it('health answers 503 and says the database is down', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'unavailable', database: 'down' });
  });

  it('a data route answers a generic 503 problem with no internals', async () => {
    // The session is looked up in the database, so even that fails cleanly.
    const response = await app.inject({
      method: 'GET',
      url: '/api/institutions',
      headers: { cookie: 'ikt_session=abc' },
    });
    const problem = expectProblem(response, 503);
    expect(problem.detail).toBe('Datubāze pašlaik nav pieejama. Mēģiniet vēlreiz pēc brīža.');
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|closed/);
  });

  it('sign-in answers 503, not a wrong-password 401', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@riga.example', password: 'whatever-it-is' },
    });
    expectProblem(response, 503);
  });
});
