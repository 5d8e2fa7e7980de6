import type ExcelJS from 'exceljs';
import type { Cycle, CycleOverride } from '@ikt/shared/cycle.schema';
import type { FullCost } from '@ikt/shared/full-cost.schema';
import { CYCLE_STATUS_LABELS, SUB_PROGRAMME_STATUS_LABELS } from '@ikt/shared/labels';
import type { Indicators } from '@ikt/shared/indicators.schema';
import type { Language } from '@ikt/shared/messages';
import type { MoneyString } from '@ikt/shared/money';
import {
  ITEM_SHEET,
  itemColumns,
  letterOf,
  openItemSheet,
  reviewStatusLabel,
  writeItemRow,
  type ItemColumn,
} from './item-sheet';
import { writeFullCostSheet } from './full-cost-sheet';
import { collectorEvery } from './memory';
import type { ItemRecord } from './spreadsheets.repository';
import { INDICATOR_LABELS, LABELS, SHEET_NAMES, amountHeader } from './workbook-labels';
import { SheetWriter, formatTimestamp, openWorkbook, type ExportHeading, type Exported } from './workbook-writer';
import {
  STYLE,
  columnLetter,
  decimalNumber,
  formulaString,
  formulaValue,
  moneyFormula,
  moneyNumber,
  sheetRef,
  textValue,
} from './xlsx-cells';

/** Each fiscal year's amount, by the year ("2027"). */
type Amounts = Readonly<Record<string, MoneyString>>;

/** A row's figures and, with a base cycle, last year's approved figure and the change against it. */
export interface ComparedFigures {
  amounts: Amounts;
  lastYear: {
    amount: MoneyString;
    /** The first fiscal year's amount less last year's. */
    change: MoneyString;
    /** The change as a fraction of last year's (a decimal string); null from zero. */
    changeRatio: string | null;
  } | null;
}

export interface KeyedRow extends ComparedFigures {
  key: string;
  label: string;
}

export interface SummaryRow extends KeyedRow {
  institutionCode: string;
  institutionName: string | undefined;
}

export interface EkkRow extends KeyedRow {
  level: number | undefined;
  parentKey: string | undefined;
  /** A group: its figure is the sum of its sub-codes' rows. */
  hasSubCodes: boolean;
  /** By year: items booked on a group's own code add to it (a code that was once a leaf). */
  ownItems: Readonly<Record<string, boolean>>;
}

/**
 * What the consolidated workbook shows, every figure already worked out (workbook-snapshot.ts
 * reads it in one snapshot, through the consolidation the API answers with); this file only writes.
 */
export interface CycleWorkbookData {
  language: Language;
  cycle: Cycle;
  /** The base cycle's year, when there is one ("last year's approved"). */
  baseYear: number | null;
  exported: Exported;
  summary: { rows: readonly SummaryRow[]; total: ComparedFigures; cut: Amounts };
  byEkk: { rows: readonly EkkRow[]; total: Amounts };
  byGoal: { rows: readonly KeyedRow[]; total: Amounts };
  indicators: Indicators;
  /** The full cost of each fiscal year, as `GET /full-cost` answers it (the `Pilnās izmaksas` sheet). */
  fullCost: readonly FullCost[];
  /** Moves to consolidated or approved made with sub-programmes not accepted, oldest first. */
  overrides: readonly CycleOverride[];
  /** The cycle's sub-programmes in the order their items are written. */
  subProgrammes: readonly { id: number; code: string; institutionCode: string }[];
  ekkNames: ReadonlyMap<string, string>;
  /** How many items the cycle holds (every status): the extent of the item ranges. */
  itemCount: number;
  /** The items of `subProgrammes`, in their order, a page at a time. */
  items: AsyncIterable<{ subProgrammeId: number; items: ItemRecord[] }>;
}

/**
 * Writes the consolidated workbook: Kopsavilkums, Pēc EKK, Pēc mērķiem, Pozīcijas, Rādītāji,
 * Pilnās izmaksas.
 * Every total is a live SUM/SUMIFS formula over the item sheet with the server's figure as its
 * cached result; the figures and the items come from one snapshot, so they agree.
 */
