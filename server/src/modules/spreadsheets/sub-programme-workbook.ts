import type ExcelJS from 'exceljs';
import { COST_NATURES, PRIORITIES } from '@ikt/shared/domain';
import type { Cycle } from '@ikt/shared/cycle.schema';
import { CYCLE_STATUS_LABELS, SUB_PROGRAMME_STATUS_LABELS } from '@ikt/shared/labels';
import type { Language } from '@ikt/shared/messages';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import {
  ITEM_SHEET,
  costNatureLabel,
  itemColumns,
  letterOf,
  openItemSheet,
  priorityLabel,
  reviewStatusLabel,
  writeItemRow,
  type ItemField,
} from './item-sheet';
import type { ItemRecord } from './spreadsheets.repository';
import { say } from '../../messages/message';
import { ITEM_HEADERS, LABELS, SHEET_NAMES, instructions } from './workbook-labels';
import { SheetWriter, openWorkbook, type ExportHeading, type Exported } from './workbook-writer';
import { STYLE, columnLetter, formulaString, sheetRef } from './xlsx-cells';

/** Empty rows under the items that carry the drop-downs, for new items. */
export const TEMPLATE_SPARE_ROWS = 300;

export interface CodeAndName {
  code: string;
  name: string;
}

export interface SubProgrammeWorkbookData {
  language: Language;
  cycle: Cycle;
  subProgramme: SubProgramme;
  institutionName: string;
  exported: Exported;
  lists: {
    ekk: readonly CodeAndName[];
    ictServices: readonly CodeAndName[];
    informationSystems: readonly CodeAndName[];
    goals: readonly CodeAndName[];
    actionDirections: readonly CodeAndName[];
  };
  ekkNames: ReadonlyMap<string, string>;
  /** How many items the sub-programme holds (every status): the extent of the item ranges. */
  itemCount: number;
  /** Its items in their order, a page at a time, from the snapshot `subProgramme` was read in. */
  items: AsyncIterable<{ items: ItemRecord[] }>;
}

interface ListRange {
  field: ItemField;
  /** The formula the drop-down offers: a column of the lists sheet. */
  source: string;
}

/**
 * The sub-programme workbook, which is also the import template: the item sheet with id and
 * version columns and drop-down lists, an instructions sheet, and the lists the drop-downs use.
 * The totals above the items are the sub-programme's, read in the same snapshot as the items.
 */
export async function writeSubProgrammeWorkbook(filename: string, data: SubProgrammeWorkbookData): Promise<void> {
  const { language, cycle, subProgramme } = data;
  const years = cycle.fiscalYears.map(String);
  const heading: ExportHeading = {
    language,
    title: `${subProgramme.code} — ${subProgramme.name}`,
    context: [
      `${LABELS.institution[language]}: ${subProgramme.institutionCode} — ${data.institutionName}`,
      `${LABELS.cycle[language]}: ${cycle.title} (${CYCLE_STATUS_LABELS[cycle.status][language]})`,
      `${LABELS.status[language]}: ${SUB_PROGRAMME_STATUS_LABELS[subProgramme.status][language]}`,
    ].join(' · '),
    subject: `${LABELS.subProgrammeTitle[language]} ${subProgramme.code}`,
    keywords: 'IKT, ICT, budžets, budget, import',
    exported: data.exported,
  };
  const workbook = openWorkbook(filename, heading);

  const columns = itemColumns('subProgramme', cycle.fiscalYears, language);
  const lastTemplateRow = ITEM_SHEET.firstDataRow + data.itemCount + TEMPLATE_SPARE_ROWS - 1;
  const range = (letter: string) => `$${letter}$${ITEM_SHEET.firstDataRow}:$${letter}$${lastTemplateRow}`;
  const listsSheet = SHEET_NAMES.lists[language];
  const lists = listColumns(data, language, listsSheet);

  const status = range(letterOf(columns, 'reviewStatus'));
  const notCut = formulaString(`<>${reviewStatusLabel('cut', language)}`);
  const sheet = openItemSheet(
    workbook,
    heading,
    columns,
    {
      years,
      sumOf: (year) => `SUMIFS(${range(letterOf(columns, `amount:${year}`))},${status},${notCut})`,
      amounts: subProgramme.totals,
    },
    columns.map((c) => (c.readOnly ? `${c.header} (${LABELS.readOnly[language]})` : c.header)),
  );

  const context = {
    language,
    institutionCode: subProgramme.institutionCode,
    subProgrammeCode: subProgramme.code,
    ekkName: (code: string) => data.ekkNames.get(code) ?? null,
  };
  for await (const page of data.items) {
    for (const item of page.items) sheet.rowWith((row) => writeItemRow(row, columns, item, context));
    await sheet.drain();
  }

  const validations = (sheet.sheet as unknown as { dataValidations: ValidationSink }).dataValidations;
  /** The field's column from the first item row to the last spare one. */
  const rows = (field: ItemField) => {
    const letter = letterOf(columns, field);
    return `${letter}${ITEM_SHEET.firstDataRow}:${letter}${lastTemplateRow}`;
  };
  for (const list of lists) {
    const goals = list.field === 'goalCodes';
    validations.add(rows(list.field), {
      type: 'list',
      allowBlank: true,
      formulae: [list.source],
      showInputMessage: true,
      prompt: goals ? say('workbook.prompt.goals', language) : say('workbook.prompt.list', language),
      // Several goals go in one cell ("M1; M5"): the list only helps with the first one.
      showErrorMessage: !goals,
      errorStyle: 'stop',
      errorTitle: ITEM_HEADERS[list.field as keyof typeof ITEM_HEADERS][language],
      error: say('workbook.refusal.list', language),
    });
  }
  const atLeast = (field: ItemField, type: 'decimal' | 'whole', minimum: number, error: string) =>
    validations.add(rows(field), {
      type,
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [minimum],
      showErrorMessage: true,
      error,
    });
  for (const field of [...years.map((y) => `amount:${y}` as const), 'unitPrice' as const]) {
    atLeast(field, 'decimal', 0, say('workbook.refusal.amount', language));
  }
  atLeast('rank', 'whole', 1, say('workbook.refusal.rank', language));
  sheet.autoFilter(
    `A${ITEM_SHEET.headerRow}`,
    `${columnLetter(columns.length)}${Math.max(ITEM_SHEET.firstDataRow, sheet.rowNumber - 1)}`,
  );
  sheet.commit();

  writeInstructions(workbook, heading);
  writeLists(workbook, data, listsSheet);
  await workbook.commit();
}

