import { serviceConsumptionRowSchema, type ServiceConsumptionRow } from '@ikt/shared/full-cost.schema';
import { LANGUAGES, localizeIssue, type Language } from '@ikt/shared/messages';
import type { ImportProblem } from '@ikt/shared/spreadsheet.schema';
import { localize, type FieldProblem } from '../../errors';
import { message, translate } from '../../messages/message';
import { CONSUMPTION_INPUT_COLUMNS, type ConsumptionColumn } from './full-cost-workbooks';
import { cellAmount, cellText, normalizeHeading, problem, scalarOf, textOf, wholeNumber } from './import-rows';
import { LABELS, SHEET_NAMES } from './workbook-labels';
import type { RawSheet } from './workbook-reader';
import { columnLetter } from './xlsx-cells';

/**
 * From the consumption sheet (full-cost-workbooks.ts writes it) to the very rows
 * `PUT /service-consumption` takes, each validated with its schema; every problem located by
 * sheet, row and column. Pure: the full-cost service checks the rows against the catalogue.
 */

type InputColumn = (typeof CONSUMPTION_INPUT_COLUMNS)[number];
type Field = keyof ServiceConsumptionRow;
/** Where a column of the sheet is, and its heading as written. */
interface SheetColumn {
  index: number;
  letter: string;
  heading: string;
}
const FIELD_OF: Record<InputColumn, Field> = {
  serviceCode: 'serviceCode',
  institutionCode: 'institutionCode',
  fiscalYear: 'fiscalYear',
  consumedQuantity: 'quantity',
};

/** Each heading the import reads, in either language. */
const HEADINGS = new Map<string, InputColumn>(
  CONSUMPTION_INPUT_COLUMNS.flatMap((column) =>
    LANGUAGES.map((language) => [normalizeHeading(LABELS[column as ConsumptionColumn][language]), column] as const),
  ),
);
const VERSION_LABELS = new Set(LANGUAGES.map((language) => normalizeHeading(LABELS.basisVersion[language])));

export interface ConsumptionSheetRow {
  /** The sheet's row number. */
  row: number;
  /** The row for the service; a field the sheet refused holds a stand-in (its problem is the sheet's). */
  input: ServiceConsumptionRow;
  /** The fields the sheet refused: the service's words on them would only repeat it. */
  refused: Set<Field>;
}

export interface ConsumptionSheet {
  sheet: string;
  columns: Map<Field, SheetColumn>;
  /** The basis version the file says it was exported at; null when it does not say. */
  version: number | null;
  rows: ConsumptionSheetRow[];
  problems: ImportProblem[];
}

/**
 * Finds the consumption sheet (by name, or by its headings) and reads every row with a quantity;
 * a row whose quantity is empty records none and is left out.
 */
export function readConsumptionSheet(
  sheets: readonly RawSheet[],
  language: Language,
): ConsumptionSheet | { problems: ImportProblem[] } {
  const names = LANGUAGES.map((l) => SHEET_NAMES.consumption[l]);
  const ordered = [...sheets].sort((a, b) => Number(!names.includes(a.name)) - Number(!names.includes(b.name)));
  for (const sheet of ordered) {
    const header = sheet.rows.slice(0, 30).find((row) => {
      const found = new Set([...row.cells.values()].map((v) => HEADINGS.get(normalizeHeading(textOf(v)))));
      return CONSUMPTION_INPUT_COLUMNS.every((column) => found.has(column));
    });
    if (!header) continue;
    const columns = new Map<Field, SheetColumn>();
    for (const [index, value] of [...header.cells.entries()].sort((a, b) => a[0] - b[0])) {
      const column = HEADINGS.get(normalizeHeading(textOf(value)));
      if (!column || columns.has(FIELD_OF[column])) continue;
      const field = FIELD_OF[column];
      columns.set(field, { index, letter: columnLetter(index), heading: textOf(value).trim() });
    }
    const problems: ImportProblem[] = [];
    const version = versionOf(sheet, header.number, language, problems);
    const rows = sheet.rows
      .filter((row) => row.number > header.number)
      .map((row) => parseConsumptionRow(sheet.name, row, columns, language, problems))
      .filter((row): row is ConsumptionSheetRow => row !== null);
    return { sheet: sheet.name, columns, version, rows, problems };
  }
  return {
    problems: [
      problem(
        'layout',
        SHEET_NAMES.consumption[language],
        null,
        null,
        translate(message('import.noConsumptionSheet'), language),
      ),
    ],
  };
}

