import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '@ikt/server/app';
import { DEFAULT_SECURITY, type SecurityConfig } from '@ikt/server/config';
import { hashPassword } from '@ikt/server/modules/users/password';
import type { DbHandle } from '@ikt/db/create-db';
import { seedDemoData } from '@ikt/seeds/demo.seed';
import { seedDemoUsers } from '@ikt/seeds/demo-users.seed';
import { createTestDatabase } from './database';

export const TEST_PASSWORD = 'test-password-2027';

export interface TestApp {
  app: FastifyInstance;
  database: DbHandle;
  /** Signs a demo user in; answers a client whose requests carry that session. */
  signIn(email: string): Promise<TestClient>;
  /** A client without a session. */
  anonymous: TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  cookie: string | undefined;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

function clientFor(app: FastifyInstance, cookie: string | undefined): TestClient {
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(cookie ? { cookie } : {}), ...(options.headers ?? {}) } });
  const withBody =
    (method: 'POST' | 'PATCH' | 'PUT') =>
    (url: string, body?: unknown, headers: Record<string, string> = {}) =>
      request({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    cookie,
    request,
    get: (url, headers = {}) => request({ method: 'GET', url, headers }),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (url, headers = {}) => request({ method: 'DELETE', url, headers }),
  };
}

/** The session cookie a login answer sets, as a Cookie header. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'ikt_session');
  if (!cookie) throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `${cookie.name}=${cookie.value}`;
}

/**
 * The very app that main.ts serves, over this file's own database, driven with app.inject.
 * With `demo`, the demo cycles and the demo users (password TEST_PASSWORD) are loaded. With
 * `database`, that one (migrated, reference data loaded) instead; closing the app closes it.
 */
export interface TestAppOptions {
  demo?: boolean;
  security?: Partial<SecurityConfig>;
  database?: DbHandle;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  if (options.demo) {
    await seedDemoData(database.db);
    await seedDemoUsers(database.db, await hashPassword(TEST_PASSWORD));
  }
  const app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    config: {
      logLevel: 'silent',
      clientDist: '/nonexistent-client-dist',
      security: { ...DEFAULT_SECURITY, ...options.security },
    },
    logger: false,
  });
  await app.ready();
  return {
    app,
    database,
    anonymous: clientFor(app, undefined),
    async signIn(email: string) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      return clientFor(app, sessionCookieOf(response));
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * The demo app for one test file, with these demo users signed in under the names given:
 * built before the file's first test, closed after its last. The app and the clients are filled
 * in by then, so use them inside tests and hooks only; a file's own `beforeAll` runs after this
 * one's, and its own `afterAll` before the app closes.
 */
export function demoAppForFile<const People extends Record<string, string>>(
  people: People,
  options: Omit<TestAppOptions, 'demo'> = {},
): { t: TestApp } & { [Name in keyof People]: TestClient } {
  const t = {} as TestApp;
  const clients = Object.fromEntries(Object.keys(people).map((name) => [name, {} as TestClient]));
  beforeAll(async () => {
    Object.assign(t, await createTestApp({ ...options, demo: true }));
    for (const [name, email] of Object.entries(people)) Object.assign(clients[name]!, await t.signIn(email));
  });
  afterAll(async () => {
    // When building the app failed, there is nothing to close.
    if ('close' in t) await t.close();
  });
  return { t, ...clients } as { t: TestApp } & { [Name in keyof People]: TestClient };
}
