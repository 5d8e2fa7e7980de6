import type ExcelJS from 'exceljs';
import type { Cycle } from '@ikt/shared/cycle.schema';
import type { Bill, ServiceConsumptionRow, ServiceDrivers } from '@ikt/shared/full-cost.schema';
import type { Language } from '@ikt/shared/messages';
import { ITEM_HEADERS, LABELS, SHEET_NAMES } from './workbook-labels';
import { SheetWriter, openWorkbook, type ExportHeading, type Exported } from './workbook-writer';
import { STYLE, columnLetter, decimalNumber, moneyFormula, moneyNumber, textValue } from './xlsx-cells';

/**
 * The full cost's two workbooks: the consumption template ITC fills in and imports
 * (consumption-import.ts reads it back), and one institution's bill of IT. Both only write what
 * the full-cost service answered; the bill's totals are live formulas with the service's figures
 * as their cached results.
 */

/** The consumption sheet's columns, in order; the import finds them by these headings. */
export const CONSUMPTION_COLUMNS = [
  'serviceCode',
  'serviceName',
  'unit',
  'institutionCode',
  'institutionName',
  'fiscalYear',
  'consumedQuantity',
] as const;
export type ConsumptionColumn = (typeof CONSUMPTION_COLUMNS)[number];
/** The columns the import reads (the others are there for the person filling it in). */
export const CONSUMPTION_INPUT_COLUMNS = ['serviceCode', 'institutionCode', 'fiscalYear', 'consumedQuantity'] as const;
/** The heading row of the consumption sheet, under the title block, the version and the note. */
export const CONSUMPTION_HEADER_ROW = 6;

export interface ConsumptionTemplateData {
  language: Language;
  cycle: Cycle;
  exported: Exported;
  /** The allocation basis version the file is based on (what its import is checked against). */
  version: number;
  /** Every service's driver (the drivers sheet). */
  drivers: ServiceDrivers['services'];
  /** The services the consumption sheet has rows for: in use, and not attributed directly. */
  takingQuantities: ServiceDrivers['services'];
  institutions: readonly { code: string; name: string }[];
  rows: readonly ServiceConsumptionRow[];
}

function consumptionHeading(data: ConsumptionTemplateData): ExportHeading {
  const { language, cycle } = data;
  return {
    language,
    title: `${LABELS.consumptionTitle[language]} — ${cycle.title}`,
    context: `${LABELS.cycle[language]}: ${cycle.year} (${cycle.fiscalYears.join(', ')})`,
    subject: `${LABELS.consumptionTitle[language]} ${cycle.year}`,
    keywords: 'IKT, ICT, patēriņš, consumption',
    exported: data.exported,
  };
}

const unitOf = (driver: { unitLv: string | null; unitEn: string | null }, language: Language) =>
  language === 'lv' ? driver.unitLv : driver.unitEn;

/**
 * One row per service that takes quantities × institution × fiscal year, with the quantity
 * recorded now (empty where none is); a second sheet lists every service's driver.
 */
export async function writeConsumptionTemplate(filename: string, data: ConsumptionTemplateData): Promise<void> {
  const { language } = data;
  const heading = consumptionHeading(data);
  const workbook = openWorkbook(filename, heading);
  const recorded = new Map(
    data.rows.map((r) => [`${r.serviceCode}\u001f${r.institutionCode}\u001f${r.fiscalYear}`, r]),
  );

  const sheet = new SheetWriter(workbook, SHEET_NAMES.consumption[language], {
    headerRow: CONSUMPTION_HEADER_ROW,
    frozenColumns: 1,
    widths: [16, 40, 22, 14, 45, 12, 14],
  });
  sheet.titleBlock(heading);
  sheet.row([
    [LABELS.basisVersion[language], STYLE.subtotalLabel],
    [data.version, STYLE.count],
  ]);
  sheet.row([[LABELS.consumptionNote[language], STYLE.note]]);
  sheet.header(
    CONSUMPTION_COLUMNS.map((column) => LABELS[column][language]),
    CONSUMPTION_COLUMNS.map((column) => !(CONSUMPTION_INPUT_COLUMNS as readonly string[]).includes(column)),
  );
  for (const driver of data.takingQuantities) {
    for (const institution of data.institutions) {
      for (const fiscalYear of data.cycle.fiscalYears) {
        const quantity = recorded.get(`${driver.serviceCode}\u001f${institution.code}\u001f${fiscalYear}`)?.quantity;
        sheet.row([
          [driver.serviceCode, STYLE.text],
          [textValue(driver.name), STYLE.text],
          [textValue(unitOf(driver, language)), STYLE.text],
          [institution.code, STYLE.text],
          [textValue(institution.name), STYLE.text],
          [fiscalYear, STYLE.text],
          [decimalNumber(quantity), STYLE.quantity],
        ]);
      }
    }
  }
  sheet.autoFilter(`A${CONSUMPTION_HEADER_ROW}`, `${columnLetter(CONSUMPTION_COLUMNS.length)}${sheet.rowNumber - 1}`);
  sheet.commit();

  const drivers = new SheetWriter(workbook, SHEET_NAMES.drivers[language], {
    headerRow: 5,
    frozenColumns: 1,
    widths: [16, 45, 28, 28, 16],
  });
  drivers.titleBlock(heading);
  drivers.blank();
  drivers.header(
    [LABELS.serviceCode, LABELS.serviceName, LABELS.unitLv, LABELS.unitEn, LABELS.direct].map((l) => l[language]),
  );
  for (const driver of data.drivers) {
    drivers.row([
      [driver.serviceCode, STYLE.text],
      [textValue(driver.name), STYLE.text],
      [textValue(driver.unitLv), STYLE.text],
      [textValue(driver.unitEn), STYLE.text],
      [driver.direct ? LABELS.yes[language] : null, STYLE.text],
    ]);
  }
  drivers.commit();
  await workbook.commit();
}

