import type ExcelJS from 'exceljs';
import type { CostNature, Priority, ReviewStatus } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, PRIORITY_LABELS, REVIEW_STATUS_LABELS } from '@ikt/shared/labels';
import type { Language } from '@ikt/shared/messages';
import { ITEM_HEADERS, LABELS, SHEET_NAMES, amountHeader } from './workbook-labels';
import type { ItemRecord } from './spreadsheets.repository';
import { SheetWriter, type ExportHeading } from './workbook-writer';
import { STYLE, columnLetter, decimalNumber, moneyFormula, moneyNumber, textValue } from './xlsx-cells';

/**
 * The item sheet, shared by the consolidated workbook (`cycle`: with institution and
 * sub-programme columns) and the sub-programme workbook that doubles as the import template
 * (`subProgramme`). The import reads the same columns back by their headings.
 */
export type ItemSheetScope = 'cycle' | 'subProgramme';

/** The fields a column holds; `amount:<year>` for a fiscal year's amount. */
export type ItemField = keyof typeof ITEM_HEADERS | `amount:${string}`;

export interface ItemColumn {
  field: ItemField;
  header: string;
  width: number;
  style: Partial<ExcelJS.Style>;
  /** Shown for information; the import ignores it. */
  readOnly: boolean;
}

/** Where the sheet's parts sit: a title block, the totals row, then the heading and the items. */
export const ITEM_SHEET = { totalsRow: 4, headerRow: 5, firstDataRow: 6 } as const;

/**
 * Starts the item sheet of a workbook: the title block, the totals row — each fiscal year's
 * `sumOf` formula (cut items left out) with `amounts` as its cached result — and the heading.
 */
export function openItemSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  heading: ExportHeading,
  columns: readonly ItemColumn[],
  totals: { years: readonly string[]; sumOf: (year: string) => string; amounts: Readonly<Record<string, string>> },
  headers: readonly string[],
): SheetWriter {
  const { language } = heading;
  const titleColumn = columns.findIndex((c) => c.field === 'title') + 1;
  const sheet = new SheetWriter(workbook, SHEET_NAMES.items[language], {
    headerRow: ITEM_SHEET.headerRow,
    frozenColumns: titleColumn,
    widths: columns.map((c) => c.width),
  });
  sheet.titleBlock(heading);
  sheet.rowWith((row) => {
    row.getCell(titleColumn).value = `${LABELS.total[language]} (${LABELS.totalsNote[language]})`;
    row.getCell(titleColumn).style = STYLE.totalLabel;
    for (const year of totals.years) {
      const cell = row.getCell(letterOf(columns, `amount:${year}`));
      cell.value = moneyFormula(totals.sumOf(year), totals.amounts[year] ?? '0');
      cell.style = STYLE.totalMoney;
    }
  });
  sheet.header(
    headers,
    columns.map((c) => c.readOnly),
  );
  return sheet;
}

/** An item row as the sheet shows it, with the names the writer looks up. */
export interface ItemRowContext {
  language: Language;
  institutionCode: string;
  subProgrammeCode: string;
  ekkName: (code: string) => string | null;
}

