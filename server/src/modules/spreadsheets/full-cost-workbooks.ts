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
  const recorded = new Map(data.rows.map((r) => [`${r.serviceCode}\u001f${r.institutionCode}\u001f${r.fiscalYear}`, r]));

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
  drivers.header([LABELS.serviceCode, LABELS.serviceName, LABELS.unitLv, LABELS.unitEn, LABELS.direct].map((l) => l[language]));
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

/** SUM of a column's rows, or 0 when there are none (a range of no rows would take in its own total). */
function columnSum(letter: string, first: number, last: number): string {
  return last < first ? '0' : `SUM(${letter}${first}:${letter}${last})`;
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
  sheet.row([[LABELS.servicesConsumed[language], STYLE.subtotalLabel]]);
  sheet.header(
    [LABELS.serviceCode, LABELS.serviceName, LABELS.unit, LABELS.consumedQuantity, LABELS.unitCost, LABELS.amount].map(
      (l) => l[language],
    ),
  );
  const firstService = sheet.rowNumber;
  for (const service of bill.services) {
    sheet.row([
      [service.serviceCode, STYLE.text],
      [textValue(service.name), STYLE.wrap],
      [textValue(unitOf(service, language)), STYLE.text],
      [decimalNumber(service.quantity), STYLE.quantity],
      [decimalNumber(service.unitCost), STYLE.decimal],
      [moneyNumber(service.amount), STYLE.money],
    ]);
  }
  const allocatedRow = sheet.row([
    [LABELS.allocatedTotal[language], STYLE.totalLabel],
    ...[1, 2, 3, 4].map(() => [null, STYLE.totalLabel] as const),
    [moneyFormula(columnSum('F', firstService, sheet.rowNumber - 1), institution.allocated), STYLE.totalMoney],
  ]);

  sheet.blank();
  sheet.row([[LABELS.ownItems[language], STYLE.subtotalLabel]]);
  sheet.header(
    [
      ITEM_HEADERS.id,
      ITEM_HEADERS.subProgramme,
      ITEM_HEADERS.title,
      ITEM_HEADERS.ekkCode,
      ITEM_HEADERS.ictServiceCode,
      LABELS.amount,
    ].map((l) => l[language]),
  );
  const firstItem = sheet.rowNumber;
  for (const item of bill.ownItems) {
    sheet.row([
      [item.lineItemId, STYLE.text],
      [item.subProgrammeCode, STYLE.text],
      [textValue(item.title), STYLE.wrap],
      [item.ekkCode, STYLE.text],
      [textValue(item.ictServiceCode), STYLE.text],
      [moneyNumber(item.amount), STYLE.money],
    ]);
  }
  const ownRow = sheet.row([
    [LABELS.ownTotal[language], STYLE.totalLabel],
    ...[1, 2, 3, 4].map(() => [null, STYLE.totalLabel] as const),
    [moneyFormula(columnSum('F', firstItem, sheet.rowNumber - 1), institution.own), STYLE.totalMoney],
  ]);

  sheet.blank();
  sheet.row([
    [LABELS.fullTotal[language], STYLE.totalLabel],
    ...[1, 2, 3, 4].map(() => [null, STYLE.totalLabel] as const),
    [moneyFormula(`F${allocatedRow}+F${ownRow}`, institution.full), STYLE.totalMoney],
  ]);
  sheet.commit();
  await workbook.commit();
}
