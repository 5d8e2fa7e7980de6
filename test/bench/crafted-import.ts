import http from 'node:http';
import { sharedStringsBomb } from '../support/crafted-workbook';
import { createBenchSubProgramme, removeSubProgrammes, scaleLeads, signInLead, type BenchLead } from './fixtures';
import { multipart, request } from './http';
import { resetHighWaterMark } from './memory';
import { processFacts, spawnBenchServer, stopProcess, waitHealthy } from './processes';
import { round, summarise } from './stats';
import type { BenchContext, BenchSection, TableRow } from './types';
import { positiveSetting } from './settings';

/**
 * The security report's hostile upload (issue #13, finding 8): a workbook of some 150 KB whose
 * shared strings unpack to 94 MB (test/support/crafted-workbook.ts), uploaded to the real server
 * (`server/src/main.ts` on the bench database, a port of its own) over loopback — once alone,
 * then six at once. Six users send the six, each an institution lead uploading to a sub-programme
 * of the bench's own: one user may have only two expensive requests under way (429 past them),
 * and six is the server's limit in all. A fresh server for every case, so that its memory is that
 * case's alone.
 *
 * For each case: the server's RSS when the uploads start, its peak while they run (VmHWM, reset at
 * the start, and RSS sampled every 50 ms), its RSS 1 s and BENCH_CRAFTED_SETTLE_SECONDS after the
 * last answer (what it gives back), and each upload's status and time.
 *
 * Two files: `reportFile`, the report's shape — a few cells and 94 MB of strings none of them
 * shows (answered 422: it is no template); `everyStringShown`, rows whose cells show every one
 * of those strings — the most text the reader has to take before it refuses (413).
 *
 *   BENCH_CRAFTED_UPLOADS (6), BENCH_CRAFTED_MB (94), BENCH_CRAFTED_SETTLE_SECONDS (10)
 */