export async function writeCycleWorkbook(filename: string, data: CycleWorkbookData): Promise<void> {
  const { language, cycle } = data;
  const years = cycle.fiscalYears.map(String);
  const heading: ExportHeading = {
    language,
    title: `${LABELS.consolidatedTitle[language]} — ${cycle.title}`,
    context: `${LABELS.cycle[language]}: ${cycle.year} (${years[0]}–${years[years.length - 1]}) · ${LABELS.status[language]}: ${CYCLE_STATUS_LABELS[cycle.status][language]}`,
    subject: `${LABELS.consolidatedTitle[language]} ${cycle.year}`,
    keywords: 'IKT, ICT, budžets, budget, EKK',
    exported: data.exported,
  };
  const workbook = openWorkbook(filename, heading);

  const columns = itemColumns('cycle', cycle.fiscalYears, language);
  const lastItemRow = Math.max(ITEM_SHEET.firstDataRow, ITEM_SHEET.firstDataRow + data.itemCount - 1);
  const items = itemRanges(columns, SHEET_NAMES.items[language], lastItemRow);
  const cutLabel = reviewStatusLabel('cut', language);
  const notCut = `${items.status},${formulaString(`<>${cutLabel}`)}`;

  const book: CycleBook = { workbook, data, heading, items, notCut };
  const summaryTotal = writeSummary(book, cutLabel);
  writeByEkk(book);
  writeByGoal(book, summaryTotal);
  await writeItems(book, columns, lastItemRow);
  writeIndicators(book, summaryTotal);
  writeFullCostSheet(workbook, heading, data.fullCost, {
    cell: (year) => `${sheetRef(summaryTotal.sheet)}${summaryTotal.amountColumn(year)}${summaryTotal.row}`,
    amount: (year) => data.summary.total.amounts[year] ?? '0',
  });
  await workbook.commit();
}

/** What every sheet of the workbook writes with: the item sheet's ranges and the not-cut criterion. */
interface CycleBook {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  data: CycleWorkbookData;
  heading: ExportHeading;
  items: ItemRanges;
  /** The SUMIFS criterion pair that leaves cut items out. */
  notCut: string;
}

/** A summary sheet's opening: the title block, a note on how its figures are made, its headings (row 5). */
function openSummarySheet(
  book: CycleBook,
  name: string,
  layout: { widths: readonly number[]; note: string; headers: readonly string[] },
): SheetWriter {
  const sheet = new SheetWriter(book.workbook, name, { headerRow: 5, frozenColumns: 2, widths: layout.widths });
  sheet.titleBlock(book.heading);
  sheet.row([[layout.note, STYLE.note]]);
  sheet.header(layout.headers);
  return sheet;
}

interface ItemRanges {
  amount: (year: string) => string;
  subProgramme: string;
  ekk: string;
  goals: string;
  status: string;
}

function itemRanges(columns: readonly ItemColumn[], sheetName: string, lastRow: number): ItemRanges {
  const range = (letter: string) => `${sheetRef(sheetName)}$${letter}$${ITEM_SHEET.firstDataRow}:$${letter}$${lastRow}`;
  return {
    amount: (year) => range(letterOf(columns, `amount:${year}`)),
    subProgramme: range(letterOf(columns, 'subProgramme')),
    ekk: range(letterOf(columns, 'ekkCode')),
    goals: range(letterOf(columns, 'goalCodes')),
    status: range(letterOf(columns, 'reviewStatus')),
  };
}

/** Where the summary's total row is, for the sheets that refer to it. */
interface SummaryTotal {
  sheet: string;
  row: number;
  amountColumn: (year: string) => string;
}

/** Columns of the summary sheets after the keys: the years, last year's approved, the change. */
function comparisonHeaders(data: CycleWorkbookData): string[] {
  const { language } = data;
  const previous =
    data.baseYear === null ? LABELS.previousYear[language] : `${LABELS.previousYear[language]} (${data.baseYear})`;
  return [
    ...data.cycle.fiscalYears.map(amountHeader),
    previous,
    LABELS.change[language],
    LABELS.changePercent[language],
  ];
}

