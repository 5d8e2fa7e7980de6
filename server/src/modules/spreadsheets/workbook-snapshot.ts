import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { Consolidation } from '@ikt/shared/consolidation.schema';
import type { Language } from '@ikt/shared/messages';
import type { MoneyString } from '@ikt/shared/money';
import { changeAgainst, changeRatio } from '@ikt/shared/money-change';
import type { RequestContext } from '../../context';
import { readSnapshot } from '../../database-snapshot';
import type { SubProgrammeService } from '../budget/sub-programme.service';
import { ekkComposition } from '../consolidation/consolidation-rollup';
import type { ConsolidationService } from '../consolidation/consolidation.service';
import type { CycleService } from '../cycles/cycles.service';
import type { FullCostService } from '../full-cost/full-cost.service';
import type { IndicatorsService } from '../indicators/indicators.service';
import type { ReferenceService } from '../reference/reference.service';
import type { ComparedFigures, CycleWorkbookData } from './cycle-workbook';
import { spoolItemPages, type ItemPage } from './item-spool';
import { createSpreadsheetsRepository, itemsOf } from './spreadsheets.repository';
import type { SubProgrammeWorkbookData } from './sub-programme-workbook';
import type { Exported } from './workbook-writer';

/**
 * What a workbook shows, read in one snapshot — one REPEATABLE READ read-only transaction —
 * through the services the API answers with, bound to that transaction: every total, share and
 * change is the API's, and the items, read in the same transaction, are those of the same moment.
 * The writers compute nothing.
 */

/** The services an export reads through. */
export interface ExportReaders {
  cycles: CycleService;
  subProgrammes: SubProgrammeService;
  consolidation: ConsolidationService;
  fullCost: FullCostService;
  indicators: IndicatorsService;
  reference: ReferenceService;
}

/** The reading services over one executor: app.ts builds them as it builds its own. */
export type ReadersOver = (executor: Kysely<Database>) => ExportReaders;

/** One export's snapshot: the services, and the items, all read in its one transaction. */
export interface ExportSnapshot {
  read: ExportReaders;
  /** Every item of the sub-programmes (every status), in their order, kept for after the snapshot. */
  items(subProgrammeIds: readonly number[]): Promise<{ count: number; pages: AsyncIterable<ItemPage> }>;
}

/**
 * Runs `read` inside one snapshot (see database-snapshot.ts) and answers what it read; the item
 * pages wait in `spoolFile` (see item-spool.ts), so the snapshot ends before the writing starts.
 */
export function inExportSnapshot<T>(
  db: Kysely<Database>,
  readersOver: ReadersOver,
  spoolFile: string,
  read: (snapshot: ExportSnapshot) => Promise<T>,
): Promise<T> {
  return readSnapshot(db, (trx) =>
    read({
      read: readersOver(trx),
      items: (ids) => spoolItemPages(itemsOf(createSpreadsheetsRepository(trx), ids, { withCut: true }), spoolFile),
    }),
  );
}

/** Who asks for a workbook, in which language, and the name it shows as the exporter's. */
export interface WorkbookRequest {
  context: RequestContext;
  language: Language;
  exportedBy: string;
}

const exportedNow = (request: WorkbookRequest): Exported => ({ at: new Date(), by: request.exportedBy });

/** Institutions' and EKK codes' names, in both languages and in the request's. */
export async function referenceNames(reference: ReferenceService, language: Language) {
  const institutions = await reference.listInstitutions();
  const ekk = await reference.listEkkCodes({ includeRetired: true });
  return {
    institutions: new Map(institutions.map((i) => [i.code, { lv: i.nameLv, en: i.nameEn }])),
    institutionNames: new Map(institutions.map((i) => [i.code, language === 'lv' ? i.nameLv : i.nameEn])),
    ekk: new Map(ekk.map((e) => [e.code, { lv: e.nameLv, en: e.nameEn }])),
    ekkNames: new Map(ekk.map((e) => [e.code, language === 'lv' ? e.nameLv : e.nameEn])),
  };
}

/** A consolidation's figures beside last year's, with the change as the shared rule works it out. */
function compared(
  amounts: Record<string, MoneyString>,
  previousYear: MoneyString | null,
  firstYear: string,
): ComparedFigures {
  const figures: ComparedFigures = { amounts, lastYear: null };
  if (previousYear === null) return figures;
  const current = amounts[firstYear] ?? '0';
  const { change } = changeAgainst(current, previousYear);
  return { ...figures, lastYear: { amount: previousYear, change, changeRatio: changeRatio(current, previousYear) } };
}

