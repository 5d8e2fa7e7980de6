import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appWithClientStandIn, type ClientApp } from '../helpers/client-app';
import { expectProblem } from '../helpers/problem';

let served: ClientApp;
let app: FastifyInstance;

beforeAll(async () => {
  served = await appWithClientStandIn('<!doctype html><div id="root"></div>');
  app = served.app;
});
afterAll(() => served?.close());

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
