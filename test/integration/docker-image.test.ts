import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';
import { testDatabaseUrl } from '../setup/test-database-url';
import { buildDockerfile, parseDockerfile, type BuildResult } from '../support/dockerfile';

/**
 * The Dockerfile builds an image that runs compiled JavaScript on production dependencies only.
 * There is no Docker engine here, so this does what the Dockerfile says (test/support/
 * dockerfile.ts): the context as .dockerignore filters it, each stage's COPY and RUN in a folder
 * of its own (two `npm ci` from the registry and the whole build: minutes, not seconds), then the
 * last stage's CMD started from its folder against an empty database, which it must migrate and
 * seed, and serve. What this cannot show: the base image itself (this machine's Node plays it,
 * checked to be the same version) and the switch to the unprivileged user (checked as written).
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const DEMO_PASSWORD = 'docker-demo-2027';

let folder: string;
let image: BuildResult;
let server: ChildProcess | undefined;
let baseUrl: string;
let closeDatabase: (() => Promise<void>) | undefined;
let serverLog = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, ms: number): Promise<Response> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${serverLog}`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return response;
    if (Date.now() > deadline) throw new Error(`no healthy answer within ${ms} ms:\n${serverLog}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every file below `dir`, relative to it, without descending into node_modules. */
async function filesOutsideNodeModules(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes('node_modules'));
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ikt-image-'));
  const log = createWriteStream(path.join(folder, 'build.log'));
  image = await buildDockerfile({
    context: root,
    dockerfile: path.join(root, 'Dockerfile'),
    into: path.join(folder, 'stages'),
    // What the node image gives a RUN besides the Dockerfile's ENV: node and npm on the PATH.
    baseEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' },
    log: (text) => log.write(text),
  });
  log.end();

  // An empty database: the compiled migrations and seeds must do everything.
  const environment: Record<string, string> = {};
  if (testDatabaseUrl()) {
    const database = await createTestDatabase({ empty: true });
    closeDatabase = database.close;
    environment.DATABASE_URL = database.url!;
  } else {
    environment.DATA_DIR = path.join(folder, 'data');
  }
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const [command, ...args] = image.cmd;
  // Only what an operator would set: no NODE_OPTIONS, nothing of this test run's environment.
  server = spawn(command!, args, {
    cwd: image.workdir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...image.env,
      ...environment,
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: 'true',
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  await waitForHealth(`${baseUrl}/api/health`, server, 120_000);
}, 900_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGKILL');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
  await closeDatabase?.();
  if (folder) await rm(folder, { recursive: true, force: true });
}, 60_000);

describe('the Docker image', () => {
  it('is built in stages on the Node this project promises, and runs unprivileged', async () => {
    const stages = parseDockerfile(await readFile(path.join(root, 'Dockerfile'), 'utf8'));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const [major, minor] = process.versions.node.split('.');
    for (const stage of stages) expect(stage.from).toMatch(new RegExp(`^node:${major}\\.${minor}(-|$)`));
    expect(await readFile(path.join(root, '.nvmrc'), 'utf8')).toMatch(new RegExp(`^${major}\\.${minor}\\b`));
    expect(image.user).toBeDefined();
    expect(image.user!.split(':')[0]).not.toMatch(/^(0|root)$/);
    console.log(`image stages built in ${JSON.stringify(image.timings)} s`);
  });

  it('starts compiled JavaScript with plain node: no tsx, no loader', () => {
    expect(image.cmd[0]).toBe('node');
    expect(image.cmd.slice(1).join(' ')).not.toMatch(/tsx|--import|--loader|--experimental/);
    expect(image.cmd.at(-1)).toMatch(/\.js$/);
  });

  it('holds no TypeScript source and none of the development dependencies', async () => {
    // The context went through .dockerignore: no git history, no secrets, no local builds.
    const context = image.workdirs.build!;
    for (const left of ['.git', '.env', '.data', 'coverage'])
      expect(existsSync(path.join(context, left)), left).toBe(false);

    const files = await filesOutsideNodeModules(image.workdir);
    expect(files.filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(files).toContain(path.join('server', 'dist', 'main.js'));
    expect(files).toContain(path.join('client', 'dist', 'index.html'));

    // What the lockfile marks as needed only for development (tsx, TypeScript, vitest, Vite,
    // eslint, datapackage and all they pull in), and the client's own packages, which are built
    // into its files and which the server never loads.
    const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.entries(lock.packages)
      .filter(([where, entry]) => entry.dev && where.startsWith('node_modules/'))
      .map(([where]) => where);
    expect(devOnly).toContain('node_modules/tsx');
    const clientOnly = ['react', 'react-dom', 'react-router', '@tanstack/react-query', '@tanstack/react-virtual'];
    const present = [...devOnly, ...clientOnly.map((name) => `node_modules/${name}`)].filter((where) =>
      existsSync(path.join(image.workdir, where)),
    );
    expect(present).toEqual([]);
    for (const name of ['tsx', 'typescript', 'vitest', 'vite']) {
      const loaded = spawnSync('node', ['--input-type=module', '-e', `await import('${name}')`], {
        cwd: image.workdir,
        env: { PATH: process.env.PATH },
        encoding: 'utf8',
      });
      expect(loaded.status, `${name} loads in the image`).not.toBe(0);
      expect(loaded.stderr).toContain('ERR_MODULE_NOT_FOUND');
    }
  });

  it('serves the API and the client, with the schema migrated and the seeds loaded', async () => {
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { status: string; database: string };
    expect(health).toMatchObject({ status: 'ok', database: 'up' });
    const page = await fetch(`${baseUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@riga.example', password: DEMO_PASSWORD }),
    });
    expect(login.status, serverLog).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const institutions = (await (await fetch(`${baseUrl}/api/institutions`, { headers: { cookie } })).json()) as {
      code: string;
    }[];
    expect(institutions.map((i) => i.code)).toContain('ITC');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    server!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
