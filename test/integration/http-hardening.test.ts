import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '@ikt/server/app';
import { DEFAULT_SECURITY, type SecurityConfig } from '@ikt/server/config';
import { problemSchema } from '@ikt/shared/problem.schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { expectProblem } from '../helpers/problem';

/**
 * What every answer carries, whoever produced it: Fastify's own errors (a malformed URL, a bad
 * body, a broken request line) are our problem+json with our headers and echo nothing back; HSTS
 * goes out when the request came over TLS through a proxy we named; the API docs have a policy of
 * their own; API answers are not stored, however their path is spelled.
 */

let t: TestApp;
const extraApps: FastifyInstance[] = [];

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  for (const app of extraApps) await app.close();
  await t.close();
});

/** Another app over the same database, with other security settings. */
async function appWith(security: Partial<SecurityConfig>): Promise<FastifyInstance> {
  const app = await buildApp({
    db: t.database.db,
    databaseKind: t.database.kind,
    config: {
      logLevel: 'silent',
      clientDist: '/nonexistent-client-dist',
      security: { ...DEFAULT_SECURITY, ...security },
    },
    logger: false,
  });
  extraApps.push(app);
  await app.ready();
  return app;
}

type Headers = Record<string, string | string[] | number | undefined>;

function expectOurHeaders(headers: Headers): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(String(headers['content-security-policy'])).toContain("default-src 'self'");
  expect(headers['cache-control']).toBe('no-store');
  expect(headers['x-request-id']).toBeTruthy();
}

/** Our problem+json, our headers, and nothing of Fastify's or of the request's text in the body. */
function expectHardenedProblem(response: LightMyRequestResponse, status: number, echo?: string): void {
  expectProblem(response, status);
  expectOurHeaders(response.headers);
  expect(response.body).not.toMatch(/FST_|fastify/i);
  if (echo !== undefined) expect(response.body).not.toContain(echo);
}

describe("Fastify's own errors", () => {
  it('answers a malformed URL with problem+json, our headers and no echo of the path', async () => {
    for (const url of ['/%c0%ae%c0%ae/x', '/api/cycles/%c0', '/api/%E0%A4%A']) {
      const response = await t.anonymous.get(url);
      expectHardenedProblem(response, 400, url.slice(1, 8));
    }
  });

  it('answers an over-long path parameter the same way', async () => {
    const id = '7'.repeat(150);
    expectHardenedProblem(await t.anonymous.get(`/api/cycles/${id}`), 414, id);
  });

  it('answers the request id a proxy sent, also on those errors', async () => {
    const response = await t.anonymous.get('/%c0%ae%c0%ae/x', { 'x-request-id': 'proxy-42' });
    expect(response.headers['x-request-id']).toBe('proxy-42');
  });

  it('answers a broken JSON body, a wrong content type, a too large body and a wrong length with problem+json', async () => {
    const login = (payload: string, headers: Record<string, string>) =>
      t.anonymous.request({ method: 'POST', url: '/api/auth/login', payload, headers });
    expectHardenedProblem(await login('{"email": <script>', { 'content-type': 'application/json' }), 400, '<script>');
    expectHardenedProblem(
      await login('email=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'email=x',
    );
    expectHardenedProblem(await login('plain words', { 'content-type': 'text/plain' }), 415, 'plain words');
    expectHardenedProblem(
      await login(JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' }),
      413,
    );
    expectHardenedProblem(
      await login('{"email":"a@b.c"}', { 'content-type': 'application/json', 'content-length': '5' }),
      400,
    );
  });

  it('answers a route that does not exist with problem+json', async () => {
    expectHardenedProblem(await t.anonymous.get('/api/no-such-route'), 404, 'no-such-route');
    expectHardenedProblem(await t.anonymous.request({ method: 'DELETE', url: '/api/health' }), 404);
  });

  it('answers a request Node cannot parse (bad Content-Length, headers too large) with problem+json over the socket', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(text));
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
        socket.on('error', reject);
      });

    const cases = [
      { status: 400, text: 'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}' },
      { status: 431, text: `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n` },
    ];
    for (const { status, text } of cases) {
      const answer = await raw(text);
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      expect(head.split('\r\n')[0]).toBe(
        `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : 'Request Header Fields Too Large'}`,
      );
      const headers = Object.fromEntries(
        head
          .split('\r\n')
          .slice(1)
          .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      expect(headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(headers['content-length'])).toBe(Buffer.byteLength(body));
      expect(problemSchema.parse(JSON.parse(body)).status).toBe(status);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['content-security-policy']).toContain("default-src 'self'");
      expect(body).not.toMatch(/abc|aaaa|Client Error/);
    }
  });
});

