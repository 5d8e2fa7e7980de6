import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { fiscalYearsOf } from '@ikt/shared/domain';
import { Decimal } from '@ikt/shared/money';
import { ITEM_SHEET, itemColumns, writeItemRow } from '@ikt/server/modules/spreadsheets/item-sheet';
import {
  createSpreadsheetsRepository,
  itemsOf,
  type ItemRecord,
} from '@ikt/server/modules/spreadsheets/spreadsheets.repository';
import { SHEET_NAMES } from '@ikt/server/modules/spreadsheets/workbook-labels';
import { IMPORT_LIMITS } from '@ikt/server/modules/spreadsheets/workbook-reader';
import {
  BENCH_LEAD_PASSWORD,
  createBenchSubProgramme,
  deleteItemsOf,
  removeSubProgrammes,
  scaleLeads,
  signInInject,
} from './fixtures';
import type { MemoryFigures } from './memory';
import { runChild } from './processes';
import { round, summarise } from './stats';
import type { BenchContext, BenchSection, TableRow } from './types';
import { positiveSetting } from './settings';

/**
 * A filled-in sub-programme template imported through the app. The template is the app's own
 * (GET /api/sub-programmes/:id/export.xlsx of an empty sub-programme); its item sheet is filled
 * with exceljs, row by row with the app's item-sheet writer, from items of the scale cycle made
 * into new ones (no id, no version, ranks 1…n) — every row valid. Each import runs in a fresh
 * child process (child.ts), so its peak RSS is the import's.
 *
 * The rows are imported two ways, alternating: the file through the route (POST
 * /api/sub-programmes/:id/import, all or nothing) and through the spreadsheet service the app
 * builds. The app takes at most IMPORT_LIMITS.rows (10,000) rows a file; asked for more
 * (BENCH_IMPORT_ROWS), the route gets the first IMPORT_LIMITS.rows rows, the whole file goes to
 * the route once more only to time its refusal (413), and the service gets it all, its row limit
 * raised.
 *
 * The rows go into a sub-programme of the bench's own in the scale cycle (a generated
 * institution's, imported by its lead); it is emptied after each import and deleted at the end.
 *
 *   BENCH_IMPORT_ITERATIONS (3), BENCH_IMPORT_ROWS (10000)
 */

interface ImportRun {
  status: number;
  ms: number;
  body: Record<string, unknown>;
  memory: MemoryFigures;
}

/** `count` items of the cycle as new rows: no id or version, ranks 1…count (items repeat if too few). */
export async function sourceRows(context: BenchContext, count: number): Promise<ItemRecord[]> {
  const subProgrammes = await context.db
    .selectFrom('sub_programme')
    .select('id')
    .where('cycle_id', '=', context.cycleId)
    .where('code', 'not like', 'IKT.%.BENCH-%')
    .orderBy('code')
    .execute();
  const items: ItemRecord[] = [];
  const repository = createSpreadsheetsRepository(context.db);
  for await (const page of itemsOf(
    repository,
    subProgrammes.map((s) => s.id),
    { withCut: false },
  )) {
    items.push(...page.items);
    if (items.length >= count) break;
  }
  if (items.length === 0) throw new Error('the scale cycle has no items to copy');
  return Array.from({ length: count }, (_, i) => ({
    ...items[i % items.length]!,
    id: null as unknown as number,
    version: null as unknown as number,
    rank: i + 1,
    review_status: 'draft' as const,
  }));
}

