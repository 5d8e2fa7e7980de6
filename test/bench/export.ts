import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { fiscalYearsOf } from '@ikt/shared/domain';
import { Decimal } from '@ikt/shared/money';
import { ITEM_SHEET, itemColumns } from '@ikt/server/modules/spreadsheets/item-sheet';
import { SHEET_NAMES } from '@ikt/server/modules/spreadsheets/workbook-labels';
import type { MemoryFigures } from './memory';
import { runChild } from './processes';
import { round, summarise } from './stats';
import type { BenchContext, BenchSection, TableRow } from './types';
import { positiveSetting } from './settings';

/**
 * The Finance Department's consolidated workbook of the scale cycle, GET
 * /api/cycles/:id/export.xlsx, downloaded over loopback into a file — each run in a fresh child
 * process (child.ts) that builds the app over the bench database, so its peak RSS is the
 * export's. Against the floor: exceljs's streaming writer writing the same item rows bare (one SQL
 * query through a cursor, plain values, no formulas, styles or summary sheets), also in a child.
 * Runs alternate app and bare. The first workbook is read back with exceljs's streaming reader:
 * as many item rows as the cycle has items, and the same sums per fiscal year (`agrees`).
 *
 *   BENCH_EXPORT_ITERATIONS (3)   runs of each
 *   BENCH_EXPORT_NO_GC=1          also runs the app with the forced collections of memory.ts refused
 */

interface ExportRun {
  status: number;
  bytes: number;
  headersMs: number;
  ms: number;
  memory: MemoryFigures;
}
interface BareRun {
  rows: number;
  bytes: number;
  ms: number;
  memory: MemoryFigures;
}

/** The item sheet read back: item rows and their sums per fiscal year. */
async function readBack(file: string, years: number[]) {
  const columns = itemColumns('cycle', years, 'lv');
  const amountColumn = new Map(years.map((y) => [String(y), columns.findIndex((c) => c.field === `amount:${y}`) + 1]));
  const idColumn = columns.findIndex((c) => c.field === 'id') + 1;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const sums = new Map(years.map((y) => [String(y), new Decimal(0)]));
  let rows = 0;
  const sheets: string[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    sheets.push(name);
    if (name !== SHEET_NAMES.items.lv) {
      for await (const row of worksheet) void row; // the reader must consume every sheet
      continue;
    }
    for await (const row of worksheet) {
      if (row.number < ITEM_SHEET.firstDataRow || typeof row.getCell(idColumn).value !== 'number') continue;
      rows++;
      for (const [year, column] of amountColumn) {
        const value = row.getCell(column).value;
        if (typeof value === 'number') sums.set(year, sums.get(year)!.plus(String(value)));
      }
    }
  }
  return { sheets, rows, sums: Object.fromEntries([...sums].map(([y, s]) => [y, s.toFixed(2)])) };
}

