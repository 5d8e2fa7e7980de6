import type { AddressInfo } from 'node:net';
import type * as Argon2 from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '@ikt/server/app';
import { DEFAULT_SECURITY, type SecurityConfig } from '@ikt/server/config';
import { createDb, type DbHandle } from '@ikt/db/create-db';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/app';
import { createTestDatabase } from '../helpers/database';

// Every password check the server makes goes through argon2's verify: counting its calls counts
// the guesses an attacker got checked. `beforeEntry` is how many checks had begun when the
// first one that matched came back — what a limit must bound (after that the attacker is in).
const checks = vi.hoisted(() => ({ started: 0, beforeEntry: undefined as number | undefined }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof Argon2>();
  return {
    ...actual,
    verify: async (...args: Parameters<typeof actual.verify>) => {
      checks.started += 1;
      const matched = await actual.verify(...args);
      if (matched && checks.beforeEntry === undefined) checks.beforeEntry = checks.started;
      return matched;
    },
  };
});

const LIMIT = 5;
const security: Partial<SecurityConfig> = {
  loginMaxFailuresPerAccount: LIMIT,
  // Far away, so only the per-account limit is at work here.
  loginMaxFailuresPerAddress: 10_000,
  loginWindowMinutes: 15,
};

let t: TestApp;
let second: { app: FastifyInstance; database: DbHandle } | undefined;
/** Two app instances over one database (on PostgreSQL), as behind a load balancer. */
let bases: string[];

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const database = await createTestDatabase();
  t = await createTestApp({ demo: true, database, security });
  bases = [await listen(t.app)];
  if (database.url) {
    const other = await createDb({ databaseUrl: database.url, poolSize: 25 });
    const app = await buildApp({
      db: other.db,
      databaseKind: other.kind,
      config: {
        logLevel: 'silent',
        clientDist: '/nonexistent-client-dist',
        security: { ...DEFAULT_SECURITY, ...security },
      },
      logger: false,
    });
    second = { app, database: other };
    bases.push(await listen(app));
  }
});
afterAll(async () => {
  if (second) {
    await second.app.close();
    await second.database.close();
  }
  await t.close();
});
beforeEach(() => {
  checks.started = 0;
  checks.beforeEntry = undefined;
});

/** Real HTTP requests, all sent before any is answered, spread over the instances. */
async function loginAll(email: string, passwords: string[]): Promise<{ status: number; retryAfter: string | null }[]> {
  return Promise.all(
    passwords.map(async (password, index) => {
      const response = await fetch(`${bases[index % bases.length]}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      await response.arrayBuffer();
      return { status: response.status, retryAfter: response.headers.get('retry-after') };
    }),
  );
}

const count = (answers: { status: number }[], status: number) => answers.filter((a) => a.status === status).length;

describe('the per-account sign-in limit under concurrency', () => {
  it('60 wrong passwords at once: at most the limit are checked (401), every other one is 429', async () => {
    const answers = await loginAll(
      'lead.ld@riga.example',
      Array.from({ length: 60 }, (_, i) => `wrong-password-${i}`),
    );
    expect(count(answers, 401)).toBeLessThanOrEqual(LIMIT);
    expect(count(answers, 429)).toBe(60 - count(answers, 401));
    // (Above nought: the count does see the server's checks.)
    expect(checks.started).toBeGreaterThan(0);
    expect(checks.started).toBeLessThanOrEqual(LIMIT);
    for (const answer of answers.filter((a) => a.status === 429)) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    // The account stays locked for the right password too.
    expect((await loginAll('lead.ld@riga.example', [TEST_PASSWORD]))[0]!.status).toBe(429);
  });

  it('41 guesses at once with the right one at #34: no more than the limit are checked before it gets in', async () => {
    const passwords = Array.from({ length: 41 }, (_, i) => (i === 33 ? TEST_PASSWORD : `wrong-password-${i}`));
    const answers = await loginAll('lead.sd@riga.example', passwords);
    expect(answers.every((a) => [200, 401, 429].includes(a.status))).toBe(true);
    expect(count(answers, 401)).toBeLessThanOrEqual(LIMIT);
    expect(checks.beforeEntry ?? checks.started).toBeLessThanOrEqual(LIMIT);
    // Had the right guess been refused, nothing past the limit was checked at all.
    if (answers[33]!.status === 429) expect(checks.started).toBeLessThanOrEqual(LIMIT);
  });
});

describe('the per-address slow-down under concurrency', () => {
  const ALLOWANCE = 3;
  const DELAY_MS = 200;
  const MAX_DELAY_MS = 800;
  let proxied: TestApp;
  let base: string;
  beforeAll(async () => {
    proxied = await createTestApp({
      demo: true,
      security: {
        trustProxy: true,
        loginMaxFailuresPerAccount: LIMIT,
        loginMaxFailuresPerAddress: ALLOWANCE,
        loginAddressDelayMs: DELAY_MS,
        loginAddressMaxDelayMs: MAX_DELAY_MS,
      },
    });
    base = await listen(proxied.app);
  });
  afterAll(async () => {
    await proxied.close();
  });

  const attempt = async (address: string, email: string, password: string) => {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ email, password }),
    });
    await response.arrayBuffer();
    return { status: response.status, retryAfter: response.headers.get('retry-after'), at: performance.now() };
  };

  it('spaces one address’s attempts out however many arrive at once, and still lets a right password in', async () => {
    const address = '203.0.113.77';
    for (let i = 0; i < ALLOWANCE; i++)
      expect((await attempt(address, `free-${i}@riga.example`, 'wrong')).status).toBe(401);
    checks.started = 0;

    const started = performance.now();
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => attempt(address, `burst-${i}@riga.example`, 'wrong-password')),
    );
    expect(burst.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    const checked = burst.filter((a) => a.status === 401).sort((a, b) => a.at - b.at);
    expect(checked.length).toBeGreaterThan(0);
    // Each checked attempt waited its turn: the spacing doubles from DELAY_MS after the allowance.
    checked.forEach((answer, i) => {
      expect(answer.at - started).toBeGreaterThanOrEqual(DELAY_MS * (2 ** (i + 1) - 1) * 0.8);
    });
    expect(checks.started).toBe(checked.length);
    // The rest are told to come back in a moment, not at the end of the 15-minute window.
    for (const refused of burst.filter((a) => a.status === 429)) {
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(Math.ceil(MAX_DELAY_MS / 1000));
    }

    // Someone else behind the same address signs in: slowed, not locked out.
    const before = performance.now();
    const signIn = await attempt(address, 'admin@riga.example', TEST_PASSWORD);
    expect(signIn.status).toBe(200);
    expect(signIn.at - before).toBeGreaterThanOrEqual(DELAY_MS * 0.8);
    // Another address is not slowed at all by this one.
    expect((await attempt('198.51.100.23', 'fd@riga.example', TEST_PASSWORD)).status).toBe(200);
  });

  it('keeps the per-account limit hard from a slowed address too', async () => {
    const address = '203.0.113.78';
    const answers = [];
    for (let i = 0; i < LIMIT + 1; i++) answers.push(await attempt(address, 'lead.fd@riga.example', `wrong-${i}`));
    expect(answers.slice(0, LIMIT).map((a) => a.status)).toEqual(Array(LIMIT).fill(401));
    expect(answers[LIMIT]!.status).toBe(429);
    expect(Number(answers[LIMIT]!.retryAfter)).toBeGreaterThan(60);
    expect((await attempt('198.51.100.24', 'lead.fd@riga.example', TEST_PASSWORD)).status).toBe(429);
  });
});