export interface BillData {
  language: Language;
  cycle: Cycle;
  exported: Exported;
  bill: Bill;
}

type Cell = readonly [ExcelJS.CellValue, Partial<ExcelJS.Style>];

/** A bill's total row: its label, and the total in column F. */
function totalRow(sheet: SheetWriter, label: string, total: ExcelJS.CellFormulaValue): number {
  return sheet.row([
    [label, STYLE.totalLabel],
    ...[1, 2, 3, 4].map((): Cell => [null, STYLE.totalLabel]),
    [total, STYLE.totalMoney],
  ]);
}

/**
 * One table of the bill: its caption, headings (the amount's last), rows whose amount is in
 * column F, and a total row: their SUM, or 0 without rows (an empty range would take in the
 * total itself). Answers the total's row.
 */
function billTable(
  sheet: SheetWriter,
  table: {
    caption: string;
    headers: readonly Record<Language, string>[];
    rows: readonly Cell[][];
    total: readonly [string, string];
    language: Language;
  },
): number {
  sheet.row([[table.caption, STYLE.subtotalLabel]]);
  sheet.header([...table.headers, LABELS.amount].map((l) => l[table.language]));
  const first = sheet.rowNumber;
  for (const row of table.rows) sheet.row(row);
  const last = sheet.rowNumber - 1;
  const [label, amount] = table.total;
  return totalRow(sheet, label, moneyFormula(last < first ? '0' : `SUM(F${first}:F${last})`, amount));
}

/**
 * The bill of IT: the services consumed (quantity, unit cost, the institution's share), their
 * total, its own items and their total, and the full cost as the sum of the two totals.
 */
export async function writeBill(filename: string, data: BillData): Promise<void> {
  const { language, cycle, bill } = data;
  const { institution } = bill;
  const heading: ExportHeading = {
    language,
    title: `${LABELS.billTitle[language]} — ${institution.name} (${institution.institutionCode})`,
    context: `${LABELS.cycle[language]}: ${cycle.title} · ${LABELS.fiscalYear[language]}: ${bill.fiscalYear}`,
    subject: `${LABELS.billTitle[language]} ${institution.institutionCode} ${bill.fiscalYear}`,
    keywords: 'IKT, ICT, pilnās izmaksas, full cost',
    exported: data.exported,
  };
  const workbook = openWorkbook(filename, heading);
  const sheet = new SheetWriter(workbook, SHEET_NAMES.bill[language], {
    headerRow: 6,
    frozenColumns: 1,
    widths: [16, 50, 22, 14, 18, 18],
  });
  sheet.titleBlock(heading);
  sheet.row([[LABELS.billNote[language], STYLE.note]]);
  const allocatedRow = billTable(sheet, {
    caption: LABELS.servicesConsumed[language],
    headers: [LABELS.serviceCode, LABELS.serviceName, LABELS.unit, LABELS.consumedQuantity, LABELS.unitCost],
    rows: bill.services.map((service) => [
      [service.serviceCode, STYLE.text],
      [textValue(service.name), STYLE.wrap],
      [textValue(unitOf(service, language)), STYLE.text],
      [decimalNumber(service.quantity), STYLE.quantity],
      [decimalNumber(service.unitCost), STYLE.decimal],
      [moneyNumber(service.amount), STYLE.money],
    ]),
    total: [LABELS.allocatedTotal[language], institution.allocated],
    language,
  });
  sheet.blank();
  const ownRow = billTable(sheet, {
    caption: LABELS.ownItems[language],
    headers: [
      ITEM_HEADERS.id,
      ITEM_HEADERS.subProgramme,
      ITEM_HEADERS.title,
      ITEM_HEADERS.ekkCode,
      ITEM_HEADERS.ictServiceCode,
    ],
    rows: bill.ownItems.map((item) => [
      [item.lineItemId, STYLE.text],
      [item.subProgrammeCode, STYLE.text],
      [textValue(item.title), STYLE.wrap],
      [item.ekkCode, STYLE.text],
      [textValue(item.ictServiceCode), STYLE.text],
      [moneyNumber(item.amount), STYLE.money],
    ]),
    total: [LABELS.ownTotal[language], institution.own],
    language,
  });
  sheet.blank();
  totalRow(sheet, LABELS.fullTotal[language], moneyFormula(`F${allocatedRow}+F${ownRow}`, institution.full));
  sheet.commit();
  await workbook.commit();
}