export const exportSection: BenchSection = {
  name: 'export',
  async run(context: BenchContext) {
    const iterations = positiveSetting('BENCH_EXPORT_ITERATIONS', 3);
    const withoutGc = process.env.BENCH_EXPORT_NO_GC === '1';
    const years = fiscalYearsOf(context.cycleYear);
    const { rows: expected } = await sql<{ fiscal_year: number; items: string; total: string }>`
      SELECT a.fiscal_year, count(DISTINCT li.id)::text AS items, sum(a.amount)::text AS total
        FROM line_item li JOIN sub_programme sp ON sp.id = li.sub_programme_id
        JOIN line_item_amount a ON a.line_item_id = li.id
       WHERE sp.cycle_id = ${context.cycleId}
       GROUP BY a.fiscal_year`.execute(context.db);
    const { count: itemCount } = await context.db
      .selectFrom('line_item as li')
      .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('sp.cycle_id', '=', context.cycleId)
      .executeTakeFirstOrThrow();

    const folder = await mkdtemp(path.join(tmpdir(), 'ikt-bench-export-'));
    const app: ExportRun[] = [];
    const bare: BareRun[] = [];
    const noGc: ExportRun[] = [];
    let check: Awaited<ReturnType<typeof readBack>> | null = null;
    try {
      const runApp = async (i: number, withGc: boolean) => {
        const file = path.join(folder, `app-${i}${withGc ? '' : '-nogc'}.xlsx`);
        const run = await runChild<ExportRun>({
          kind: 'export',
          databaseUrl: context.databaseUrl,
          cycleId: context.cycleId,
          cookie: context.cookie,
          file,
          noGc: !withGc,
        });
        if (run.status !== 200) throw new Error(`export answered ${run.status}`);
        context.log(
          `  app${withGc ? '' : ' (no forced GC)'} #${i + 1}: ${Math.round(run.ms)} ms, ${(run.bytes / 1e6).toFixed(1)} MB, peak RSS ${run.memory.peakMb ?? run.memory.sampledPeakMb} MiB (from ${run.memory.rssBeforeMb})`,
        );
        if (withGc && check === null) {
          context.log('  reading the workbook back …');
          check = await readBack(file, years);
        }
        await rm(file, { force: true });
        (withGc ? app : noGc).push(run);
      };
      const runBare = async (i: number) => {
        const file = path.join(folder, `bare-${i}.xlsx`);
        const run = await runChild<BareRun>({
          kind: 'bare',
          databaseUrl: context.databaseUrl,
          cycleId: context.cycleId,
          file,
        });
        context.log(
          `  bare #${i + 1}: ${Math.round(run.ms)} ms, ${(run.bytes / 1e6).toFixed(1)} MB, peak RSS ${run.memory.peakMb ?? run.memory.sampledPeakMb} MiB (from ${run.memory.rssBeforeMb})`,
        );
        await rm(file, { force: true });
        bare.push(run);
      };

      context.log(`export of cycle ${context.cycleId} (${itemCount} items), ${iterations} runs each …`);
      for (let i = 0; i < iterations; i++) {
        // Alternate which goes first, so neither always runs on a warmer database cache.
        if (i % 2 === 0) {
          await runApp(i, true);
          await runBare(i);
        } else {
          await runBare(i);
          await runApp(i, true);
        }
        if (withoutGc) await runApp(i, false);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }

    const peak = (m: MemoryFigures) => m.peakMb ?? m.sampledPeakMb;
    const describe = (runs: (ExportRun | BareRun)[]) => {
      const time = summarise(runs.map((r) => r.ms));
      const peaks = summarise(runs.map((r) => peak(r.memory)));
      return {
        ms: time,
        bytes: runs[0]?.bytes ?? 0,
        peakRssMb: { p50: peaks.p50, max: peaks.max },
        rssBeforeMb: summarise(runs.map((r) => r.memory.rssBeforeMb)).p50,
        sampledPeakRssMb: summarise(runs.map((r) => r.memory.sampledPeakMb)).p50,
        hwmReset: runs.every((r) => r.memory.hwmReset),
      };
    };
    const appFigures = describe(app);
    const bareFigures = describe(bare);
    const verified = check as Awaited<ReturnType<typeof readBack>> | null;
    const agrees =
      verified !== null &&
      verified.rows === Number(itemCount) &&
      expected.every((e) => verified.sums[String(e.fiscal_year)] === new Decimal(e.total).toFixed(2));
    const json: Record<string, unknown> = {
      endpoint: 'GET /api/cycles/:id/export.xlsx',
      unit: 'ms, MiB',
      items: Number(itemCount),
      targets: { seconds: 10, peakRssMb: 300 },
      app: {
        ...appFigures,
        headersMs: summarise(app.map((r) => r.headersMs)).p50,
        runs: app.map((r) => ({ ms: round(r.ms), peakRssMb: peak(r.memory), rssBeforeMb: r.memory.rssBeforeMb })),
      },
      bare: {
        ...bareFigures,
        rows: bare[0]?.rows ?? 0,
        runs: bare.map((r) => ({ ms: round(r.ms), peakRssMb: peak(r.memory), rssBeforeMb: r.memory.rssBeforeMb })),
      },
      ratio: {
        time: round(appFigures.ms.p50 / bareFigures.ms.p50),
        peakRss: round(appFigures.peakRssMb.p50 / bareFigures.peakRssMb.p50),
        peakRssAboveStart: round(
          (appFigures.peakRssMb.p50 - appFigures.rssBeforeMb) / (bareFigures.peakRssMb.p50 - bareFigures.rssBeforeMb),
        ),
      },
      withinTargets: appFigures.ms.p50 <= 10_000 && appFigures.peakRssMb.max <= 300,
      readBack: verified,
      agrees,
    };
    /** A table row of one kind of run; the app's runs show their time as a ratio to the bare ones. */
    const tableRow = (
      name: string,
      figures: ReturnType<typeof describe>,
      ofApp: boolean,
      agreement: string | null,
    ): TableRow => ({
      section: 'export',
      case: name,
      'p50 ms': figures.ms.p50,
      'max ms': figures.ms.max,
      'peak RSS MiB': figures.peakRssMb.p50,
      'RSS before': figures.rssBeforeMb,
      MB: round(figures.bytes / 1e6, 1),
      'ratio (p50)': ofApp ? round(figures.ms.p50 / bareFigures.ms.p50) : null,
      agrees: agreement,
    });
    const table: TableRow[] = [
      tableRow('app (route, child)', appFigures, true, agrees ? 'yes' : 'NO'),
      tableRow('bare exceljs writer', bareFigures, false, null),
    ];
    if (noGc.length > 0) {
      const figures = describe(noGc);
      json.appWithoutForcedGc = {
        ...figures,
        runs: noGc.map((r) => ({ ms: round(r.ms), peakRssMb: peak(r.memory), rssBeforeMb: r.memory.rssBeforeMb })),
      };
      table.push(tableRow('app, no forced GC', figures, true, null));
    }
    return { json, table };
  },
};
