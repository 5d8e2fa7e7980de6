import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app';

/**
 * Random requests at every route of the OpenAPI document: random ids, bodies, query strings and
 * content types, from every role. No answer may be a 5xx, and none may carry a stack trace, SQL
 * or a file path.
 */
let t: TestApp;
let routes: { method: string; path: string }[];
let clients: TestClient[];

const LEAKS =
  /\bat .+\.(ts|js):\d+|node_modules|\/work\/|\/src\/|SELECT |INSERT INTO|UPDATE \w+ SET|password_hash|\$argon2/;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
  clients = [
    t.anonymous,
    await t.signIn('lead.iksd@riga.example'),
    await t.signIn('itc.finance@riga.example'),
    await t.signIn('council@riga.example'),
    await t.signIn('admin@riga.example'),
  ];
});
afterAll(async () => {
  await t.close();
});

const idArbitrary = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map(String),
  fc.constantFrom(
    '0',
    '-1',
    '1e3',
    '99999999999999999999',
    'abc',
    '%00',
    '..%2F..',
    'ĀČĒ',
    '1;DROP TABLE x',
    '2251',
    'WS',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);

const bodyArbitrary = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        title: fc.string(),
        ekkCode: fc.constantFrom('2251', '5238', '2250', 'x'),
        costNature: fc.constantFrom('maintenance', 'development', 'nope'),
        priority: fc.constantFrom('mandatory', 'low', 'x'),
        amounts: fc.dictionary(
          fc.constantFrom('2027', '2028', '1999', 'x'),
          fc.oneof(fc.string(), fc.double(), fc.constant('12.34')),
        ),
        to: fc.constantFrom('open', 'review', 'closed', 'x'),
        decision: fc.constantFrom('accept', 'return', 'x'),
        comment: fc.string(),
        name: fc.string(),
        code: fc.string({ maxLength: 10 }),
        email: fc.string(),
        password: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constant('{"__proto__":{"polluted":true}}'),
);

const contentTypeArbitrary = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
);

const queryArbitrary = fc.oneof(
  fc.constant(''),
  fc.constantFrom('?by=ekk', '?by=nope', '?lang=en', '?limit=-5', '?from=yesterday', '?selectable=true', '?x=1'),
  fc.string({ maxLength: 20 }).map((s) => `?${encodeURIComponent(s)}=${encodeURIComponent(s)}`),
);

describe('fuzzing every route', () => {
  it('never answers 5xx and never leaks internals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        idArbitrary,
        idArbitrary,
        queryArbitrary,
        bodyArbitrary,
        contentTypeArbitrary,
        fc.constantFrom('', '"1"', '"999"', 'garbage'),
        async (routeIndex, clientIndex, id, otherId, query, body, contentType, ifMatch) => {
          const route = routes[routeIndex % routes.length]!;
          const client = clients[clientIndex % clients.length]!;
          const url = route.path.replace('{otherId}', otherId).replace(/\{[^}]+\}/g, id) + query;
          const hasBody = !['GET', 'HEAD', 'DELETE'].includes(route.method);
          const response = await client.request({
            method: route.method as 'GET',
            url,
            headers: {
              ...(hasBody ? { 'content-type': contentType } : {}),
              ...(ifMatch ? { 'if-match': ifMatch } : {}),
            },
            ...(hasBody ? { payload: body } : {}),
          });
          expect(response.statusCode, `${route.method} ${url} ${body}`).toBeLessThan(500);
          expect(response.body, `${route.method} ${url}`).not.toMatch(LEAKS);
        },
      ),
      { numRuns: 400 },
    );
  }, 300_000);
});