/** The version cell beside its label above the headings, if the sheet has one. */
function versionOf(sheet: RawSheet, headerRow: number, language: Language, problems: ImportProblem[]): number | null {
  for (const row of sheet.rows.filter((r) => r.number < headerRow)) {
    const label = [...row.cells.entries()].find(([, value]) => VERSION_LABELS.has(normalizeHeading(textOf(value))));
    if (!label) continue;
    const index = label[0] + 1;
    const version = wholeNumber(scalarOf(row.cells.get(index) ?? null));
    if (typeof version === 'number') return version;
    const column = { index, letter: columnLetter(index), heading: textOf(label[1]) };
    problems.push(
      problem('invalid', sheet.name, row.number, column, translate(message('import.basisVersion'), language)),
    );
    return null;
  }
  return null;
}

function parseConsumptionRow(
  sheet: string,
  raw: RawSheet['rows'][number],
  columns: Map<Field, SheetColumn>,
  language: Language,
  problems: ImportProblem[],
): ConsumptionSheetRow | null {
  const scalar = (field: Field) => scalarOf(raw.cells.get(columns.get(field)!.index) ?? null);
  const quantity = scalar('quantity');
  if (quantity.kind === 'empty') return null;
  const refused = new Set<Field>();
  const at = (field: Field, text: string) => {
    refused.add(field);
    problems.push(problem('invalid', sheet, raw.number, columns.get(field)!, text));
  };
  const year = scalar('fiscalYear');
  const values: Record<Field, unknown> = {
    serviceCode: cellText(scalar('serviceCode'))?.trim() ?? '',
    institutionCode: cellText(scalar('institutionCode'))?.trim() ?? '',
    fiscalYear:
      year.kind === 'number'
        ? year.value.toNumber()
        : /^\s*\d{4}\s*$/.test(cellText(year) ?? '')
          ? Number(cellText(year))
          : cellText(year),
    quantity: cellAmount(quantity),
  };
  for (const field of Object.keys(values) as Field[]) {
    const cell = scalar(field);
    if (cell.kind === 'error') at(field, translate(cell.message, language));
  }
  const parsed = serviceConsumptionRowSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as Field;
      if (refused.has(field)) continue;
      at(
        field,
        localizeIssue(
          { code: issue.code, message: issue.message, params: issue as unknown as Record<string, unknown> },
          language,
        ),
      );
    }
  }
  // Stand-ins where the sheet refused a field, so the service still checks the row's other fields.
  const standIn = (field: Field, fallback: string | number) =>
    refused.has(field) || typeof values[field] !== typeof fallback ? fallback : values[field];
  return {
    row: raw.number,
    input: {
      serviceCode: String(standIn('serviceCode', '')),
      institutionCode: String(standIn('institutionCode', '')),
      fiscalYear: Number(standIn('fiscalYear', 0)),
      quantity: String(refused.has('quantity') ? '0' : values.quantity),
    },
    refused,
  };
}

/**
 * The full-cost service's problems with the rows (`body.<index>.<field>`) as the sheet's: row and
 * column; none on a cell the sheet has refused already.
 */
export function serviceProblems(
  found: readonly FieldProblem[],
  read: ConsumptionSheet,
  language: Language,
): ImportProblem[] {
  return found.flatMap((fieldProblem) => {
    const [, index, field] = fieldProblem.path.split('.') as [string, string, Field];
    const row = read.rows[Number(index)];
    if (!row || row.refused.has(field)) return [];
    const column = read.columns.get(field) ?? null;
    return [problem('invalid', read.sheet, row.row, column, localize(fieldProblem.message, language))];
  });
}
