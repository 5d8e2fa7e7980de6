import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { itemCreateRefusal, itemEditRefusal, subProgrammeEditRefusal } from '@ikt/shared/editability';
import type { CreateLineItemInput, UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import type { Language } from '@ikt/shared/messages';
import { can } from '@ikt/shared/permissions';
import type { ImportedRow, ImportProblem, ImportProgressEvent, ImportResult } from '@ikt/shared/spreadsheet.schema';
import type { RequestContext } from '../../context';
import {
  DomainError,
  InvalidStateError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  localize,
} from '../../errors';
import { NOT_OWNER, budgetScope, cycleNotFound, ensureAllowed, ensureEditable } from '../budget/budget-access';
import { referenceKey, type LineItemService } from '../budget/line-item.service';
import type { SubProgrammeService } from '../budget/sub-programme.service';
import type { ConsolidationService } from '../consolidation/consolidation.service';
import type { CycleService } from '../cycles/cycles.service';
import type { IndicatorsService } from '../indicators/indicators.service';
import type { ReferenceService } from '../reference/reference.service';
import { writeCycleWorkbook } from './cycle-workbook';
import { FILE_MESSAGES, ImportRejectedError, PayloadTooLargeError } from './import-errors';
import { collectGarbage } from './memory';
import {
  changesOf,
  columnOfPath,
  locateItemSheet,
  parseRow,
  problem,
  ROW_MESSAGES,
  type ItemSheetLayout,
  type ParsedRow,
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
  type ExportSnapshot,
  type ReadersOver,
} from './workbook-snapshot';

export interface SpreadsheetDependencies {
  cycles: CycleService;
  subProgrammes: SubProgrammeService;
  lineItems: LineItemService;
  consolidation: ConsolidationService;
  indicators: IndicatorsService;
  reference: ReferenceService;
  /** The same services over the transaction an export reads its snapshot in. */
  readersOver: ReadersOver;
}

export interface ImportOptions {
  dryRun: boolean;
  language: Language;
  /** Reads the uploaded file; called only once the caller may import into the sub-programme. */
  readFile: () => Promise<Buffer>;
  onProgress?: (event: Extract<ImportProgressEvent, { type: 'progress' }>) => void;
}

const openDataNotYet = () =>
  new InvalidStateError({
    lv: 'Atvērtie dati tiek publicēti par apstiprinātu budžetu (cikls “Apstiprināts” vai “Slēgts”).',
    en: 'Open data is published for an approved budget (cycle “approved” or “closed”).',
  });

/** What the check found a row should do, for the transaction that applies it. */
type Plan =
  | { row: ParsedRow; kind: 'create'; input: CreateLineItemInput }
  | { row: ParsedRow; kind: 'update'; id: number; version: number; changes: UpdateLineItemInput };

export function createSpreadsheetService(
  db: Kysely<Database>,
  deps: SpreadsheetDependencies,
  limits: ImportLimits = IMPORT_LIMITS,
) {
  const repository = createSpreadsheetsRepository(db);

  /** The cycle, if the actor may read its whole consolidated budget (a lead may not: 404). */
  async function readableCycle(context: RequestContext, cycleId: number) {
    const cycle = await deps.cycles.get(context, cycleId);
    if (!can(context.actor, { action: 'consolidation.read', cycleStatus: cycle.status })) throw cycleNotFound();
    return cycle;
  }

  /** Rows and columns of a DomainError a row's change ran into, as that row's problems. */
  function rowProblems(
    error: DomainError,
    layout: ItemSheetLayout,
    parsed: ParsedRow,
    language: Language,
  ): ImportProblem[] {
    const idColumn = layout.columns.find((c) => c.field === 'id') ?? null;
    if (error instanceof PreconditionFailedError) {
      const versionColumn = layout.columns.find((c) => c.field === 'version') ?? null;
      return [problem('conflict', layout.sheet, parsed.row, versionColumn, localize(error.detail, language))];
    }
    if (error instanceof NotFoundError) {
      return [problem('not-found', layout.sheet, parsed.row, idColumn, localize(ROW_MESSAGES.notFound, language))];
    }
    if (error instanceof ValidationError && error.errors && error.errors.length > 0) {
      return error.errors.map((fieldProblem) => {
        const fieldPath = fieldProblem.path.replace(/^body\./, '').split('.');
        const column = columnOfPath(layout, fieldPath);
        return problem('invalid', layout.sheet, parsed.row, column, localize(fieldProblem.message, language));
      });
    }
    const kind = error instanceof ValidationError ? 'invalid' : 'not-editable';
    return [problem(kind, layout.sheet, parsed.row, null, localize(error.detail, language))];
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
      ensureAllowed(context.actor, { action: 'subProgramme.edit', scope }, NOT_OWNER);
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
      if ('problems' in located) throw new ImportRejectedError(FILE_MESSAGES.rejected, located.problems);
      const { layout } = located;

      const parsed = located.rows
        .map((row) => parseRow(row, layout, language))
        .filter((row): row is ParsedRow => row !== null);
      if (parsed.length > limits.rows) throw new PayloadTooLargeError(FILE_MESSAGES.tooManyRows(limits.rows));
      const problems: ImportProblem[] = parsed.flatMap((row) => row.problems);
      const idColumn = layout.columns.find((c) => c.field === 'id')!;
      const firstRowOfId = new Map<number, number>();
      for (const row of parsed) {
        if (row.id === null) continue;
        const first = firstRowOfId.get(row.id);
        if (first === undefined) firstRowOfId.set(row.id, row.row);
        else
          problems.push(
            problem('invalid', layout.sheet, row.row, idColumn, localize(ROW_MESSAGES.duplicateId(first), language)),
          );
      }

      const current = new Map((await deps.lineItems.list(context, id)).map((item) => [item.id, item]));
      const versionColumn = layout.columns.find((c) => c.field === 'version') ?? null;
      const progress = (stage: 'check' | 'apply', done: number, total: number) => {
        if (done % 100 === 0 || done === total) options.onProgress?.({ type: 'progress', stage, done, total });
      };
      const fail = (error: unknown, row: ParsedRow) => {
        if (!(error instanceof DomainError)) throw error;
        problems.push(...rowProblems(error, layout, row, language));
      };
      // Rows tend to share their codes: each combination is checked against the reference data once.
      const referenceChecks = new Map<string, Promise<DomainError | null>>();
      const checkReferences = (input: UpdateLineItemInput) => {
        const key = referenceKey(input);
        let check = referenceChecks.get(key);
        if (!check) {
          check = deps.lineItems.checkReferencesWithin(db, input, cycle.year).then(
            () => null,
            (error: unknown) => {
              if (error instanceof DomainError) return error;
              throw error;
            },
          );
          referenceChecks.set(key, check);
        }
        return check;
      };

      // 1. Check every row by the line item rules, writing nothing: a refused import is quick,
      //    and every problem is found, not just the first of each row.
      const plans: Plan[] = [];
      const unchanged: ImportedRow[] = [];
      let done = 0;
      for (const row of parsed) {
        progress('check', ++done, parsed.length);
        if (row.id !== null && firstRowOfId.get(row.id) !== row.row) continue;
        const before = row.id === null ? undefined : current.get(row.id);
        if (row.id !== null && !before) {
          problems.push(
            problem('not-found', layout.sheet, row.row, idColumn, localize(ROW_MESSAGES.notFound, language)),
          );
          continue;
        }
        if (!row.input) {
          const refused = await checkReferences(row.validFields);
          if (refused) fail(refused, row);
          continue;
        }
        let input: UpdateLineItemInput = row.input;
        try {
          if (!before) {
            ensureEditable(itemCreateRefusal(cycle.status, subProgramme.status));
          } else {
            input = changesOf(row.input, before);
            if (Object.keys(input).length === 0) {
              unchanged.push({ row: row.row, id: before.id, title: before.title, fields: [] });
              continue;
            }
            if (row.version !== before.version) {
              const message = ROW_MESSAGES.conflict(row.version ?? 0, before.version);
              problems.push(problem('conflict', layout.sheet, row.row, versionColumn, localize(message, language)));
              continue;
            }
            ensureEditable(itemEditRefusal(cycle.status, subProgramme.status, before.reviewStatus));
          }
        } catch (error) {
          fail(error, row);
          continue;
        }
        const refused = await checkReferences(input);
        if (refused) {
          fail(refused, row);
          continue;
        }
        plans.push(
          before
            ? { row, kind: 'update', id: before.id, version: before.version, changes: input }
            : { row, kind: 'create', input: row.input },
        );
      }
      const reject = () => new ImportRejectedError(FILE_MESSAGES.rejected, sortProblems(problems));
      if (problems.length > 0) throw reject();

      const result = (created: ImportedRow[], updated: ImportedRow[]): ImportResult => ({
        subProgrammeId: id,
        dryRun: options.dryRun,
        applied: !options.dryRun,
        rows: parsed.length,
        created,
        updated,
        unchanged,
      });
      if (options.dryRun) {
        return result(
          plans.flatMap((p) =>
            p.kind === 'create' ? [{ row: p.row.row, id: null, title: p.input.title, fields: [] }] : [],
          ),
          plans.flatMap((p) =>
            p.kind === 'update'
              ? [
                  {
                    row: p.row.row,
                    id: p.id,
                    title: p.changes.title ?? current.get(p.id)!.title,
                    fields: Object.keys(p.changes),
                  },
                ]
              : [],
          ),
        );
      }

      // 2. Apply every row in one transaction through the line item service, which checks its
      //    rules again under its locks (someone may have changed something meanwhile): all or none.
      return db.transaction().execute(async (trx) => {
        const updated: ImportedRow[] = [];
        let applied = 0;
        for (const plan of plans) {
          if (plan.kind !== 'update') continue;
          progress('apply', ++applied, plans.length);
          try {
            const item = await deps.lineItems.updateWithin(trx, context, plan.id, plan.version, plan.changes);
            updated.push({ row: plan.row.row, id: item.id, title: item.title, fields: Object.keys(plan.changes) });
          } catch (error) {
            fail(error, plan.row);
          }
        }
        if (problems.length > 0) throw reject();
        // New rows together: their rules were checked row by row above and are checked again
        // here, under the sub-programme's lock; a refusal now (it changed meanwhile) refuses all.
        const creates = plans.filter((plan) => plan.kind === 'create');
        if (creates.length === 0) return result([], updated);
        const items = await deps.lineItems.createManyWithin(
          trx,
          context,
          id,
          creates.map((plan) => plan.input),
        );
        progress('apply', plans.length, plans.length);
        return result(
          items.map((item, index) => ({ row: creates[index]!.row.row, id: item.id, title: item.title, fields: [] })),
          updated,
        );
      });
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
