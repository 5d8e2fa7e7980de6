import type ExcelJS from 'exceljs';
import { Decimal } from '@ikt/shared/money';

/**
 * How values become cells. This file is the one place where money becomes a JavaScript number
 * (money is NUMERIC and a decimal string everywhere else): exact up to here, and a cell holds a
 * double anyway.
 * Styles are shared objects: exceljs caches a style's id by object identity, which keeps
 * writing 100,000 rows cheap.
 */

/** Euro with thousands grouping and cents; Excel shows the separators of the reader's locale. */
export const MONEY_FORMAT = '#,##0.00 "€";-#,##0.00 "€"';
export const PERCENT_FORMAT = '0.0%';
export const COUNT_FORMAT = '#,##0';
export const DECIMAL_FORMAT = '#,##0.00';

const thin = { style: 'thin' as const, color: { argb: 'FFB7B7B7' } };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const readOnlyFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const totalFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** A total row: bold on grey, a line above. */
const totalRow = { font: { bold: true }, fill: totalFill, border: { top: thin } };

export const STYLE = {
  plain: {} as Partial<ExcelJS.Style>,
  title: { font: { bold: true, size: 14 } } as Partial<ExcelJS.Style>,
  meta: { font: { color: { argb: 'FF595959' } } } as Partial<ExcelJS.Style>,
  note: { font: { italic: true, color: { argb: 'FF595959' } } } as Partial<ExcelJS.Style>,
  header: {
    font: { bold: true },
    fill: headerFill,
    alignment: { vertical: 'middle', wrapText: true },
    border: { bottom: thin },
  } as Partial<ExcelJS.Style>,
  headerReadOnly: {
    font: { bold: true, color: { argb: 'FF7F7F7F' } },
    fill: readOnlyFill,
    alignment: { vertical: 'middle', wrapText: true },
    border: { bottom: thin },
  } as Partial<ExcelJS.Style>,
  text: { alignment: { vertical: 'top' } } as Partial<ExcelJS.Style>,
  wrap: { alignment: { vertical: 'top', wrapText: true } } as Partial<ExcelJS.Style>,
  money: { numFmt: MONEY_FORMAT, alignment: { vertical: 'top' } } as Partial<ExcelJS.Style>,
  count: { numFmt: COUNT_FORMAT, alignment: { vertical: 'top' } } as Partial<ExcelJS.Style>,
  decimal: { numFmt: DECIMAL_FORMAT, alignment: { vertical: 'top' } } as Partial<ExcelJS.Style>,
  quantity: { numFmt: '#,##0.###', alignment: { vertical: 'top' } } as Partial<ExcelJS.Style>,
  percent: { numFmt: PERCENT_FORMAT, alignment: { vertical: 'top' } } as Partial<ExcelJS.Style>,
  totalLabel: totalRow as Partial<ExcelJS.Style>,
  totalMoney: { numFmt: MONEY_FORMAT, ...totalRow } as Partial<ExcelJS.Style>,
  totalPercent: { numFmt: PERCENT_FORMAT, ...totalRow } as Partial<ExcelJS.Style>,
  subtotalLabel: { font: { bold: true } } as Partial<ExcelJS.Style>,
  subtotalMoney: { numFmt: MONEY_FORMAT, font: { bold: true } } as Partial<ExcelJS.Style>,
} as const;

/** The money value as the number a cell holds — the only conversion of money to a number. */
export function moneyNumber(value: string | Decimal): number {
  return new Decimal(value).toNumber();
}

/**
 * A decimal that is not money (a quantity, an indicator's value) as the number a cell holds; none
 * leaves the cell empty. Exact within a double's 15 significant digits, which these never exceed.
 */
export function decimalNumber(value: string | null | undefined): number | null {
  return value === null || value === undefined ? null : new Decimal(value).toNumber();
}

/** A ratio (not money) as a number for a percentage cell; null when there is no base. */
export function ratioNumber(part: string | Decimal, base: string | Decimal): number | null {
  const divisor = new Decimal(base);
  return divisor.isZero() ? null : new Decimal(part).div(divisor).toNumber();
}

/**
 * Text for a cell: always a string cell (inline string), never a formula, whatever it begins
 * with (`=`, `+`, `-`, `@`, tab, CR) — exceljs only makes a formula of a `{ formula }` value.
 * Empty text is no cell at all, so SUMIFS criteria for "empty" match it.
 */
export function textValue(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : value;
}

/** A live formula with its result written too, so readers that trust cached values agree. */
export function formulaValue(formula: string, result: number | string | null): ExcelJS.CellFormulaValue {
  return { formula, result: result ?? '' };
}

export function moneyFormula(formula: string, result: string | Decimal): ExcelJS.CellFormulaValue {
  return formulaValue(formula, moneyNumber(result));
}

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  let n = index;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The column number of A1-style letters: A → 1, AA → 27 (case ignored). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/** `'Pēc EKK'!` — a sheet reference, quoted (names with spaces or non-ASCII letters need it). */
export function sheetRef(name: string): string {
  return `'${name.replaceAll("'", "''")}'!`;
}

/** A string as a formula literal: `"M1"`. */
export function formulaString(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** Sets a row's cells from (value, style) pairs starting at column 1; nulls leave a cell out. */
export function fillRow(
  row: ExcelJS.Row,
  cells: readonly (readonly [ExcelJS.CellValue, Partial<ExcelJS.Style>])[],
  firstColumn = 1,
): void {
  cells.forEach(([value, style], offset) => {
    if (value === null || value === undefined) return;
    const cell = row.getCell(firstColumn + offset);
    cell.value = value;
    cell.style = style;
  });
}

/** A4 landscape, fitted to the page width, the header rows repeated on every page. */
export function printSetup(headerRow: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(headerRow > 0 ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}