export function itemColumns(scope: ItemSheetScope, fiscalYears: readonly number[], language: Language): ItemColumn[] {
  const column = (
    field: ItemField,
    width: number,
    style: Partial<ExcelJS.Style>,
    readOnly = false,
    header?: string,
  ): ItemColumn => ({
    field,
    header: header ?? ITEM_HEADERS[field as keyof typeof ITEM_HEADERS][language],
    width,
    style,
    readOnly,
  });
  return [
    column('id', 8, STYLE.text),
    column('version', 8, STYLE.text),
    ...(scope === 'cycle'
      ? [column('institution', 11, STYLE.text, true), column('subProgramme', 15, STYLE.text, true)]
      : []),
    column('title', 40, STYLE.wrap),
    column('description', 45, STYLE.wrap),
    column('ekkCode', 9, STYLE.text),
    column('ekkName', 30, STYLE.wrap, true),
    column('costNature', 15, STYLE.text),
    column('ictServiceCode', 12, STYLE.text),
    column('informationSystemCode', 15, STYLE.text),
    column('goalCodes', 12, STYLE.text),
    column('actionDirectionCode', 10, STYLE.text),
    column('priority', 11, STYLE.text),
    column('rank', 7, STYLE.count),
    column('quantity', 10, STYLE.quantity),
    column('unit', 10, STYLE.text),
    column('unitPrice', 14, STYLE.money),
    ...fiscalYears.map((year) => column(`amount:${year}`, 16, STYLE.money, false, amountHeader(year))),
    column('businessNeed', 45, STYLE.wrap),
    column('legalBasis', 35, STYLE.wrap),
    column('impactIfCut', 45, STYLE.wrap),
    column('calculationBasis', 40, STYLE.wrap),
    column('reviewStatus', 14, STYLE.text, true),
  ];
}

/** The letter of the column holding a field. */
export function letterOf(columns: readonly ItemColumn[], field: ItemField): string {
  const index = columns.findIndex((c) => c.field === field);
  if (index < 0) throw new Error(`no column for ${field}`);
  return columnLetter(index + 1);
}

/** Goals as one cell: `M1; M5`. The import splits on semicolons, commas or spaces. */
export function goalsText(codes: readonly string[]): string {
  return codes.join('; ');
}

export function costNatureLabel(value: CostNature, language: Language): string {
  return COST_NATURE_LABELS[value][language];
}
export function priorityLabel(value: Priority, language: Language): string {
  return PRIORITY_LABELS[value][language];
}
export function reviewStatusLabel(value: ReviewStatus, language: Language): string {
  return REVIEW_STATUS_LABELS[value][language];
}

function cellOf(field: ItemField, item: ItemRecord, context: ItemRowContext): ExcelJS.CellValue {
  if (field.startsWith('amount:')) {
    const amount = item.amounts[field.slice('amount:'.length)];
    return moneyNumber(amount ?? '0');
  }
  switch (field as keyof typeof ITEM_HEADERS) {
    case 'id':
      return item.id;
    case 'version':
      return item.version;
    case 'institution':
      return context.institutionCode;
    case 'subProgramme':
      return context.subProgrammeCode;
    case 'title':
      return textValue(item.title);
    case 'description':
      return textValue(item.description);
    case 'ekkCode':
      return item.ekk_code;
    case 'ekkName':
      return textValue(context.ekkName(item.ekk_code));
    case 'costNature':
      return costNatureLabel(item.cost_nature, context.language);
    case 'ictServiceCode':
      return textValue(item.ict_service_code);
    case 'informationSystemCode':
      return textValue(item.information_system_code);
    case 'goalCodes':
      return textValue(goalsText(item.goal_codes));
    case 'actionDirectionCode':
      return textValue(item.action_direction_code);
    case 'priority':
      return priorityLabel(item.priority, context.language);
    case 'rank':
      return item.rank;
    case 'quantity':
      // A count, not money: NUMERIC(14,3) text.
      return decimalNumber(item.quantity);
    case 'unit':
      return textValue(item.unit);
    case 'unitPrice':
      return item.unit_price === null ? null : moneyNumber(item.unit_price);
    case 'businessNeed':
      return textValue(item.business_need);
    case 'legalBasis':
      return textValue(item.legal_basis);
    case 'impactIfCut':
      return textValue(item.impact_if_cut);
    case 'calculationBasis':
      return textValue(item.calculation_basis);
    case 'reviewStatus':
      return reviewStatusLabel(item.review_status, context.language);
  }
}

export function writeItemRow(
  row: ExcelJS.Row,
  columns: readonly ItemColumn[],
  item: ItemRecord,
  context: ItemRowContext,
): void {
  columns.forEach((column, index) => {
    const value = cellOf(column.field, item, context);
    if (value === null || value === undefined) return;
    const cell = row.getCell(index + 1);
    cell.value = value;
    cell.style = column.style;
  });
}
