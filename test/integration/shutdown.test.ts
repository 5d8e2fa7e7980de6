import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/scratch-postgres';

/** SIGTERM lets the requests already in flight finish, then the process exits cleanly. */
let server: ChildProcess;
let base: string;
let dataFolder: string;
const output: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataFolder = mkdtempSync(path.join(tmpdir(), 'ikt-shutdown-'));
  const root = path.resolve(import.meta.dirname, '../..');
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: path.join(dataFolder, 'data'),
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not start:\n${output.join('')}`);
}, 150_000);

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
  rmSync(dataFolder, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('finishes the requests in flight, then exits with 0', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'itc.finance@riga.example', password: 'riga-demo-2027' }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const cycles = (await (await fetch(`${base}/api/cycles`, { headers: { cookie } })).json()) as { id: number }[];

    // A burst of real work (consolidations by every dimension), then SIGTERM while it runs.
    const dimensions = ['institution', 'sub_programme', 'ekk', 'goal', 'priority', 'cost_nature'];
    const inFlight = Array.from({ length: 24 }, (_, n) =>
      fetch(`${base}/api/cycles/${cycles[0]!.id}/consolidation?by=${dimensions[n % dimensions.length]}`, {
        headers: { cookie },
      }).then(
        (r) => r.status,
        () => 0,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');

    const statuses = await Promise.all(inFlight);
    expect(await exited).toBe(0);

    // Every request the server had taken in was answered before it exited (its log pairs each
    // "incoming request" with a "request completed"); requests that came after the listener
    // closed were refused at the door (0) or answered 503 — never cut off half way.
    const log = output
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; reqId?: string; res?: { statusCode: number } });
    const received = new Set(log.filter((l) => l.msg === 'incoming request').map((l) => l.reqId));
    const completed = log.filter((l) => l.msg === 'request completed');
    expect(new Set(completed.map((l) => l.reqId))).toEqual(received);
    expect(completed.filter((l) => l.res?.statusCode === 200).length).toBeGreaterThan(3);
    expect(
      statuses.every((s) => s === 200 || s === 503 || s === 0),
      JSON.stringify(statuses),
    ).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
  }, 60_000);
});
