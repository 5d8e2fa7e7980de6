import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { subProgrammeEditRefusal } from '@ikt/shared/editability';
import type { Language } from '@ikt/shared/messages';
import { can } from '@ikt/shared/permissions';
import type { FullCostQuery } from '@ikt/shared/full-cost.schema';
import type {
  ConsumptionImportResult,
  ImportedRow,
  ImportProblem,
  ImportProblemKind,
  ImportProgressEvent,
  ImportResult,
} from '@ikt/shared/spreadsheet.schema';
import type { RequestContext } from '../../context';
import { readSnapshot } from '../../database-snapshot';
import type { ExpectedVersion } from '../../http/etag';
import {
  InvalidStateError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  cycleNotFound,
  localize,
  type DomainError,
  type Localized,
} from '../../errors';
import { budgetScope, ensureEditable, ensureEditor } from '../budget/budget-access';
import type { ItemChangeProblem, ItemChangeRow } from '../budget/line-item-changes';
import type { LineItemService } from '../budget/line-item.service';
import type { SubProgrammeService } from '../budget/sub-programme.service';
import type { ConsolidationService } from '../consolidation/consolidation.service';
import type { CycleService } from '../cycles/cycles.service';
import type { FullCostService } from '../full-cost/full-cost.service';
import type { IndicatorsService } from '../indicators/indicators.service';
import type { ReferenceService } from '../reference/reference.service';
import { readConsumptionSheet, serviceProblems } from './consumption-import';
import { writeCycleWorkbook } from './cycle-workbook';
import { writeBill, writeConsumptionTemplate } from './full-cost-workbooks';
import { message } from '../../messages/message';
import { ImportRejectedError, PayloadTooLargeError } from './import-errors';
import { collectGarbage } from './memory';
import {
  columnOfPath,
  locateItemSheet,
  parseRow,
  problem,
  type ItemSheetLayout,
  type ParsedRow,
  type SheetColumn,
} from './import-rows';
import { csvRows, dataPackage, writeCsv, writeOpenDataZip } from './open-data';
import { createSpreadsheetsRepository, itemsOf } from './spreadsheets.repository';
import { writeSubProgrammeWorkbook } from './sub-programme-workbook';
import { XLSX_TYPE, ZIP_TYPE, tempFolder, writeExport, type ExportFile } from './temp-file';
import { IMPORT_LIMITS, inspectWorkbook, readSheets, type ImportLimits } from './workbook-reader';
import {
  inExportSnapshot,
  readCycleWorkbook,
  readSubProgrammeWorkbook,
  referenceNames,
  type ExportReaders,
  type ExportSnapshot,
  type ReadersOver,
} from './workbook-snapshot';

export interface SpreadsheetDependencies {
  cycles: CycleService;
  subProgrammes: SubProgrammeService;
  lineItems: LineItemService;
  consolidation: ConsolidationService;
  fullCost: FullCostService;
  indicators: IndicatorsService;
  reference: ReferenceService;
  /** The same services over the transaction an export reads its snapshot in. */
  readersOver: ReadersOver;
}

/** How a consumption import is asked for: the file's reader, a dry run, what If-Match said. */
export interface ConsumptionImportOptions {
  dryRun: boolean;
  language: Language;
  ifMatch: ExpectedVersion;
  readFile: () => Promise<Buffer>;
}

export interface ImportOptions {
  dryRun: boolean;
  language: Language;
  /** Reads the uploaded file; called only once the caller may import into the sub-programme. */
  readFile: () => Promise<Buffer>;
  onProgress?: (event: Extract<ImportProgressEvent, { type: 'progress' }>) => void;
}

const openDataNotYet = () => new InvalidStateError(message('openData.notYet'));