interface ValidationSink {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** What each drop-down offers, as columns of the lists sheet (code, then name). */
function listContents(data: SubProgrammeWorkbookData, language: Language) {
  return [
    { field: 'ekkCode', heading: ITEM_HEADERS.ekkCode[language], values: data.lists.ekk },
    {
      field: 'costNature',
      heading: ITEM_HEADERS.costNature[language],
      values: COST_NATURES.map((c) => ({ code: costNatureLabel(c, language), name: c })),
    },
    {
      field: 'priority',
      heading: ITEM_HEADERS.priority[language],
      values: PRIORITIES.map((p) => ({ code: priorityLabel(p, language), name: p })),
    },
    { field: 'ictServiceCode', heading: ITEM_HEADERS.ictServiceCode[language], values: data.lists.ictServices },
    {
      field: 'informationSystemCode',
      heading: ITEM_HEADERS.informationSystemCode[language],
      values: data.lists.informationSystems,
    },
    { field: 'goalCodes', heading: ITEM_HEADERS.goalCodes[language], values: data.lists.goals },
    {
      field: 'actionDirectionCode',
      heading: ITEM_HEADERS.actionDirectionCode[language],
      values: data.lists.actionDirections,
    },
  ] as const satisfies readonly { field: ItemField; heading: string; values: readonly CodeAndName[] }[];
}

/** Each list takes two columns of the lists sheet and a blank one after. */
function listColumns(data: SubProgrammeWorkbookData, language: Language, sheetName: string): ListRange[] {
  return listContents(data, language).map((list, index) => {
    const letter = columnLetter(index * 3 + 1);
    const last = Math.max(2, list.values.length + 1);
    return { field: list.field, source: `${sheetRef(sheetName)}$${letter}$2:$${letter}$${last}` };
  });
}

function writeLists(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  data: SubProgrammeWorkbookData,
  sheetName: string,
): void {
  const { language } = data;
  const contents = listContents(data, language);
  const sheet = new SheetWriter(workbook, sheetName, {
    headerRow: 1,
    widths: contents.flatMap(() => [14, 45, 3]),
  });
  const depth = Math.max(...contents.map((c) => c.values.length));
  sheet.rowWith((row) => {
    contents.forEach((list, index) => {
      const cell = row.getCell(index * 3 + 1);
      cell.value = list.heading;
      cell.style = STYLE.header;
      const name = row.getCell(index * 3 + 2);
      name.value = LABELS.name[language];
      name.style = STYLE.header;
    });
  });
  for (let i = 0; i < depth; i++) {
    sheet.rowWith((row) => {
      contents.forEach((list, index) => {
        const value = list.values[i];
        if (!value) return;
        row.getCell(index * 3 + 1).value = value.code;
        row.getCell(index * 3 + 2).value = value.name;
      });
    });
  }
  sheet.commit();
}

function writeInstructions(workbook: ExcelJS.stream.xlsx.WorkbookWriter, heading: ExportHeading): void {
  const sheet = new SheetWriter(workbook, SHEET_NAMES.instructions[heading.language], {
    headerRow: 0,
    widths: [120],
  });
  sheet.titleBlock(heading);
  sheet.blank();
  instructions(heading.language).forEach((line, index) => {
    sheet.row([[line, index === 0 ? STYLE.subtotalLabel : STYLE.wrap]]);
  });
  sheet.commit();
}
