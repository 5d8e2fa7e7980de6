import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import type { ChildTask } from './child';
import { freePort } from './http';

/** Child processes of the bench: measurement children (child.ts) and the real server (main.ts). */

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const RESULT_PREFIX = 'BENCH-RESULT ';

/** Runs one task in `node --import tsx test/bench/child.ts`; answers what it printed. */
export function runChild<T>(task: ChildTask, timeoutMs = 15 * 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(task)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) {
        resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
      } else {
        reject(new Error(`bench child ${task.kind} ended with ${signal ?? code}: ${stderr.slice(-2000)}`));
      }
    });
  });
}

/**
 * The real server: `node --import tsx server/src/main.ts` with `env` over this process's
 * environment. BENCH_SERVER_NODE_ARGS adds node options (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
 */
export function spawnServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    // stdout carries a log line per request at the default level: read and dropped, as a
    // process manager would ship it away. stderr is kept for a failure's message.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => tail };
}

/**
 * The real server on the bench database, on a free loopback port, without the demo data or the
 * client; `env` adds or overrides settings (e.g. the limit of expensive requests).
 */
export async function spawnBenchServer(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const server = spawnServer({
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    CLIENT_DIST: '/nonexistent-client-dist',
    ...env,
  });
  return { ...server, port, base: { host: '127.0.0.1', port } };
}

/** GET /api/health once; its status, or 0 when nothing answers. */
export function healthStatus(port: number, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/health', agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Polls /api/health every `intervalMs` until it answers 200; answers when (performance.now()). */
export async function waitHealthy(
  port: number,
  child: ChildProcess,
  options: { intervalMs?: number; timeoutMs?: number; output?: () => string } = {},
): Promise<number> {
  const intervalMs = options.intervalMs ?? 50;
  const deadline = performance.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}): ${options.output?.() ?? ''}`);
    }
    const status = await healthStatus(port);
    if (status === 200) return performance.now();
    if (performance.now() > deadline) throw new Error(`no healthy answer on port ${port}: ${options.output?.() ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** SIGTERM, then the milliseconds until it exited (SIGKILL after `graceMs`). */
export function stopProcess(child: ChildProcess, graceMs = 20_000): Promise<{ ms: number; code: number | null }> {
  return new Promise((resolve) => {
    const started = performance.now();
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ ms: 0, code: child.exitCode });
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, code });
    });
    child.kill('SIGTERM');
  });
}

/** A process's peak and current RSS (MiB) and CPU seconds so far, from /proc; nulls off Linux. */
export function processFacts(pid: number | undefined): {
  peakMb: number | null;
  rssMb: number | null;
  cpuS: number | null;
} {
  if (pid === undefined) return { peakMb: null, rssMb: null, cpuS: null };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => {
      const match = new RegExp(`${name}:\\s+(\\d+) kB`).exec(status);
      return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
    };
    // Fields 14 and 15 of stat (after the parenthesised name): user and system time in clock ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { peakMb: kb('VmHWM'), rssMb: kb('VmRSS'), cpuS: Math.round((ticks / 100) * 100) / 100 };
  } catch {
    return { peakMb: null, rssMb: null, cpuS: null };
  }
}