describe('Strict-Transport-Security', () => {
  const HSTS = 'strict-transport-security';
  const overTls = { 'x-forwarded-proto': 'https' };

  it('is sent when the request came over TLS through a proxy we named, on every kind of answer', async () => {
    const app = await appWith({ trustProxy: ['127.0.0.1'] });
    for (const url of ['/api/health', '/api/cycles', '/api/no-such-route', '/api/docs']) {
      const response = await app.inject({ method: 'GET', url, headers: overTls });
      expect(response.headers[HSTS], url).toMatch(/^max-age=(\d{8,}|3153600\d)/);
    }
  });

  it('is not sent over plain HTTP, nor when the address claiming TLS is not a proxy we named', async () => {
    const named = await appWith({ trustProxy: ['10.0.0.1'] });
    expect((await named.inject({ method: 'GET', url: '/api/health' })).headers[HSTS]).toBeUndefined();
    // From 127.0.0.1, which is not the named proxy: its X-Forwarded-Proto is not believed…
    expect((await named.inject({ method: 'GET', url: '/api/health', headers: overTls })).headers[HSTS]).toBeUndefined();
    // …from the named proxy it is.
    const fromProxy = await named.inject({
      method: 'GET',
      url: '/api/health',
      headers: overTls,
      remoteAddress: '10.0.0.1',
    });
    expect(fromProxy.headers[HSTS]).toBeDefined();
    // With no proxy trusted at all, the header is never believed.
    expect((await t.anonymous.get('/api/health', overTls)).headers[HSTS]).toBeUndefined();
  });
});

describe('the API docs page', () => {
  it('has a Content-Security-Policy of its own that allows only its own scripts', async () => {
    for (const url of ['/api/docs', '/api/docs/', '/api/docs/static/swagger-initializer.js']) {
      const response = await t.anonymous.get(url);
      expect(response.statusCode, url).toBe(200);
      const policy = String(response.headers['content-security-policy']);
      const scriptSource = /script-src ([^;]*)/.exec(policy)?.[1];
      expect(scriptSource, url).toBe("'self'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
    }
  });

  it('works under that policy: no inline script, and every script and style it names is served here', async () => {
    const page = await t.anonymous.get('/api/docs');
    const html = page.body;
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', content = ''] of scripts) {
      expect(attributes).toMatch(/src="/);
      expect(content.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son\w+=/i);
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(references.length).toBeGreaterThan(3);
    for (const reference of references) {
      expect(reference, 'same origin').toMatch(/^\/api\/docs\//);
      expect((await t.anonymous.get(reference)).statusCode, reference).toBe(200);
    }
  });

  it('leaves the rest of the app under the stricter default policy', async () => {
    const policy = String((await t.anonymous.get('/api/health')).headers['content-security-policy']);
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('script-src');
  });
});

describe('caching', () => {
  it('marks API answers no-store however the path is spelled', async () => {
    for (const url of ['/api/openapi.json', '/%61pi/openapi.json', '/api/%6Fpenapi.json']) {
      const response = await t.anonymous.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    for (const url of ['/api/goals', '/%61pi/goals']) {
      expect((await t.anonymous.get(url)).headers['cache-control'], url).toBe('no-store');
    }
  });
});
