import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '@ikt/shared/problem.schema';
import { appWithClientStandIn, type ClientApp } from '../helpers/client-app';
import { request, type HttpAnswer } from '../support/http-request';

/**
 * Authentication is a property of each route, not of how its path is spelled: every route of the
 * OpenAPI document answers 401 to a request without a session — asked for as documented, with
 * letters percent-encoded (the router decodes them) or in upper case — unless the route itself
 * says it is public. Requests go over a real socket, so the server sees the path exactly as
 * written here (app.inject would normalise some spellings first).
 */

/** The routes of the document anyone may call; every other one needs a session. */
const PUBLIC_ROUTES = new Set(['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout']);

/** What a browser's page shell looks like here (a stand-in for client/dist). */
const SHELL_MARKER = '<div id="root">';

let served: ClientApp;
let port: number;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
let routes: { method: string; path: string }[];

/** One request with the path sent byte for byte as given. */
const send = (method: string, rawPath: string, body?: string): Promise<HttpAnswer> =>
  request(
    agent,
    { host: '127.0.0.1', port },
    {
      method,
      path: rawPath,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body,
    },
  );

/** `/api/cycles/{id}/consolidation` → `/api/cycles/1/consolidation`. */
const filled = (documentPath: string) => documentPath.replace(/\{[^}]+\}/g, '1');

const percentEncoded = (letter: string) => `%${letter.charCodeAt(0).toString(16).toUpperCase()}`;

/** Spellings the router takes for the same route. */
function sameRouteSpellings(urlPath: string): string[] {
  const rest = urlPath.slice('/api'.length);
  return [
    urlPath,
    `/%61pi${rest}`,
    // Every letter of every segment percent-encoded.
    urlPath.replace(/[a-z]/g, percentEncoded),
    // One letter of the last segment only.
    urlPath.replace(/\/([a-z])([^/]*)$/, (_, first: string, tail: string) => `/${percentEncoded(first)}${tail}`),
  ];
}

/** Spellings that must match no route (or a route that still asks for a session). */
function otherSpellings(urlPath: string): string[] {
  const rest = urlPath.slice('/api'.length);
  return [
    `/API${rest}`,
    `/Api${rest}`,
    urlPath.toUpperCase(),
    `/%41PI${rest}`,
    `/x/..${urlPath}`,
    `/api/.${rest}`,
    `http://127.0.0.1${urlPath}`,
  ];
}

const isProblem = (response: HttpAnswer) =>
  String(response.headers['content-type']).startsWith('application/problem+json');

beforeAll(async () => {
  served = await appWithClientStandIn(`<!doctype html>${SHELL_MARKER}</div>`);
  const { app } = served;
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;

  const document = JSON.parse((await send('GET', '/api/openapi.json')).body) as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(document.paths).flatMap(([documentPath, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path: documentPath })),
  );
});
afterAll(async () => {
  agent.destroy();
  await served?.close();
});

describe('every route needs a session unless it says it is public', () => {
  it('the document lists the API (so the walk below covers it)', () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const route of PUBLIC_ROUTES) {
      expect(routes.map((r) => `${r.method} ${r.path}`)).toContain(route);
    }
  });

  it('answers 401 problem+json to every other route of the document, however its path is spelled', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (PUBLIC_ROUTES.has(`${route.method} ${route.path}`)) continue;
      const methods = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
      for (const method of methods) {
        for (const spelling of sameRouteSpellings(filled(route.path))) {
          const response = await send(method, spelling, method === 'GET' || method === 'HEAD' ? undefined : '{}');
          const problemOk = method === 'HEAD' || problemSchema.safeParse(JSON.parse(response.body || 'null')).success;
          if (response.status !== 401 || !isProblem(response) || !problemOk) {
            wrong.push(`${method} ${spelling} → ${response.status} ${response.body.slice(0, 60)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers an upper-case or dotted spelling with 401 or a problem+json 404, never data or the page', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (PUBLIC_ROUTES.has(`${route.method} ${route.path}`)) continue;
      for (const spelling of otherSpellings(filled(route.path))) {
        const response = await send(route.method, spelling, route.method === 'GET' ? undefined : '{}');
        if (![401, 404].includes(response.status) || !isProblem(response) || response.body.includes(SHELL_MARKER)) {
          wrong.push(`${route.method} ${spelling} → ${response.status} ${response.body.slice(0, 60)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers the public routes without a session', async () => {
    expect((await send('GET', '/api/health')).status).toBe(200);
    // An empty sign-in is refused for what it is (400), not for want of a session.
    expect((await send('POST', '/api/auth/login', '{}')).status).toBe(400);
    expect((await send('POST', '/api/auth/logout')).status).toBe(204);
    const openapi = await send('GET', '/api/openapi.json');
    expect(openapi.status).toBe(200);
    expect(JSON.parse(openapi.body)).toHaveProperty('openapi');
    const docs = await send('GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.body).toContain('swagger-ui');
    expect((await send('GET', '/api/docs/static/swagger-ui-bundle.js')).status).toBe(200);
    expect((await send('GET', '/api/docs/json')).status).toBe(200);
    // The client's page and its files.
    const shell = await send('GET', '/');
    expect(shell.status).toBe(200);
    expect(shell.body).toContain(SHELL_MARKER);
    expect((await send('GET', '/reference?tab=goals')).body).toContain(SHELL_MARKER);
    expect((await send('GET', '/assets/app-1234abcd.js')).status).toBe(200);
  });

  it('keeps an API-looking path that no route matches a problem+json 404, not the client page', async () => {
    for (const spelling of [
      '/API/goals',
      '/Api/goals',
      '/%41PI/goals',
      '/%61pi/no-such-thing',
      '//api/goals',
      '/API',
    ]) {
      const response = await send('GET', spelling);
      expect(response.status, spelling).toBe(404);
      expect(isProblem(response), spelling).toBe(true);
      expect(response.body).not.toContain(SHELL_MARKER);
    }
  });
});
