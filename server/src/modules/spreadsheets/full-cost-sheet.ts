import type ExcelJS from 'exceljs';
import type { FullCost } from '@ikt/shared/full-cost.schema';
import { Decimal, sumMoney } from '@ikt/shared/money';
import { LABELS, SHEET_NAMES } from './workbook-labels';
import { SheetWriter, type ExportHeading } from './workbook-writer';
import { STYLE, columnLetter, moneyFormula, moneyNumber, textValue } from './xlsx-cells';

/**
 * The Finance Department workbook's `Pilnās izmaksas`: one row per fiscal year and institution —
 * own cost, its allocation per service, allocated = the services' SUM and full = own + allocated —
 * then each year's totals (SUMIFS by the year column), the unallocated rows, and the check that
 * Σ full + Σ unallocated is the summary's grand total. Every figure is the full-cost service's
 * (the cached results of the totals are the exact sums of the figures they add up); the formulas
 * are for the reader.
 */

/** The summary's grand total of a year: its cell (`'Kopsavilkums'!E12`) and its figure. */
export interface GrandTotal {
  cell: (year: string) => string;
  amount: (year: string) => string;
}

type Cell = readonly [ExcelJS.CellValue, Partial<ExcelJS.Style>];
type Institution = FullCost['institutions'][number];

const HEADER_ROW = 5;
/** The money columns start at D: year, institution code and name before them. */
const OWN_COLUMN = 4;

export function writeFullCostSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  heading: ExportHeading,
  years: readonly FullCost[],
  grandTotal: GrandTotal,
): void {
  const { language } = heading;
  // The services any institution is allocated in any year: one column each, in price-list order.
  const services = new Map<string, string>();
  for (const answer of years) {
    const allocated = new Set(answer.institutions.flatMap((i) => i.byService.map((s) => s.serviceCode)));
    for (const entry of answer.priceList) {
      if (allocated.has(entry.serviceCode)) services.set(entry.serviceCode, entry.name);
    }
    for (const code of allocated) if (!services.has(code)) services.set(code, code);
  }
  const codes = [...services.keys()];
  const firstService = OWN_COLUMN + 1;
  const allocatedColumn = firstService + codes.length;
  const fullColumn = allocatedColumn + 1;
  const letter = columnLetter;
  /** The money columns, each with how an institution's figure in it is read. */
  const figures: { column: number; of: (i: Institution) => string }[] = [
    { column: OWN_COLUMN, of: (i) => i.own },
    ...codes.map((code, index) => ({
      column: firstService + index,
      of: (i: Institution) => i.byService.find((s) => s.serviceCode === code)?.amount ?? '0',
    })),
    { column: allocatedColumn, of: (i) => i.allocated },
    { column: fullColumn, of: (i) => i.full },
  ];

  const sheet = new SheetWriter(workbook, SHEET_NAMES.fullCost[language], {
    headerRow: HEADER_ROW,
    frozenColumns: 3,
    widths: [12, 14, 45, ...codes.map(() => 16), 18, 18, 18],
  });
  sheet.titleBlock(heading);
  sheet.row([[LABELS.fullCostNote[language], STYLE.note]]);
  sheet.header([
    LABELS.fiscalYear[language],
    LABELS.institutionCode[language],
    LABELS.institutionName[language],
    LABELS.ownTotal[language],
    ...codes.map((code) => `${code} — ${services.get(code)}`),
    LABELS.allocatedTotal[language],
    LABELS.fullTotal[language],
  ]);
  const first = sheet.rowNumber;
  for (const answer of years) {
    for (const institution of answer.institutions) {
      const row = sheet.rowNumber;
      const amounts = new Map(institution.byService.map((s) => [s.serviceCode, s.amount]));
      const allocated =
        codes.length === 0 ? '0' : `SUM(${letter(firstService)}${row}:${letter(allocatedColumn - 1)}${row})`;
      sheet.row([
        [answer.fiscalYear, STYLE.text],
        [institution.institutionCode, STYLE.text],
        [textValue(institution.name), STYLE.wrap],
        [moneyNumber(institution.own), STYLE.money],
        ...codes.map((code): Cell => [amounts.has(code) ? moneyNumber(amounts.get(code)!) : null, STYLE.money]),
        [moneyFormula(allocated, institution.allocated), STYLE.money],
        [moneyFormula(`${letter(OWN_COLUMN)}${row}+${letter(allocatedColumn)}${row}`, institution.full), STYLE.money],
      ]);
    }
  }
  const last = Math.max(first, sheet.rowNumber - 1);
  sheet.autoFilter(`A${HEADER_ROW}`, `${letter(fullColumn)}${last}`);
  /** A year's SUMIFS of a column of `from`–`to`, by the year in column A. */
  const ofYear = (column: number, year: number, from: number, to: number) =>
    `SUMIFS(${letter(column)}$${from}:${letter(column)}$${to},$A$${from}:$A$${to},${year})`;

  // Each year's totals.
  sheet.blank();
  const totalRows = new Map<number, number>();
  for (const answer of years) {
    const year = answer.fiscalYear;
    totalRows.set(
      year,
      sheet.row([
        [year, STYLE.totalLabel],
        [LABELS.total[language], STYLE.totalLabel],
        [null, STYLE.totalLabel],
        ...figures.map(({ column, of }): Cell => [
          moneyFormula(ofYear(column, year, first, last), sumMoney(answer.institutions.map(of))),
          STYLE.totalMoney,
        ]),
      ]),
    );
  }

  // The central cost no consumption carries, year by year.
  sheet.blank();
  sheet.header([LABELS.fiscalYear, LABELS.serviceCode, LABELS.unallocated, LABELS.amount].map((l) => l[language]));
  const firstUnallocated = sheet.rowNumber;
  for (const answer of years) {
    for (const entry of answer.unallocated) {
      sheet.row([
        [answer.fiscalYear, STYLE.text],
        [entry.serviceCode, STYLE.text],
        [textValue(entry.name), STYLE.wrap],
        [moneyNumber(entry.amount), STYLE.money],
      ]);
    }
  }
  const lastUnallocated = Math.max(firstUnallocated, sheet.rowNumber - 1);

  // The check: Σ full + Σ unallocated against the summary's grand total.
  sheet.blank();
  sheet.header(
    [LABELS.fiscalYear, LABELS.fullPlusUnallocated, LABELS.consolidatedTotal, LABELS.difference].map(
      (l) => l[language],
    ),
  );
  for (const answer of years) {
    const year = String(answer.fiscalYear);
    const row = sheet.rowNumber;
    const accounted = `${letter(fullColumn)}${totalRows.get(answer.fiscalYear)}+${ofYear(OWN_COLUMN, answer.fiscalYear, firstUnallocated, lastUnallocated)}`;
    sheet.row([
      [answer.fiscalYear, STYLE.text],
      [moneyFormula(accounted, answer.total ?? '0'), STYLE.money],
      [moneyFormula(grandTotal.cell(year), grandTotal.amount(year)), STYLE.money],
      [moneyFormula(`B${row}-C${row}`, new Decimal(answer.total ?? '0').minus(grandTotal.amount(year))), STYLE.money],
    ]);
  }
  sheet.commit();
}
