import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchPostgres, freePort, type ScratchPostgres } from '../support/scratch-postgres';

/**
 * The database goes away under a running server and comes back: the server answers 503 without
 * crashing meanwhile and recovers by itself. Runs the real server process (tsx main.ts) against a
 * PostgreSQL server of this test's own.
 */
let postgres: ScratchPostgres;
let server: ChildProcess;
let base: string;
let unusedDataDir: string;
let cookie: string;
const output: string[] = [];

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not within ${timeoutMs} ms; server output:\n${output.join('')}`);
}

const get = (url: string) => fetch(`${base}${url}`, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });

beforeAll(async () => {
  postgres = await createScratchPostgres();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const root = path.resolve(import.meta.dirname, '../..');
  unusedDataDir = mkdtempSync(path.join(tmpdir(), 'ikt-unused-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: postgres.url,
      SEED_DEMO: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: unusedDataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  await waitFor(async () => (await fetch(`${base}/api/health`)).status === 200, 90_000);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'itc.finance@riga.example', password: 'riga-demo-2027' }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
}, 180_000);

afterAll(() => {
  server?.kill('SIGTERM');
  postgres?.destroy();
  if (unusedDataDir) rmSync(unusedDataDir, { recursive: true, force: true });
});

describe('a database outage under load', () => {
  it('answers 503 while the database is down, does not crash, and recovers within 15 s of its return', async () => {
    const pid = server.pid;
    expect((await get('/api/cycles')).status).toBe(200);

    // Load: requests keep coming while the database stops and starts again.
    let loading = true;
    const statuses: number[] = [];
    const load = (async () => {
      while (loading) {
        const response = await get('/api/cycles').catch(() => undefined);
        statuses.push(response?.status ?? 0);
        if (response) {
          const body = await response.text();
          expect(body).not.toMatch(/ECONNREFUSED|stack|at .+\.ts:\d+|SELECT /);
        }
      }
    })();

    postgres.stop();
    const health = await get('/api/health');
    expect(health.status, output.join('')).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    const data = await get('/api/cycles');
    expect(data.status, output.join('')).toBe(503);
    expect(data.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await data.json()).toMatchObject({ status: 503, detail: expect.not.stringMatching(/127\.0\.0\.1|connect/) });

    postgres.start();
    const recoveredIn = await waitFor(async () => (await get('/api/cycles')).status === 200, 15_000);
    loading = false;
    await load;

    expect(recoveredIn).toBeLessThan(15_000);
    expect(server.exitCode).toBeNull();
    expect(server.pid).toBe(pid);
    expect((await get('/api/health')).status).toBe(200);
    // Under load the answers were only ever 200 or 503 — never a 500, never a dropped connection.
    expect(new Set(statuses.filter((s) => s !== 200 && s !== 503))).toEqual(new Set());
    expect(statuses).toContain(503);
  }, 120_000);
});