/** The template with `rows` written into its item sheet, as an .xlsx buffer. */
export async function fillTemplate(template: Buffer, rows: ItemRecord[], years: number[], institutionCode: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(SHEET_NAMES.items.lv);
  if (!sheet) throw new Error('the template has no item sheet');
  const columns = itemColumns('subProgramme', years, 'lv');
  const header = sheet.getRow(ITEM_SHEET.headerRow);
  columns.forEach((column, i) => {
    const heading = String(header.getCell(i + 1).value ?? '');
    if (!heading.startsWith(column.header)) {
      throw new Error(`the template's column ${i + 1} is "${heading}", not "${column.header}"`);
    }
  });
  const context = { language: 'lv' as const, institutionCode, subProgrammeCode: '', ekkName: () => null };
  rows.forEach((item, i) => writeItemRow(sheet.getRow(ITEM_SHEET.firstDataRow + i), columns, item, context));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sums per fiscal year, as text with two decimals. */
function sums(rows: ItemRecord[], years: number[]): Record<string, string> {
  return Object.fromEntries(
    years.map((y) => [
      String(y),
      rows.reduce((sum, item) => sum.plus(item.amounts[String(y)] ?? '0'), new Decimal(0)).toFixed(2),
    ]),
  );
}

export const importSection: BenchSection = {
  name: 'import',
  async run(context: BenchContext) {
    // Each run imports through the route and through the service, ≈ 20 s each at 10,000 rows.
    const iterations = positiveSetting('BENCH_IMPORT_ITERATIONS', 3);
    const rowCount = positiveSetting('BENCH_IMPORT_ROWS', 10_000);
    const routeRows = Math.min(rowCount, IMPORT_LIMITS.rows);
    const { db } = context;
    const years = fiscalYearsOf(context.cycleYear);

    const [lead] = await scaleLeads(db, 1);
    const cookie = await signInInject(context.app, { email: lead!.email, password: BENCH_LEAD_PASSWORD });
    const subProgrammeId = await createBenchSubProgramme(db, context.cycleId, lead!, 'IMPORT');
    const folder = await mkdtemp(path.join(tmpdir(), 'ikt-bench-import-'));
    try {
      context.log(`import: ${rowCount} rows into sub-programme ${subProgrammeId} (${lead!.institutionCode}) …`);
      const templateStarted = performance.now();
      const template = await context.app.inject({
        method: 'GET',
        url: `/api/sub-programmes/${subProgrammeId}/export.xlsx`,
        headers: { cookie },
      });
      const templateMs = performance.now() - templateStarted;
      if (template.statusCode !== 200)
        throw new Error(`template: ${template.statusCode} ${template.body.slice(0, 300)}`);

      const rows = await sourceRows(context, rowCount);
      const files = {
        all: path.join(folder, `template-${rowCount}.xlsx`),
        route: path.join(folder, `template-${routeRows}.xlsx`),
      };
      const fillStarted = performance.now();
      const allFile = await fillTemplate(template.rawPayload, rows, years, lead!.institutionCode);
      await writeFile(files.all, allFile);
      const routeFile = await fillTemplate(template.rawPayload, rows.slice(0, routeRows), years, lead!.institutionCode);
      await writeFile(files.route, routeFile);
      context.log(
        `  filled templates in ${Math.round(performance.now() - fillStarted)} ms: ${(allFile.length / 1e6).toFixed(2)} MB, ${(routeFile.length / 1e6).toFixed(2)} MB`,
      );

      /** The sub-programme holds exactly the rows imported (count and sums per year)? Emptied after. */
      const checkAndEmpty = async (expected: ItemRecord[]) => {
        const found = await db
          .selectFrom('line_item as li')
          .leftJoin('line_item_amount as a', 'a.line_item_id', 'li.id')
          .select((eb) => [
            'a.fiscal_year',
            eb.fn.count<string>('li.id').distinct().as('items'),
            eb.fn.sum<string>('a.amount').as('total'),
          ])
          .where('li.sub_programme_id', '=', subProgrammeId)
          .groupBy('a.fiscal_year')
          .execute();
        const want = sums(expected, years);
        const items = Math.max(0, ...found.map((f) => Number(f.items)));
        const agrees =
          items === expected.length &&
          years.every((y) => {
            const row = found.find((f) => f.fiscal_year === y);
            return new Decimal(row?.total ?? '0').equals(want[String(y)]!);
          });
        await deleteItemsOf(db, [subProgrammeId]);
        return { items, agrees };
      };

      const base = {
        kind: 'import' as const,
        databaseUrl: context.databaseUrl,
        subProgrammeId,
        cookie,
        actor: { id: lead!.userId, role: 'institution_lead' as const, institutionId: lead!.institutionId },
      };
      const describe = (label: string, run: ImportRun) =>
        context.log(
          `  ${label}: ${run.status} in ${Math.round(run.ms)} ms, peak RSS ${run.memory.peakMb ?? run.memory.sampledPeakMb} MiB (from ${run.memory.rssBeforeMb})`,
        );

      // The whole file through the route, when it holds more rows than the app takes: refused.
      let refused: { run: ImportRun; nothingWritten: boolean } | null = null;
      if (rowCount > routeRows) {
        const run = await runChild<ImportRun>({ ...base, file: files.all, via: 'route' });
        describe(`route, ${rowCount} rows`, run);
        refused = { run, nothingWritten: (await checkAndEmpty([])).items === 0 };
      }

      const route: (ImportRun & { items: number; agrees: boolean })[] = [];
      const service: (ImportRun & { items: number; agrees: boolean })[] = [];
      const runRoute = async () => {
        const run = await runChild<ImportRun>({ ...base, file: files.route, via: 'route' });
        describe(`route, ${routeRows} rows`, run);
        route.push({ ...run, ...(await checkAndEmpty(run.status === 200 ? rows.slice(0, routeRows) : [])) });
      };
      const runService = async () => {
        const run = await runChild<ImportRun>({ ...base, file: files.all, via: 'service', rowLimit: rowCount });
        describe(`service, ${rowCount} rows`, run);
        service.push({ ...run, ...(await checkAndEmpty(run.status === 200 ? rows : [])) });
      };
      for (let i = 0; i < iterations; i++) {
        if (i % 2 === 0) {
          await runService();
          await runRoute();
        } else {
          await runRoute();
          await runService();
        }
      }

      const peak = (m: MemoryFigures) => m.peakMb ?? m.sampledPeakMb;
      const created = (run: ImportRun) => {
        const list = run.body.created as { count?: number } | undefined;
        return list?.count ?? 0;
      };
      const figures = (runs: (ImportRun & { items: number; agrees: boolean })[], rowsInFile: number) => {
        const time = summarise(runs.map((r) => r.ms));
        return {
          rows: rowsInFile,
          statuses: runs.map((r) => r.status),
          ms: time,
          msPerRow: round(time.p50 / rowsInFile, 3),
          created: runs.map(created),
          peakRssMb: summarise(runs.map((r) => peak(r.memory))).p50,
          rssBeforeMb: summarise(runs.map((r) => r.memory.rssBeforeMb)).p50,
          agrees: runs.every((r) => r.status === 200 && created(r) === rowsInFile && r.agrees),
          ...(runs.some((r) => r.status !== 200) ? { failure: runs.find((r) => r.status !== 200)!.body } : {}),
        };
      };
      const routeFigures = figures(route, routeRows);
      const serviceFigures = figures(service, rowCount);
      const json = {
        endpoint: 'POST /api/sub-programmes/:id/import',
        unit: 'ms, MiB',
        rowLimit: IMPORT_LIMITS.rows,
        template: { ms: round(templateMs), bytes: template.rawPayload.length },
        files: { [rowCount]: allFile.length, [routeRows]: routeFile.length },
        routeFull: refused && {
          rows: rowCount,
          status: refused.run.status,
          ms: round(refused.run.ms),
          peakRssMb: peak(refused.run.memory),
          nothingWritten: refused.nothingWritten,
          answer: refused.run.body,
        },
        route: routeFigures,
        service: serviceFigures,
      };
      const row = (name: string, f: typeof routeFigures): TableRow => ({
        section: 'import',
        case: name,
        'p50 ms': f.ms.p50,
        'max ms': f.ms.max,
        'ms/row': f.msPerRow,
        'peak RSS MiB': f.peakRssMb,
        'RSS before': f.rssBeforeMb,
        status: f.statuses.join(' '),
        created: f.created[0] ?? 0,
        agrees: f.agrees ? 'yes' : 'NO',
      });
      return {
        json,
        table: [
          ...(refused
            ? [
                {
                  section: 'import',
                  case: `route ${rowCount} rows`,
                  'p50 ms': round(refused.run.ms),
                  'max ms': round(refused.run.ms),
                  'ms/row': null,
                  'peak RSS MiB': peak(refused.run.memory),
                  'RSS before': refused.run.memory.rssBeforeMb,
                  status: String(refused.run.status),
                  created: 0,
                  agrees: refused.nothingWritten ? 'nothing written' : 'NO',
                },
              ]
            : []),
          row(`route ${routeRows} rows`, routeFigures),
          row(`service ${rowCount} rows`, serviceFigures),
        ],
      };
    } finally {
      await rm(folder, { recursive: true, force: true });
      await removeSubProgrammes(db, [subProgrammeId]);
    }
  },
};
