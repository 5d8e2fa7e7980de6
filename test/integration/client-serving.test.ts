import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '@ikt/db/create-db';
import { buildApp } from '@ikt/server/app';
import { createTestDatabase } from '../helpers/database';
import { expectProblem } from '../helpers/problem';

let folder: string;
let database: DbHandle;
let app: FastifyInstance;

beforeAll(async () => {
  // A stand-in for client/dist, so this test does not depend on a client build.
  folder = await mkdtemp(path.join(tmpdir(), 'ikt-client-'));
  await mkdir(path.join(folder, 'assets'));
  await writeFile(path.join(folder, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(folder, 'assets', 'app-1234abcd.js'), 'console.log(1)');
  database = await createTestDatabase();
  app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    config: { logLevel: 'silent', clientDist: folder },
    logger: false,
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

describe('serving the client', () => {
  it('serves the app at / and at its own deep links, never cached', async () => {
    for (const url of ['/', '/reference?tab=ekk-codes']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('lets browsers keep hashed assets', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/app-1234abcd.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('keeps unknown API routes and non-GET requests as problem+json 404s', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/nothing-here' }), 404);
    expectProblem(await app.inject({ method: 'POST', url: '/reference' }), 404);
  });
});