export function createSpreadsheetService(
  db: Kysely<Database>,
  deps: SpreadsheetDependencies,
  limits: ImportLimits = IMPORT_LIMITS,
) {
  const repository = createSpreadsheetsRepository(db);

  /** Reads through the API's services in one snapshot (a workbook without items to keep). */
  const inSnapshot = <T>(read: (readers: ExportReaders) => Promise<T>) =>
    readSnapshot(db, (trx) => read(deps.readersOver(trx)));

  /** The cycle, if the actor may read its whole consolidated budget (a lead may not: 404). */
  async function readableCycle(context: RequestContext, cycleId: number) {
    const cycle = await deps.cycles.get(context, cycleId);
    if (!can(context.actor, { action: 'consolidation.read', cycleStatus: cycle.status })) throw cycleNotFound();
    return cycle;
  }

  return {
    /** The consolidated workbook of a cycle (streamed to a file; see cycle-workbook.ts). */
    async exportCycle(
      context: RequestContext,
      cycleId: number,
      language: Language,
      exportedBy: string,
    ): Promise<ExportFile> {
      const cycle = await readableCycle(context, cycleId);
      const request = { context, language, exportedBy, cycleId };
      return writeExport(
        { filename: `IKT-budzets-${cycle.year}-konsolidets.xlsx`, contentType: XLSX_TYPE },
        async (file) => {
          const read = (snapshot: ExportSnapshot) => readCycleWorkbook(snapshot, request);
          await writeCycleWorkbook(file, await inExportSnapshot(db, deps.readersOver, `${file}.items`, read));
        },
      );
    },

    /** A sub-programme's items as a workbook that is also its import template. */
    async exportSubProgramme(
      context: RequestContext,
      id: number,
      language: Language,
      exportedBy: string,
    ): Promise<ExportFile> {
      const subProgramme = await deps.subProgrammes.get(context, id);
      const cycle = await deps.cycles.get(context, subProgramme.cycleId);
      const request = { context, language, exportedBy, id };
      return writeExport(
        { filename: `${subProgramme.code}-${cycle.year}.xlsx`, contentType: XLSX_TYPE },
        async (file) => {
          const read = (snapshot: ExportSnapshot) => readSubProgrammeWorkbook(snapshot, request);
          await writeSubProgrammeWorkbook(file, await inExportSnapshot(db, deps.readersOver, `${file}.items`, read));
        },
      );
    },

    /**
     * Imports a filled-in template: every row validated with the line item schemas, every
     * problem answered at once, and all rows applied in one transaction through the line item
     * service's own rules — or none. A dry run checks by the same rules and writes nothing.
     */
    async importWorkbook(context: RequestContext, id: number, options: ImportOptions): Promise<ImportResult> {
      const { language } = options;
      // Who may import into what is settled before the file is read: 404, 403, then 409.
      const subProgramme = await deps.subProgrammes.get(context, id);
      const cycle = await deps.cycles.get(context, subProgramme.cycleId);
      const scope = budgetScope({
        institution_id: subProgramme.institutionId,
        kind: subProgramme.kind,
        cycle_status: cycle.status,
      });
      ensureEditor(context.actor, scope);
      ensureEditable(subProgrammeEditRefusal(cycle.status, subProgramme.status));

      const buffer = await options.readFile();
      const zip = await inspectWorkbook(buffer, limits);
      options.onProgress?.({ type: 'progress', stage: 'read', done: 0, total: null });
      const sheets = await readSheets(
        zip,
        limits.rows,
        (done) => options.onProgress?.({ type: 'progress', stage: 'read', done, total: null }),
        { language, limits },
      );
      const located = locateItemSheet(sheets, cycle.fiscalYears, language);
      if ('problems' in located) throw new ImportRejectedError(message('import.rejected'), located.problems);
      const { layout } = located;

      const parsed = located.rows
        .map((row) => parseRow(row, layout, language))
        .filter((row): row is ParsedRow => row !== null);
      if (parsed.length > limits.rows)
        throw new PayloadTooLargeError(message('import.tooManyRows', { rows: limits.rows }));
      const problems: ImportProblem[] = parsed.flatMap((row) => row.problems);

      // The line item service checks and writes the rows by its own rules; a sheet with problems
      // of its own is only checked there, so that every problem is answered at once.
      const outcome = await deps.lineItems.applyChanges(
        context,
        id,
        parsed.map((row) => ({ id: row.id, version: row.version, input: row.input, checkable: row.validFields })),
        {
          dryRun: options.dryRun || problems.length > 0,
          onProgress: (stage, done, total) => {
            if (done % 100 === 0 || done === total) options.onProgress?.({ type: 'progress', stage, done, total });
          },
        },
      );
      if (!outcome.ok) problems.push(...outcome.problems.flatMap((p) => changeProblems(p, layout, parsed, language)));
      if (problems.length > 0 || !outcome.ok) {
        throw new ImportRejectedError(message('import.rejected'), sortProblems(problems));
      }
      const rowsOf = (changed: ItemChangeRow[]): ImportedRow[] =>
        changed.map(({ index, ...rest }) => ({ row: parsed[index]!.row, ...rest }));
      return {
        subProgrammeId: id,
        dryRun: options.dryRun,
        applied: !options.dryRun,
        rows: parsed.length,
        created: rowsOf(outcome.created),
        updated: rowsOf(outcome.updated),
        unchanged: rowsOf(outcome.unchanged),
      };
    },

    /** The consumption of the cycle's services as a workbook to fill in (ITC finance). */
    async exportConsumptionTemplate(
      context: RequestContext,
      cycleId: number,
      language: Language,
      exportedBy: string,
    ): Promise<ExportFile> {
      const cycle = await deps.fullCost.manageable(context, cycleId);
      return writeExport({ filename: `IKT-paterins-${cycle.year}.xlsx`, contentType: XLSX_TYPE }, async (file) => {
        const data = await inSnapshot(async (read) => {
          // The services that take quantities: in use, and not attributed directly.
          const inUse = new Set((await read.reference.listIctServices()).filter((s) => s.active).map((s) => s.code));
          const drivers = (await read.fullCost.drivers(context, cycleId, language)).services;
          const consumption = await read.fullCost.consumption(context, cycleId, {});
          const recorded = new Set(consumption.rows.map((r) => r.institutionCode));
          const institutions = (await read.reference.listInstitutions())
            .filter((i) => i.active || recorded.has(i.code))
            .map((i) => ({ code: i.code, name: language === 'lv' ? i.nameLv : i.nameEn }));
          return {
            language,
            cycle,
            exported: { at: new Date(), by: exportedBy },
            version: consumption.version,
            drivers,
            takingQuantities: drivers.filter((d) => inUse.has(d.serviceCode) && !d.direct),
            institutions,
            rows: consumption.rows,
          };
        });
        await writeConsumptionTemplate(file, data);
      });
    },

    /**
     * Imports a filled-in consumption template through the full-cost service's own
     * `setConsumption` (the rules of `PUT /service-consumption`): every problem of the sheet and
     * of the service answered at once with its cell, all rows saved or none. The version checked
     * is If-Match's, or else the one the file was exported at.
     */
    async importConsumption(
      context: RequestContext,
      cycleId: number,
      options: ConsumptionImportOptions,
    ): Promise<ConsumptionImportResult> {
      const { language } = options;
      await deps.fullCost.manageable(context, cycleId);
      const zip = await inspectWorkbook(await options.readFile(), limits);
      const read = readConsumptionSheet(await readSheets(zip, limits.rows, undefined, { language, limits }), language);
      if (!('rows' in read)) throw new ImportRejectedError(message('import.rejected'), read.problems);
      if (read.rows.length > limits.rows) {
        throw new PayloadTooLargeError(message('import.tooManyRows', { rows: limits.rows }));
      }
      const problems = [...read.problems];
      const ifMatch = options.ifMatch === 'missing' && read.version !== null ? read.version : options.ifMatch;
      const rows = read.rows.map((r) => r.input);
      // A sheet with problems of its own is only checked by the service, so that every problem is answered at once.
      const dryRun = options.dryRun || problems.length > 0;
      const saved = await deps.fullCost
        .setConsumption(context, cycleId, ifMatch, rows, { dryRun })
        .catch((error: unknown) => {
          // The service's problems with the rows, by cell; anything else (403, 409, 412, 428) as it is.
          if (!(error instanceof ValidationError) || !error.errors) throw error;
          problems.push(...serviceProblems(error.errors, read, language));
          return null;
        });
      if (problems.length > 0 || saved === null) {
        throw new ImportRejectedError(message('import.rejected'), sortProblems(problems));
      }
      return {
        cycleId,
        dryRun: options.dryRun,
        applied: !options.dryRun,
        rows: rows.length,
        services: [...new Set(rows.map((r) => r.serviceCode))].sort(),
        version: saved.version,
      };
    },

    /** One institution's bill of IT as a workbook: the JSON bill's figures, its totals live. */
    async exportBill(
      context: RequestContext,
      cycleId: number,
      institutionCode: string,
      query: FullCostQuery,
      language: Language,
      exportedBy: string,
    ): Promise<ExportFile> {
      // Read before the file is made, so that a bill the actor may not see is a 404 and no file.
      const { cycle, bill } = await inSnapshot(async (read) => ({
        cycle: await read.cycles.get(context, cycleId),
        bill: await read.fullCost.bill(context, cycleId, institutionCode, query, language),
      }));
      return writeExport(
        { filename: `IT-rekins-${institutionCode}-${bill.fiscalYear}.xlsx`, contentType: XLSX_TYPE },
        (file) => writeBill(file, { language, cycle, exported: { at: new Date(), by: exportedBy }, bill }),
      );
    },

    /** budget.csv and datapackage.json of an approved cycle, zipped. */
    async openData(context: RequestContext, cycleId: number): Promise<ExportFile> {
      const cycle = await readableCycle(context, cycleId);
      if (cycle.status !== 'approved' && cycle.status !== 'closed') throw openDataNotYet();
      const [subProgrammes, named] = await Promise.all([
        deps.subProgrammes.list(context, cycleId),
        referenceNames(deps.reference, 'lv'),
      ]);
      const byId = new Map(
        subProgrammes.map((s) => [s.id, { code: s.code, name: s.name, institutionCode: s.institutionCode }]),
      );
      const { folder, remove } = await tempFolder();
      try {
        const csvFile = path.join(folder, 'budget.csv');
        const pages = async function* () {
          let items = 0;
          for await (const page of itemsOf(repository, [...byId.keys()], { withCut: false })) {
            yield csvRows(page.items, page.subProgrammeId, cycle, {
              institutions: named.institutions,
              ekk: named.ekk,
              subProgrammes: byId,
            });
            items += page.items.length;
            if (items % 10_000 < page.items.length) collectGarbage();
          }
        };
        const csv = await writeCsv(csvFile, pages());
        collectGarbage();
        const zipFile = path.join(folder, 'open-data.zip');
        await writeOpenDataZip(zipFile, csvFile, dataPackage(cycle, csv, new Date()));
        return {
          path: zipFile,
          filename: `riga-ict-budget-${cycle.year}-open-data.zip`,
          contentType: ZIP_TYPE,
          size: (await stat(zipFile)).size,
          remove,
        };
      } catch (error) {
        await remove();
        throw error;
      }
    },
  };
}