/** The year amounts (already formulas), then last year's approved and the change, as cells. */
function comparisonCells(
  rowNumber: number,
  firstAmountColumn: number,
  years: readonly string[],
  amounts: ExcelJS.CellValue[],
  lastYear: ComparedFigures['lastYear'],
  styles: { money: Partial<ExcelJS.Style>; percent: Partial<ExcelJS.Style> },
  /** The previous-year cell when it is not a plain value (a total row sums its column). */
  previousValue?: ExcelJS.CellValue,
): (readonly [ExcelJS.CellValue, Partial<ExcelJS.Style>])[] {
  const first = `${columnLetter(firstAmountColumn)}${rowNumber}`;
  const previousCell = `${columnLetter(firstAmountColumn + years.length)}${rowNumber}`;
  const changeCell = `${columnLetter(firstAmountColumn + years.length + 1)}${rowNumber}`;
  const cells: (readonly [ExcelJS.CellValue, Partial<ExcelJS.Style>])[] = amounts.map((a) => [a, styles.money]);
  if (lastYear === null) return [...cells, [null, styles.money], [null, styles.money], [null, styles.percent]];
  return [
    ...cells,
    [previousValue ?? moneyNumber(lastYear.amount), styles.money],
    [moneyFormula(`${first}-${previousCell}`, lastYear.change), styles.money],
    [
      formulaValue(`IF(${previousCell}=0,"",${changeCell}/${previousCell})`, decimalNumber(lastYear.changeRatio)),
      styles.percent,
    ],
  ];
}

function writeSummary(book: CycleBook, cutLabel: string): SummaryTotal {
  const { data, items, notCut } = book;
  const { language, summary } = data;
  const years = data.cycle.fiscalYears.map(String);
  const name = SHEET_NAMES.summary[language];
  const sheet = openSummarySheet(book, name, {
    widths: [16, 45, 11, 45, ...years.map(() => 17), 19, 17, 12],
    note: LABELS.totalsNote[language],
    headers: [
      ...[LABELS.code, LABELS.name, LABELS.institution, LABELS.institutionName].map((l) => l[language]),
      ...comparisonHeaders(data),
    ],
  });

  const firstRow = sheet.rowNumber;
  for (const row of summary.rows) {
    const number = sheet.rowNumber;
    const amounts = years.map((year) =>
      moneyFormula(
        `SUMIFS(${items.amount(year)},${items.subProgramme},$A${number},${notCut})`,
        row.amounts[year] ?? '0',
      ),
    );
    sheet.row([
      [textValue(row.key), STYLE.text],
      [textValue(row.label), STYLE.wrap],
      [textValue(row.institutionCode), STYLE.text],
      [textValue(row.institutionName), STYLE.wrap],
      ...comparisonCells(number, 5, years, amounts, row.lastYear, { money: STYLE.money, percent: STYLE.percent }),
    ]);
  }
  const lastRow = Math.max(firstRow, sheet.rowNumber - 1);
  const totalRow = sheet.rowNumber;
  const total = summary.total;
  const sum = (column: number) => `SUM(${columnLetter(column)}${firstRow}:${columnLetter(column)}${lastRow})`;
  const totals = years.map((year, i) => moneyFormula(sum(5 + i), total.amounts[year] ?? '0'));
  const previousColumn = 5 + years.length;
  const comparison = comparisonCells(
    totalRow,
    5,
    years,
    totals,
    total.lastYear,
    { money: STYLE.totalMoney, percent: STYLE.totalPercent },
    // Last year's total is a SUM of its column too, so the whole total row is live.
    total.lastYear === null ? undefined : moneyFormula(sum(previousColumn), total.lastYear.amount),
  );
  sheet.row([
    [LABELS.total[language], STYLE.totalLabel],
    [null, STYLE.totalLabel],
    [null, STYLE.totalLabel],
    [null, STYLE.totalLabel],
    ...comparison,
  ]);
  sheet.row([
    [LABELS.cut[language], STYLE.note],
    [null, STYLE.plain],
    [null, STYLE.plain],
    [null, STYLE.plain],
    ...years.map(
      (year) =>
        [
          moneyFormula(
            `SUMIFS(${items.amount(year)},${items.status},${formulaString(cutLabel)})`,
            summary.cut[year] ?? '0',
          ),
          STYLE.money,
        ] as const,
    ),
  ]);
  writeOverrides(sheet, data);
  sheet.autoFilter(`A${firstRow - 1}`, `${columnLetter(4 + years.length + 3)}${lastRow}`);
  sheet.commit();
  return { sheet: name, row: totalRow, amountColumn: (year) => columnLetter(5 + years.indexOf(year)) };
}