interface Upload {
  status: number;
  ms: number;
  /** The problem's detail, and the first of the places it names (422). */
  detail: string | null;
  problem: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `file` uploaded by the first `count` leads at once to a fresh server; its memory and the answers. */
async function uploadAtOnce(
  context: BenchContext,
  file: Buffer,
  targets: { lead: BenchLead; subProgrammeId: number }[],
  settleSeconds: number,
) {
  const server = await spawnBenchServer(context.databaseUrl);
  const { port, base } = server;
  const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  try {
    await waitHealthy(port, server.child, { output: server.output });
    const cookies: string[] = [];
    for (const [i, { lead }] of targets.entries()) {
      cookies.push(await signInLead(agents[i]!, base, lead));
    }
    const { payload, headers } = multipart(file, 'veidne.xlsx');

    const pid = server.child.pid;
    const before = processFacts(pid).rssMb;
    const hwmReset = pid !== undefined && resetHighWaterMark(pid);
    let sampledPeak = before ?? 0;
    const timer = setInterval(() => {
      sampledPeak = Math.max(sampledPeak, processFacts(pid).rssMb ?? 0);
    }, 50);
    const started = performance.now();
    let uploads: Upload[];
    try {
      uploads = await Promise.all(
        targets.map(async ({ subProgrammeId }, i) => {
          const answer = await request(agents[i]!, base, {
            method: 'POST',
            path: `/api/sub-programmes/${subProgrammeId}/import`,
            headers: { ...headers, cookie: cookies[i]!, accept: 'application/json' },
            body: payload,
          });
          let answered: { detail?: string; problems?: { message?: string }[] } = {};
          try {
            answered = JSON.parse(answer.body) as typeof answered;
          } catch {
            answered = { detail: answer.body.slice(0, 200) };
          }
          return {
            status: answer.status,
            ms: answer.ms,
            detail: answered.detail ?? null,
            problem: answered.problems?.[0]?.message ?? null,
          };
        }),
      );
    } finally {
      clearInterval(timer);
    }
    const wallMs = performance.now() - started;
    const atEnd = processFacts(pid);
    sampledPeak = Math.max(sampledPeak, atEnd.rssMb ?? 0);
    await sleep(1000);
    const after1s = processFacts(pid).rssMb;
    await sleep(Math.max(0, settleSeconds - 1) * 1000);
    const afterSettled = processFacts(pid).rssMb;

    const time = summarise(uploads.map((u) => u.ms));
    return {
      uploads: uploads.length,
      statuses: uploads.map((u) => u.status),
      answer: uploads[0] ? { detail: uploads[0].detail, firstProblem: uploads[0].problem } : null,
      ms: time,
      wallMs: round(wallMs),
      rssBeforeMb: before,
      peakRssMb: hwmReset && atEnd.peakMb !== null ? Math.max(atEnd.peakMb, sampledPeak) : sampledPeak,
      sampledPeakMb: sampledPeak,
      hwmReset,
      rssAfter1sMb: after1s,
      rssAfterSettledMb: afterSettled,
      settleSeconds,
    };
  } finally {
    for (const agent of agents) agent.destroy();
    await stopProcess(server.child);
  }
}

export const craftedImportSection: BenchSection = {
  name: 'craftedImport',
  async run(context: BenchContext) {
    const count = positiveSetting('BENCH_CRAFTED_UPLOADS', 6);
    const megabytes = positiveSetting('BENCH_CRAFTED_MB', 94);
    const settleSeconds = positiveSetting('BENCH_CRAFTED_SETTLE_SECONDS', 10);
    const { db } = context;

    const leads = await scaleLeads(db, count);
    const targets: { lead: BenchLead; subProgrammeId: number }[] = [];
    try {
      for (const lead of leads) {
        targets.push({ lead, subProgrammeId: await createBenchSubProgramme(db, context.cycleId, lead, 'CRAFTED') });
      }
      const files = {
        reportFile: await sharedStringsBomb(megabytes),
        everyStringShown: await sharedStringsBomb(megabytes, { showAll: true }),
      };
      context.log(
        `craftedImport: ${Object.entries(files)
          .map(([name, file]) => `${name} ${(file.length / 1024).toFixed(0)} KiB`)
          .join(', ')} (${megabytes} MB of shared strings), alone and ${count} at once …`,
      );

      const json: Record<string, unknown> = {
        endpoint: 'POST /api/sub-programmes/:id/import, real server over loopback, a fresh one a case',
        unit: 'ms, MiB',
        sharedStringsMb: megabytes,
        files: Object.fromEntries(Object.entries(files).map(([name, file]) => [name, { bytes: file.length }])),
        targets: { peakGrowthMb: 100 },
      };
      const table: TableRow[] = [];
      for (const [name, file] of Object.entries(files)) {
        const cases: Record<string, Awaited<ReturnType<typeof uploadAtOnce>>> = {};
        for (const [label, uploads] of [
          ['alone', 1],
          [`${count}AtOnce`, count],
        ] as const) {
          const figures = await uploadAtOnce(context, file, targets.slice(0, uploads), settleSeconds);
          cases[label] = figures;
          context.log(
            `  ${name}, ${label}: ${figures.statuses.join(' ')} in ${figures.wallMs} ms, RSS ${figures.rssBeforeMb} → peak ${figures.peakRssMb} → ${figures.rssAfterSettledMb} MiB after ${settleSeconds} s`,
          );
          table.push({
            section: 'craftedImport',
            case: `${name} ${label}`,
            'p50 ms': figures.ms.p50,
            'max ms': figures.ms.max,
            'RSS before': figures.rssBeforeMb,
            'peak RSS MiB': figures.peakRssMb,
            'after 1 s': figures.rssAfter1sMb,
            [`after ${settleSeconds} s`]: figures.rssAfterSettledMb,
            status: figures.statuses.join(' '),
          });
        }
        json[name] = cases;
      }
      return { json, table };
    } finally {
      await removeSubProgrammes(
        db,
        targets.map((t) => t.subProgrammeId),
      );
    }
  },
};