/** A problem the line item service found with a row, located by the row's sheet row and cell. */
function changeProblems(
  found: ItemChangeProblem,
  layout: ItemSheetLayout,
  parsed: ParsedRow[],
  language: Language,
): ImportProblem[] {
  const row = parsed[found.index]!.row;
  const idColumn = layout.columns.find((c) => c.field === 'id') ?? null;
  const versionColumn = layout.columns.find((c) => c.field === 'version') ?? null;
  const at = (kind: ImportProblemKind, column: SheetColumn | null, text: Localized) =>
    problem(kind, layout.sheet, row, column, localize(text, language));
  switch (found.code) {
    case 'duplicate':
      return [at('invalid', idColumn, message('import.duplicateId', { row: parsed[found.firstIndex]!.row }))];
    case 'notFound':
      return [at('not-found', idColumn, message('import.notFound'))];
    case 'staleVersion':
      return [
        at(
          'conflict',
          versionColumn,
          message('import.conflict', { exported: found.sent ?? 0, current: found.current }),
        ),
      ];
    case 'refused':
      return refusalProblems(found.error, layout, at);
  }
}

/** Rows and columns of a DomainError a row's change ran into, as that row's problems. */
function refusalProblems(
  error: DomainError,
  layout: ItemSheetLayout,
  at: (kind: ImportProblemKind, column: SheetColumn | null, text: Localized) => ImportProblem,
): ImportProblem[] {
  if (error instanceof PreconditionFailedError) {
    return [at('conflict', layout.columns.find((c) => c.field === 'version') ?? null, error.detail)];
  }
  if (error instanceof NotFoundError) {
    return [at('not-found', layout.columns.find((c) => c.field === 'id') ?? null, message('import.notFound'))];
  }
  if (error instanceof ValidationError && error.errors && error.errors.length > 0) {
    return error.errors.map((fieldProblem) =>
      at('invalid', columnOfPath(layout, fieldProblem.path.replace(/^body\./, '').split('.')), fieldProblem.message),
    );
  }
  return [at(error instanceof ValidationError ? 'invalid' : 'not-editable', null, error.detail)];
}

/** Problems in the order a user works through a sheet: by row, then by column. */
function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const columnOrder = (letters: string | null) =>
    letters === null ? 0 : [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return [...problems].sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) ||
      columnOrder(a.column) - columnOrder(b.column) ||
      a.message.localeCompare(b.message),
  );
}

export type SpreadsheetService = ReturnType<typeof createSpreadsheetService>;
