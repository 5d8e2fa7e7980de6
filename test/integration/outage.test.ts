import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
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

const get = (url: string, as = cookie) =>
  fetch(`${base}${url}`, { headers: { cookie: as }, signal: AbortSignal.timeout(10_000) });

async function signIn(email: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'riga-demo-2027' }),
  });
  expect(login.status).toBe(200);
  return login.headers.getSetCookie()[0]!.split(';')[0]!;
}

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
  cookie = await signIn('itc.finance@riga.example');
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

  it('leaves nothing behind of an import the outage interrupted, and lives on', async () => {
    const pid = server.pid;
    const lead = await signIn('lead.san@riga.example');
    const cycles = (await (await get('/api/cycles', lead)).json()) as { id: number; status: string }[];
    const open = cycles.find((c) => c.status === 'open')!;
    const [own] = (await (await get(`/api/cycles/${open.id}/sub-programmes`, lead)).json()) as { id: number }[];
    const itemsNow = async () =>
      (await (await get(`/api/sub-programmes/${own!.id}/line-items`, lead)).json()) as unknown[];
    const before = await itemsNow();

    // The lead's own template with five new rows.
    const template = await get(`/api/sub-programmes/${own!.id}/export.xlsx`, lead);
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await template.arrayBuffer());
    const sheet = workbook.getWorksheet('Pozīcijas')!;
    const column = new Map<string, number>();
    sheet.getRow(5).eachCell((cell, number) => column.set(String(cell.value), number));
    let row = sheet.rowCount;
    for (let n = 1; n <= 5; n++) {
      row += 1;
      const values = { Nosaukums: `Pārtraukts imports ${n}`, 'EKK kods': '2251', 'Izmaksu raksturs': 'Uzturēšana' };
      for (const [heading, value] of Object.entries({ ...values, Prioritāte: 'Zema', '2027, EUR': 100 * n })) {
        sheet.getRow(row).getCell(column.get(heading)!).value = value;
      }
    }
    const form = new FormData();
    form.append('file', new Blob([await workbook.xlsx.writeBuffer()]), 'veidne.xlsx');

    // To stop the database in the middle of the import's transaction, not before or after it,
    // hold the audit table: the import writes its first item, then waits to record the event.
    const holder = new pg.Client({ connectionString: postgres.url });
    holder.on('error', () => undefined); // the stop below ends this connection too
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE audit_event IN SHARE MODE');
    const importing = fetch(`${base}/api/sub-programmes/${own!.id}/import`, {
      method: 'POST',
      headers: { cookie: lead },
      body: form,
      signal: AbortSignal.timeout(60_000),
    }).then(async (response) => ({ status: response.status, body: await response.text() }));
    let settled: unknown;
    void importing.then(
      (answer) => (settled = answer),
      (error: unknown) => (settled = error),
    );
    for (let waited = 0; ; waited += 50) {
      if (settled) throw new Error(`the import ended before the outage: ${JSON.stringify(settled)}`);
      // A transaction sees one snapshot of pg_stat_activity: clear it to see the import move.
      await holder.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await holder.query<{ waiting: string }>(
        `SELECT count(*) AS waiting FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`,
      );
      if (Number(rows[0]!.waiting) > 0) break;
      if (waited > 30_000) throw new Error(`the import never reached the database:\n${output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // A fast stop ends the lock's holder first, and the import, let through, could commit before
    // its own session ends: cut every session at once instead.
    postgres.stop('immediate');
    const answer = await importing;
    expect(answer.status).toBe(503);
    expect(answer.body).not.toMatch(/stack|SELECT|INSERT|audit_event/);

    postgres.start();
    await waitFor(async () => (await get('/api/cycles')).status === 200, 15_000);
    // The connection lost in the middle of a transaction did not take the process down.
    expect(server.exitCode).toBeNull();
    expect(server.pid).toBe(pid);
    const after = await itemsNow();
    expect(after).toEqual(before);
    // Nor anywhere in the database: no item, no amount, no audit event of it.
    const check = new pg.Client({ connectionString: postgres.url });
    await check.connect();
    const { rows } = await check.query<{ items: string; events: string }>(
      `SELECT (SELECT count(*) FROM line_item WHERE title LIKE 'Pārtraukts imports%') AS items,
              (SELECT count(*) FROM audit_event WHERE after->>'title' LIKE 'Pārtraukts imports%') AS events`,
    );
    await check.end();
    expect(rows[0]).toEqual({ items: '0', events: '0' });
  }, 120_000);
});