/**
 * Under the totals: each move the cycle made without every sub-programme accepted — why, who and
 * when — and which sub-programmes were not accepted then, so the reader knows what the figures hold.
 */
function writeOverrides(sheet: SheetWriter, data: CycleWorkbookData): void {
  const { language } = data;
  for (const override of data.overrides) {
    const label = override.to === 'approved' ? LABELS.overrideApproved : LABELS.overrideConsolidated;
    sheet.blank();
    sheet.row([[textValue(`${label[language]}: ${override.reason}`), STYLE.note]]);
    const list = override.notAccepted
      .map((sp) => `${sp.code} (${SUB_PROGRAMME_STATUS_LABELS[sp.status][language]})`)
      .join(', ');
    const when = `${override.by ?? ''}, ${formatTimestamp(new Date(override.at), language)}`.replace(/^, /, '');
    sheet.row([
      [textValue(`${LABELS.notAccepted[language]} (${override.notAccepted.length}): ${list} — ${when}`), STYLE.note],
    ]);
  }
}

function writeByEkk(book: CycleBook): void {
  const { data, items, notCut } = book;
  const { language, byEkk } = data;
  const years = data.cycle.fiscalYears.map(String);
  const sheet = openSummarySheet(book, SHEET_NAMES.byEkk[language], {
    widths: [9, 55, 8, 10, ...years.map(() => 17), 19, 17, 12],
    note: LABELS.ekkNote[language],
    headers: [
      ...[LABELS.code, LABELS.name, LABELS.level, LABELS.parent].map((l) => l[language]),
      ...comparisonHeaders(data),
    ],
  });

  const firstRow = sheet.rowNumber;
  const lastRow = firstRow + Math.max(byEkk.rows.length, 1) - 1;
  const own = (letter: string) => `$${letter}$${firstRow}:$${letter}$${lastRow}`;
  for (const row of byEkk.rows) {
    const number = sheet.rowNumber;
    const amounts = years.map((year, i) => {
      const column = columnLetter(5 + i);
      const itemsOfCode = `SUMIFS(${items.amount(year)},${items.ekk},$A${number},${notCut})`;
      // A group's figure is the sum of its sub-codes' rows; items booked on the group itself
      // (possible only for a code that was once a leaf) are added from the item sheet.
      const formula = row.hasSubCodes
        ? `SUMIFS(${column}${firstRow}:${column}${lastRow},${own('D')},$A${number})${row.ownItems[year] ? `+${itemsOfCode}` : ''}`
        : itemsOfCode;
      return moneyFormula(formula, row.amounts[year] ?? '0');
    });
    const bold = (row.level ?? 1) <= 2;
    sheet.row([
      [row.key, bold ? STYLE.subtotalLabel : STYLE.text],
      [textValue(row.label), ekkNameStyle(row.level ?? 1)],
      [row.level ?? null, STYLE.count],
      [textValue(row.parentKey), STYLE.text],
      ...comparisonCells(number, 5, years, amounts, row.lastYear, {
        money: bold ? STYLE.subtotalMoney : STYLE.money,
        percent: STYLE.percent,
      }),
    ]);
  }
  const total = byEkk.total;
  sheet.row([
    [LABELS.total[language], STYLE.totalLabel],
    [null, STYLE.totalLabel],
    [null, STYLE.totalLabel],
    [null, STYLE.totalLabel],
    ...years.map((year, i) => {
      const column = columnLetter(5 + i);
      return [
        moneyFormula(`SUMIFS(${column}${firstRow}:${column}${lastRow},${own('C')},1)`, total[year] ?? '0'),
        STYLE.totalMoney,
      ] as const;
    }),
  ]);
  sheet.autoFilter(`A${firstRow - 1}`, `${columnLetter(4 + years.length + 3)}${lastRow}`);
  sheet.commit();
}

