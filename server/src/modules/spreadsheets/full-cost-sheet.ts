import type ExcelJS from 'exceljs';
import type { FullCost } from '@ikt/shared/full-cost.schema';
import { Decimal, sumMoney } from '@ikt/shared/money';
import { LABELS, SHEET_NAMES } from './workbook-labels';
import { SheetWriter, type ExportHeading } from './workbook-writer';
import { STYLE, columnLetter, moneyFormula, moneyNumber, textValue } from './xlsx-cells';

/**
 * The Finance Department workbook's `Pilnās izmaksas`: for each fiscal year, every institution's
 * own cost, its allocation per service, allocated = the services' SUM and full = own + allocated;
 * the unallocated rows; and the check that Σ full + Σ unallocated is the summary's grand total.
 * Every figure is the full-cost service's (cached); the formulas are for the reader.
 */

/** The summary's grand total of a year: its cell (`'Kopsavilkums'!E12`) and its figure. */
export interface GrandTotal {
  cell: (year: string) => string;
  amount: (year: string) => string;
}

type Cell = readonly [ExcelJS.CellValue, Partial<ExcelJS.Style>];

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
    for (const entry of answer.priceList)
      if (allocated.has(entry.serviceCode)) services.set(entry.serviceCode, entry.name);
    for (const code of allocated) if (!services.has(code)) services.set(code, code);
  }
  const codes = [...services.keys()];
  const own = 3;
  const firstService = 4;
  const allocatedColumn = firstService + codes.length;
  const fullColumn = allocatedColumn + 1;
  const letter = columnLetter;

  const sheet = new SheetWriter(workbook, SHEET_NAMES.fullCost[language], {
    headerRow: 0,
    frozenColumns: 2,
    widths: [14, 45, 18, ...codes.map(() => 16), 18, 18],
  });
  sheet.titleBlock(heading);
  sheet.row([[LABELS.fullCostNote[language], STYLE.note]]);
  for (const answer of years) {
    const year = String(answer.fiscalYear);
    sheet.blank();
    sheet.row([[`${LABELS.fiscalYear[language]} ${year}`, STYLE.subtotalLabel]]);
    sheet.header([
      LABELS.institutionCode[language],
      LABELS.institutionName[language],
      LABELS.ownTotal[language],
      ...codes.map((code) => `${code} — ${services.get(code)}`),
      LABELS.allocatedTotal[language],
      LABELS.fullTotal[language],
    ]);
    const first = sheet.rowNumber;
    for (const institution of answer.institutions) {
      const row = sheet.rowNumber;
      const amounts = new Map(institution.byService.map((s) => [s.serviceCode, s.amount]));
      const allocated =
        codes.length === 0 ? '0' : `SUM(${letter(firstService)}${row}:${letter(allocatedColumn - 1)}${row})`;
      sheet.row([
        [institution.institutionCode, STYLE.text],
        [textValue(institution.name), STYLE.wrap],
        [moneyNumber(institution.own), STYLE.money],
        ...codes.map((code): Cell => [amounts.has(code) ? moneyNumber(amounts.get(code)!) : null, STYLE.money]),
        [moneyFormula(allocated, institution.allocated), STYLE.money],
        [moneyFormula(`${letter(own)}${row}+${letter(allocatedColumn)}${row}`, institution.full), STYLE.money],
      ]);
    }
    const last = sheet.rowNumber - 1;
    const sum = (column: number, cached: string): Cell => [
      moneyFormula(last < first ? '0' : `SUM(${letter(column)}${first}:${letter(column)}${last})`, cached),
      STYLE.totalMoney,
    ];
    // A column's cached total: the exact sum of the figures it adds up.
    const total = (pick: (i: FullCost['institutions'][number]) => string) =>
      sumMoney(answer.institutions.map(pick)).toFixed(2);
    const byService = (code: string) => total((i) => i.byService.find((s) => s.serviceCode === code)?.amount ?? '0');
    const totalRow = sheet.row([
      [LABELS.total[language], STYLE.totalLabel],
      [null, STYLE.totalLabel],
      sum(
        own,
        total((i) => i.own),
      ),
      ...codes.map((code, index) => sum(firstService + index, byService(code))),
      sum(
        allocatedColumn,
        total((i) => i.allocated),
      ),
      sum(
        fullColumn,
        total((i) => i.full),
      ),
    ]);

    sheet.blank();
    sheet.header([LABELS.serviceCode[language], LABELS.unallocated[language], LABELS.amount[language]]);
    const firstUnallocated = sheet.rowNumber;
    for (const entry of answer.unallocated) {
      sheet.row([
        [entry.serviceCode, STYLE.text],
        [textValue(entry.name), STYLE.wrap],
        [moneyNumber(entry.amount), STYLE.money],
      ]);
    }
    const lastUnallocated = sheet.rowNumber - 1;
    const unallocatedTotal = sumMoney(answer.unallocated.map((u) => u.amount)).toFixed(2);
    const unallocatedRow = sheet.row([
      [LABELS.total[language], STYLE.totalLabel],
      [null, STYLE.totalLabel],
      [
        moneyFormula(
          lastUnallocated < firstUnallocated ? '0' : `SUM(C${firstUnallocated}:C${lastUnallocated})`,
          unallocatedTotal,
        ),
        STYLE.totalMoney,
      ],
    ]);

    sheet.blank();
    const checked = sheet.row([
      [LABELS.fullPlusUnallocated[language], STYLE.subtotalLabel],
      [null, STYLE.plain],
      [moneyFormula(`${letter(fullColumn)}${totalRow}+C${unallocatedRow}`, answer.total ?? '0'), STYLE.subtotalMoney],
    ]);
    const consolidated = sheet.row([
      [LABELS.consolidatedTotal[language], STYLE.text],
      [null, STYLE.plain],
      [moneyFormula(grandTotal.cell(year), grandTotal.amount(year)), STYLE.money],
    ]);
    sheet.row([
      [LABELS.difference[language], STYLE.text],
      [null, STYLE.plain],
      [
        moneyFormula(`C${checked}-C${consolidated}`, new Decimal(answer.total ?? '0').minus(grandTotal.amount(year))),
        STYLE.money,
      ],
    ]);
  }
  sheet.commit();
}
