import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './http';
import { processFacts, spawnServer, stopProcess, waitHealthy } from './processes';
import { summarise } from './stats';
import type { BenchContext, BenchSection, TableRow } from './types';
import { positiveSetting } from './settings';

/**
 * The embedded start: `node --import tsx server/src/main.ts` with no DATABASE_URL (PGlite in
 * DATA_DIR) on a free port, timed from the spawn to the first 200 of GET /api/health, polled every
 * 50 ms. A fresh data folder each time (PGlite's first start, the migrations, the reference and
 * demo data, the demo users' password hash), then a second start on the same folder. Stopped with
 * SIGTERM each time (the time it takes to exit is reported too). This does not touch the bench
 * database.
 *
 *   BENCH_START_RUNS (3)
 */

interface StartRun {
  ms: number;
  stopMs: number;
  exitCode: number | null;
  peakRssMb: number | null;
}

async function startOnce(dataDir: string): Promise<StartRun> {
  const port = await freePort();
  const started = performance.now();
  const server = spawnServer({
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    CLIENT_DIST: '/nonexistent-client-dist',
  });
  try {
    const healthy = await waitHealthy(port, server.child, { intervalMs: 50, output: server.output });
    const { peakMb } = processFacts(server.child.pid);
    const stopped = await stopProcess(server.child);
    return { ms: healthy - started, stopMs: stopped.ms, exitCode: stopped.code, peakRssMb: peakMb };
  } finally {
    await stopProcess(server.child);
  }
}

export const startSection: BenchSection = {
  name: 'start',
  async run(context: BenchContext) {
    const runs = positiveSetting('BENCH_START_RUNS', 3);
    const fresh: StartRun[] = [];
    const again: StartRun[] = [];
    for (let i = 0; i < runs; i++) {
      const folder = await mkdtemp(path.join(tmpdir(), 'ikt-bench-start-'));
      try {
        const dataDir = path.join(folder, 'data');
        const first = await startOnce(dataDir);
        fresh.push(first);
        const second = await startOnce(dataDir);
        again.push(second);
        context.log(
          `start #${i + 1}: fresh data folder ${Math.round(first.ms)} ms, existing ${Math.round(second.ms)} ms (SIGTERM exits in ${Math.round(first.stopMs)} / ${Math.round(second.stopMs)} ms)`,
        );
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    }
    const describe = (list: StartRun[]) => ({
      ms: summarise(list.map((r) => r.ms)),
      stopMs: summarise(list.map((r) => r.stopMs)).p50,
      exitCodes: list.map((r) => r.exitCode),
      peakRssMb: summarise(list.map((r) => r.peakRssMb ?? Number.NaN)).p50,
    });
    const json = {
      what: 'spawn of `node --import tsx server/src/main.ts` (PGlite, DATA_DIR) to the first 200 of GET /api/health',
      unit: 'ms',
      pollMs: 50,
      freshDataDir: describe(fresh),
      existingDataDir: describe(again),
    };
    const row = (name: string, figures: ReturnType<typeof describe>): TableRow => ({
      section: 'start',
      case: name,
      'p50 ms': figures.ms.p50,
      'min ms': figures.ms.min,
      'max ms': figures.ms.max,
      'stop ms': figures.stopMs,
      'peak RSS MiB': figures.peakRssMb,
    });
    return {
      json,
      table: [
        row('embedded, fresh data dir', json.freshDataDir),
        row('embedded, existing data dir', json.existingDataDir),
      ],
    };
  },
};