const ekkIndent = [1, 2, 3, 4].map(
  (level) => ({ alignment: { vertical: 'top', wrapText: true, indent: level - 1 } }) as Partial<ExcelJS.Style>,
);
function ekkNameStyle(level: number): Partial<ExcelJS.Style> {
  return ekkIndent[Math.min(Math.max(level, 1), 4) - 1]!;
}

function writeByGoal(book: CycleBook, summaryTotal: SummaryTotal): void {
  const { data, items, notCut } = book;
  const { language, byGoal } = data;
  const years = data.cycle.fiscalYears.map(String);
  const sheet = openSummarySheet(book, SHEET_NAMES.byGoal[language], {
    widths: [9, 55, ...years.map(() => 17), 19, 17, 12],
    note: LABELS.goalNote[language],
    headers: [LABELS.code[language], LABELS.name[language], ...comparisonHeaders(data)],
  });
  const firstRow = sheet.rowNumber;
  for (const row of byGoal.rows) {
    const number = sheet.rowNumber;
    const amounts = years.map((year) => {
      const sumWhere = (pattern: string) => `SUMIFS(${items.amount(year)},${items.goals},${pattern},${notCut})`;
      // Goals sit in one cell as "M1; M5": the goal alone, first, last or in the middle —
      // exactly one of the four matches an item that has it (never M10 for M1).
      const formula =
        row.key === ''
          ? sumWhere('""')
          : [`$A${number}`, `$A${number}&"; *"`, `"*; "&$A${number}`, `"*; "&$A${number}&"; *"`]
              .map(sumWhere)
              .join('+');
      return moneyFormula(formula, row.amounts[year] ?? '0');
    });
    sheet.row([
      [textValue(row.key), STYLE.text],
      [textValue(row.label), STYLE.wrap],
      ...comparisonCells(number, 3, years, amounts, row.lastYear, { money: STYLE.money, percent: STYLE.percent }),
    ]);
  }
  const lastRow = Math.max(firstRow, sheet.rowNumber - 1);
  sheet.row([
    [LABELS.total[language], STYLE.totalLabel],
    [null, STYLE.totalLabel],
    ...years.map(
      (year) =>
        [
          moneyFormula(
            `${sheetRef(summaryTotal.sheet)}${summaryTotal.amountColumn(year)}${summaryTotal.row}`,
            byGoal.total[year] ?? '0',
          ),
          STYLE.totalMoney,
        ] as const,
    ),
  ]);
  sheet.autoFilter(`A${firstRow - 1}`, `${columnLetter(2 + years.length + 3)}${lastRow}`);
  sheet.commit();
}

async function writeItems(book: CycleBook, columns: readonly ItemColumn[], lastItemRow: number): Promise<void> {
  const { data, items, notCut } = book;
  const { language } = data;
  const sheet = openItemSheet(
    book.workbook,
    book.heading,
    columns,
    {
      years: data.cycle.fiscalYears.map(String),
      sumOf: (year) => `SUMIFS(${items.amount(year)},${notCut})`,
      amounts: data.summary.total.amounts,
    },
    columns.map((c) => c.header),
  );

  const subProgrammes = new Map(data.subProgrammes.map((s) => [s.id, s]));
  const ekkName = (code: string) => data.ekkNames.get(code) ?? null;
  // See memory.ts: exceljs's garbage piles up otherwise.
  const collect = collectorEvery();
  let written = 0;
  for await (const page of data.items) {
    const subProgramme = subProgrammes.get(page.subProgrammeId)!;
    const context = {
      language,
      institutionCode: subProgramme.institutionCode,
      subProgrammeCode: subProgramme.code,
      ekkName,
    };
    for (const item of page.items) sheet.rowWith((row) => writeItemRow(row, columns, item, context));
    written += page.items.length;
    await sheet.drain();
    collect(written);
  }
  sheet.autoFilter(
    `A${ITEM_SHEET.headerRow}`,
    `${columnLetter(columns.length)}${Math.max(lastItemRow, sheet.rowNumber - 1)}`,
  );
  sheet.commit();
}