function comparedRows(consolidation: Consolidation, firstYear: string) {
  return consolidation.rows.map((row) => ({
    key: row.key,
    label: row.label,
    ...compared(row.amounts, row.previousYear, firstYear),
  }));
}

/** Everything the consolidated workbook of `cycleId` shows; run inside the export's snapshot. */
export async function readCycleWorkbook(snapshot: ExportSnapshot, request: WorkbookRequest & { cycleId: number }) {
  const { read } = snapshot;
  const { context, language, cycleId } = request;
  const cycle = await read.cycles.get(context, cycleId);
  const base = cycle.baseCycleId === null ? undefined : await read.cycles.find(cycle.baseCycleId);
  const consolidate = (by: 'sub_programme' | 'ekk' | 'goal') =>
    read.consolidation.consolidate(context, cycleId, { by }, language);
  const bySubProgramme = await consolidate('sub_programme');
  const byEkk = await consolidate('ekk');
  const byGoal = await consolidate('goal');
  const indicators = await read.indicators.get(context, cycleId);
  const fullCost = [];
  for (const fiscalYear of cycle.fiscalYears) {
    fullCost.push(await read.fullCost.fullCost(context, cycleId, { stage: 'request', fiscalYear }, language));
  }
  const subProgrammes = (await read.subProgrammes.list(context, cycleId)).map((s) => ({
    id: s.id,
    code: s.code,
    institutionCode: s.institutionCode,
  }));
  const names = await referenceNames(read.reference, language);
  const overrides = await read.cycles.overrides(cycleId);
  const items = await snapshot.items(subProgrammes.map((s) => s.id));

  const years = cycle.fiscalYears.map(String);
  const firstYear = years[0]!;
  const owners = new Map(subProgrammes.map((s) => [s.code, s.institutionCode]));
  const composition = ekkComposition(byEkk.rows, years);
  const data: CycleWorkbookData = {
    language,
    cycle,
    baseYear: base?.year ?? null,
    exported: exportedNow(request),
    summary: {
      rows: comparedRows(bySubProgramme, firstYear).map((row) => {
        const institutionCode = owners.get(row.key) ?? '';
        return { ...row, institutionCode, institutionName: names.institutionNames.get(institutionCode) };
      }),
      total: compared(bySubProgramme.total.amounts, bySubProgramme.total.previousYear, firstYear),
      cut: bySubProgramme.cut.amounts,
    },
    byEkk: {
      rows: comparedRows(byEkk, firstYear).map((row, index) => {
        const { level, parentKey } = byEkk.rows[index]!;
        return { ...row, level, parentKey, ...composition.get(row.key)! };
      }),
      total: byEkk.total.amounts,
    },
    byGoal: { rows: comparedRows(byGoal, firstYear), total: byGoal.total.amounts },
    indicators,
    fullCost,
    overrides,
    subProgrammes,
    ekkNames: names.ekkNames,
    itemCount: items.count,
    items: items.pages,
  };
  return data;
}

/** Everything the sub-programme workbook (the import template) shows; run inside the export's snapshot. */
export async function readSubProgrammeWorkbook(snapshot: ExportSnapshot, request: WorkbookRequest & { id: number }) {
  const { read } = snapshot;
  const { context, language, id } = request;
  const subProgramme = await read.subProgrammes.get(context, id);
  const cycle = await read.cycles.get(context, subProgramme.cycleId);
  const ekk = await read.reference.listEkkCodes({ selectable: true });
  const services = await read.reference.listIctServices();
  const systems = await read.reference.listInformationSystems();
  const goals = await read.reference.listGoals();
  const directions = await read.reference.listActionDirections();
  const names = await referenceNames(read.reference, language);
  const items = await snapshot.items([id]);
  const lv = language === 'lv';
  const data: SubProgrammeWorkbookData = {
    language,
    cycle,
    subProgramme,
    institutionName: names.institutionNames.get(subProgramme.institutionCode) ?? '',
    exported: exportedNow(request),
    lists: {
      ekk: ekk.map((e) => ({ code: e.code, name: lv ? e.nameLv : e.nameEn })),
      ictServices: services.filter((s) => s.active).map((s) => ({ code: s.code, name: lv ? s.nameLv : s.nameEn })),
      informationSystems: systems
        .filter((s) => s.active)
        .map((s) => ({ code: s.code, name: `${s.name} — ${lv ? s.functionLv : s.functionEn}` })),
      goals: goals.map((g) => ({ code: g.code, name: lv ? g.nameLv : g.nameEn })),
      actionDirections: directions.map((d) => ({ code: d.code, name: lv ? d.nameLv : d.nameEn })),
    },
    ekkNames: names.ekkNames,
    itemCount: items.count,
    items: items.pages,
  };
  return data;
}