function writeIndicators({ workbook, data, heading }: CycleBook, summaryTotal: SummaryTotal): void {
  const { language, indicators } = data;
  const sheet = new SheetWriter(workbook, SHEET_NAMES.indicators[language], {
    headerRow: 5,
    frozenColumns: 1,
    widths: [42, 18, 10, 18, 14, 18, 45],
  });
  sheet.titleBlock(heading);
  sheet.blank();
  sheet.header(
    [
      LABELS.indicator,
      LABELS.value,
      LABELS.unit,
      LABELS.previousYear,
      LABELS.riga2015,
      LABELS.peerAverage,
      LABELS.source,
    ].map((l) => l[language]),
  );
  const firstIndicatorRow = sheet.rowNumber;
  const inputsHeaderRow = firstIndicatorRow + indicators.indicators.length + 1;
  const input = {
    municipal: `$B$${inputsHeaderRow + 1}`,
    users: `$B$${inputsHeaderRow + 2}`,
    computers: `$B$${inputsHeaderRow + 3}`,
    staff: `$B$${inputsHeaderRow + 4}`,
    ict: `$B$${inputsHeaderRow + 5}`,
  };
  const ratioFormula: Record<(typeof indicators.indicators)[number]['indicator'], string> = {
    ict_central_budget_share: `IF(OR(${input.municipal}="",${input.municipal}=0),"",ROUND(${input.ict}/${input.municipal}*100,2))`,
    ict_cost_per_user: `IF(OR(${input.users}="",${input.users}=0),"",ROUND(${input.ict}/${input.users},2))`,
    ict_cost_per_computer: `IF(OR(${input.computers}="",${input.computers}=0),"",ROUND(${input.ict}/${input.computers},2))`,
    users_per_it_staff: `IF(OR(${input.staff}="",${input.staff}=0),"",ROUND(${input.users}/${input.staff},2))`,
  };
  for (const indicator of indicators.indicators) {
    sheet.row([
      [INDICATOR_LABELS[indicator.indicator][language], STYLE.wrap],
      [formulaValue(ratioFormula[indicator.indicator], decimalNumber(indicator.value)), STYLE.decimal],
      [textValue(indicator.unit), STYLE.text],
      [decimalNumber(indicator.previousYear), STYLE.decimal],
      [decimalNumber(indicator.benchmark?.riga2015), STYLE.decimal],
      [decimalNumber(indicator.benchmark?.peerAverage), STYLE.decimal],
      [textValue(indicator.benchmark?.source), STYLE.wrap],
    ]);
  }
  sheet.blank();
  sheet.header([LABELS.inputs[language], LABELS.value[language]]);
  const inputs = indicators.inputs;
  sheet.row([
    [LABELS.municipalBudgetTotal[language], STYLE.text],
    [inputs.municipalBudgetTotal === null ? null : moneyNumber(inputs.municipalBudgetTotal), STYLE.money],
  ]);
  sheet.row([
    [LABELS.ictUsers[language], STYLE.text],
    [inputs.ictUsers, STYLE.count],
  ]);
  sheet.row([
    [LABELS.computers[language], STYLE.text],
    [inputs.computers, STYLE.count],
  ]);
  sheet.row([
    [LABELS.itStaff[language], STYLE.text],
    [inputs.itStaff, STYLE.count],
  ]);
  const firstYear = String(data.cycle.fiscalYears[0]);
  sheet.row([
    [`${LABELS.ictBudgetTotal[language]} ${firstYear}`, STYLE.text],
    [
      moneyFormula(
        `${sheetRef(summaryTotal.sheet)}${summaryTotal.amountColumn(firstYear)}${summaryTotal.row}`,
        indicators.ictBudgetTotal,
      ),
      STYLE.money,
    ],
  ]);
  sheet.autoFilter(`A5`, `G${firstIndicatorRow + indicators.indicators.length - 1}`);
  sheet.commit();
}
