import type { z } from 'zod';
import { COST_NATURES, PRIORITIES } from '@ikt/shared/domain';
import {
  createLineItemInputSchema,
  updateLineItemInputSchema,
  type CreateLineItemInput,
  type UpdateLineItemInput,
  LINE_ITEM_FIELDS,
  type LineItemField,
} from '@ikt/shared/line-item.schema';
import { COST_NATURE_LABELS, PRIORITY_LABELS } from '@ikt/shared/labels';
import { LANGUAGES, localizeIssue, type Language } from '@ikt/shared/messages';
import { Decimal } from '@ikt/shared/money';
import type { ImportProblem, ImportProblemKind } from '@ikt/shared/spreadsheet.schema';
import { columnLetter } from './xlsx-cells';
import { ITEM_HEADERS, SHEET_NAMES } from './workbook-labels';
import { message, translate, type Message } from '../../messages/message';
import { LONGEST_TEXT_FIELD, type RawCell, type RawSheet } from './workbook-reader';

/**
 * From sheet rows to the very inputs the line item API takes: every row is validated with the
 * shared schemas (createLineItemInputSchema / updateLineItemInputSchema), and every problem is
 * located by sheet, row and column in the user's language. Pure: no database here.
 */

export const EDITABLE_FIELDS = LINE_ITEM_FIELDS;
export type EditableField = LineItemField;
type ImportField = 'id' | 'version' | EditableField | `amount:${string}`;

/** Without these a new item cannot be made, so the sheet must have them. */
const REQUIRED_COLUMNS: readonly ImportField[] = ['id', 'version', 'title', 'ekkCode', 'costNature', 'priority'];

export interface SheetColumn {
  index: number;
  letter: string;
  heading: string;
  field: ImportField;
}

export interface ItemSheetLayout {
  sheet: string;
  headerRow: number;
  columns: SheetColumn[];
  /** The fiscal years that have a column. */
  years: string[];
}

export const normalizeHeading = (text: string) =>
  text
    .replace(/\s*\((netiek importēts|not imported)\)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Each heading, in either language, and the field it names. */
const HEADINGS = new Map<string, ImportField | 'readOnly'>(
  Object.entries(ITEM_HEADERS).flatMap(([field, text]) =>
    LANGUAGES.map((language) => {
      const known = field === 'id' || field === 'version' || (EDITABLE_FIELDS as readonly string[]).includes(field);
      return [normalizeHeading(text[language]), known ? (field as ImportField) : 'readOnly'] as const;
    }),
  ),
);
const AMOUNT_HEADING = /^(\d{4})(\s*,?\s*(eur|€))?$/i;

export function problem(
  kind: ImportProblemKind,
  sheet: string,
  row: number | null,
  column: Pick<SheetColumn, 'letter' | 'heading'> | null,
  message: string,
): ImportProblem {
  return { kind, sheet, row, column: column?.letter ?? null, columnName: column?.heading ?? null, message };
}

/** A cell's value as text, a number (as Excel shows it), or why it cannot be read. */
export type Scalar =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: Decimal }
  | { kind: 'error'; message: Message };

/** A number as an xlsx file writes it: a decimal, perhaps with an exponent (`1.5E-3`). */
const XLSX_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function scalarOf(value: RawCell | null): Scalar {
  if (value === null) return { kind: 'empty' };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'text', text: value.toISOString().slice(0, 10) };
  // Longer than any field: the reader kept only the length.
  if ('overlong' in value)
    return {
      kind: 'error',
      message: message('import.cellOverlong', { length: value.overlong, longest: LONGEST_TEXT_FIELD }),
    };
  if ('error' in value) return { kind: 'error', message: message('import.cellError', { code: value.error }) };
  // Excel shows (and computes with) 15 significant digits; the file may write 17 (0.1 + 0.2 is
  // written 0.30000000000000004 and shown 0.3).
  if ('number' in value)
    return XLSX_NUMBER.test(value.number)
      ? { kind: 'number', value: new Decimal(value.number).toSignificantDigits(15) }
      : { kind: 'error', message: message('import.cellError', { code: 'NaN' }) };
  // A formula is read as the value Excel computed, never as the formula; none computed → refused.
  return value.result === undefined ? { kind: 'error', message: message('import.formula') } : scalarOf(value.result);
}

/** Finds the item sheet and its heading row; maps each column to a field by its heading. */
export function locateItemSheet(
  sheets: readonly RawSheet[],
  fiscalYears: readonly number[],
  language: Language,
): { layout: ItemSheetLayout; rows: RawSheet['rows'] } | { problems: ImportProblem[] } {
  const itemSheetNames = LANGUAGES.map((l) => SHEET_NAMES.items[l]);
  const ordered = [...sheets].sort(
    (a, b) => Number(!itemSheetNames.includes(a.name)) - Number(!itemSheetNames.includes(b.name)),
  );
  for (const sheet of ordered) {
    const header = sheet.rows.slice(0, 30).find((row) => {
      const fields = [...row.cells.values()].map((v) => HEADINGS.get(normalizeHeading(textOf(v))));
      return fields.includes('id') && fields.includes('title');
    });
    if (!header) continue;

    const problems: ImportProblem[] = [];
    const columns: SheetColumn[] = [];
    const years = fiscalYears.map(String);
    for (const [index, value] of [...header.cells.entries()].sort((a, b) => a[0] - b[0])) {
      const heading = textOf(value).trim();
      const known = HEADINGS.get(normalizeHeading(heading));
      const amount = AMOUNT_HEADING.exec(normalizeHeading(heading));
      const field: ImportField | undefined =
        known && known !== 'readOnly' ? known : amount ? `amount:${amount[1]!}` : undefined;
      if (!field) continue;
      const column = { index, letter: columnLetter(index), heading, field };
      if (field.startsWith('amount:') && !years.includes(field.slice(7))) {
        problems.push(
          problem(
            'layout',
            sheet.name,
            header.number,
            column,
            translate(message('import.unknownYear', { years: years.join(', ') }), language),
          ),
        );
        continue;
      }
      if (columns.some((c) => c.field === field)) {
        problems.push(
          problem('layout', sheet.name, header.number, column, translate(message('import.duplicateColumn'), language)),
        );
        continue;
      }
      columns.push(column);
    }
    for (const field of REQUIRED_COLUMNS) {
      if (!columns.some((c) => c.field === field)) {
        const heading = ITEM_HEADERS[field as keyof typeof ITEM_HEADERS][language];
        problems.push({
          ...problem('layout', sheet.name, header.number, null, translate(message('import.missingColumn'), language)),
          columnName: heading,
        });
      }
    }
    if (problems.length > 0) return { problems };
    return {
      layout: {
        sheet: sheet.name,
        headerRow: header.number,
        columns,
        years: columns.filter((c) => c.field.startsWith('amount:')).map((c) => c.field.slice(7)),
      },
      rows: sheet.rows.filter((row) => row.number > header.number),
    };
  }
  return {
    problems: [
      problem('layout', SHEET_NAMES.items[language], null, null, translate(message('import.noSheet'), language)),
    ],
  };
}

export function textOf(value: RawCell): string {
  const scalar = scalarOf(value);
  if (scalar.kind === 'text') return scalar.text;
  if (scalar.kind === 'number') return scalar.value.toFixed();
  return '';
}

/** "1 234,56 €" or "1234.56" → "1234.56"; anything else is left for the schema to refuse. */
function decimalFromText(text: string): string {
  const compact = text.replace(/[\s\u00a0\u202f]|€|eur/gi, '');
  if (/^\d+,\d+$/.test(compact)) return compact.replace(',', '.');
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(compact)) return compact.replaceAll('.', '').replace(',', '.');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) return compact.replaceAll(',', '');
  return compact;
}

/** A code from "2251 — Informācijas sistēmas uzturēšana", "2251" or 2251. */
export function leadingCode(scalar: Scalar): string {
  if (scalar.kind === 'number') return scalar.value.toFixed();
  if (scalar.kind !== 'text') return '';
  return scalar.text.trim().split(/\s+/)[0] ?? '';
}

/** A label or code of a closed list, in either language, as its code; unknown text as it is. */
function enumCode<K extends string>(scalar: Scalar, codes: readonly K[], labels: Record<K, Record<Language, string>>) {
  const text = scalar.kind === 'text' ? scalar.text.trim().toLowerCase() : '';
  const found = codes.find(
    (code) => code === text || LANGUAGES.some((language) => labels[code][language].toLowerCase() === text),
  );
  return found ?? (scalar.kind === 'text' ? scalar.text.trim() : '');
}

export function wholeNumber(scalar: Scalar): number | 'invalid' | null {
  if (scalar.kind === 'empty') return null;
  if (scalar.kind === 'number')
    return scalar.value.isInteger() && scalar.value.gt(0) && scalar.value.lte(2147483647)
      ? scalar.value.toNumber()
      : 'invalid';
  if (scalar.kind === 'text' && /^\s*[1-9]\d{0,9}\s*$/.test(scalar.text)) {
    const value = Number(scalar.text.trim());
    return value <= 2147483647 ? value : 'invalid';
  }
  return 'invalid';
}

export interface ParsedRow {
  row: number;
  id: number | null;
  version: number | null;
  /** The row as a create input (validated); absent when it has problems. */
  input?: CreateLineItemInput;
  /** The fields that passed the schema, for reference checks of a row with other problems. */
  validFields: UpdateLineItemInput;
  problems: ImportProblem[];
}

type Cells = Map<ImportField, { column: SheetColumn; scalar: Scalar }>;

/** Where a row's problem is, and what it is: a message, worded in the request's language. */
type RowProblemAt = (column: SheetColumn | null, said: Message | string) => void;

/** One sheet row → a validated input, or its problems (every one of them); null for a blank row. */
export function parseRow(raw: RawSheet['rows'][number], layout: ItemSheetLayout, language: Language): ParsedRow | null {
  const cells: Cells = new Map();
  for (const column of layout.columns) {
    cells.set(column.field, { column, scalar: scalarOf(raw.cells.get(column.index) ?? null) });
  }
  if ([...cells.entries()].every(([field, { scalar }]) => field === 'version' || scalar.kind === 'empty')) return null;

  const problems: ImportProblem[] = [];
  const at: RowProblemAt = (column, said) =>
    problems.push(
      problem('invalid', layout.sheet, raw.number, column, typeof said === 'string' ? said : translate(said, language)),
    );
  const unreadable = new Set<ImportField>();
  for (const [field, { column, scalar }] of cells) {
    if (scalar.kind !== 'error') continue;
    unreadable.add(field);
    at(column, scalar.message);
  }
  const { id, version } = identityOf(cells, at);
  const values = valuesOf(cells, layout, id !== null);

  const parsed = createLineItemInputSchema.safeParse(values);
  const invalidFields = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      invalidFields.add(field === 'amounts' ? `amounts.${String(issue.path[1])}` : field);
      const column = columnOfPath(layout, issue.path);
      // A cell that cannot be read has its problem already: "required" would only repeat it wrongly.
      if (column && unreadable.has(column.field)) continue;
      at(column, issueMessage(field, issue, values[field] === undefined, language));
    }
  }
  return {
    row: raw.number,
    id,
    version,
    ...(parsed.success && problems.length === 0 ? { input: parsed.data } : {}),
    validFields: validSubset(values, invalidFields),
    problems,
  };
}

/** The row's item id and version, each a positive whole number; an existing item needs its version. */
function identityOf(cells: Cells, at: RowProblemAt): { id: number | null; version: number | null } {
  const idCell = cells.get('id')!;
  const versionCell = cells.get('version')!;
  const id = idCell.scalar.kind === 'error' ? null : wholeNumber(idCell.scalar);
  const version = versionCell.scalar.kind === 'error' ? null : wholeNumber(versionCell.scalar);
  if (id === 'invalid') at(idCell.column, message('import.id'));
  if (version === 'invalid') at(versionCell.column, message('import.version'));
  if (typeof id === 'number' && version === null) at(versionCell.column, message('import.versionMissing'));
  return { id: typeof id === 'number' ? id : null, version: typeof version === 'number' ? version : null };
}

/** The row's cells as the fields of a line item input, for the schema to judge. */
function valuesOf(cells: Cells, layout: ItemSheetLayout, existing: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const amounts: Record<string, string> = {};
  for (const [field, { scalar }] of cells) {
    if (scalar.kind === 'error' || field === 'id' || field === 'version') continue;
    if (field.startsWith('amount:')) {
      const money = cellAmount(scalar);
      // An empty amount is 0: for an existing item that clears the year.
      if (money !== null) amounts[field.slice(7)] = money;
      else if (existing) amounts[field.slice(7)] = '0';
      continue;
    }
    const value = fieldValue(field as EditableField, scalar);
    if (value !== undefined) values[field] = value;
  }
  if (layout.years.length > 0) values.amounts = amounts;
  return values;
}

/** A cell as text: numbers as the decimal Excel shows, never with an exponent; null when empty. */
export function cellText(scalar: Scalar): string | null {
  return scalar.kind === 'text' ? scalar.text : scalar.kind === 'number' ? scalar.value.toFixed() : null;
}

/** A money or decimal cell as a decimal string, "1 234,56 €" included; null when empty. */
export function cellAmount(scalar: Scalar): string | null {
  const text = cellText(scalar);
  return scalar.kind === 'number' || text === null ? text : decimalFromText(text);
}

/** One editable field's value from its cell; undefined leaves the field out (required ones then refused). */
function fieldValue(field: EditableField, scalar: Scalar): unknown {
  const text = cellText(scalar);
  switch (field) {
    case 'title':
      return scalar.kind === 'empty' ? undefined : text;
    case 'ekkCode':
      return scalar.kind === 'empty' ? undefined : leadingCode(scalar);
    case 'costNature':
      return scalar.kind === 'empty' ? undefined : enumCode(scalar, COST_NATURES, COST_NATURE_LABELS);
    case 'priority':
      return scalar.kind === 'empty' ? undefined : enumCode(scalar, PRIORITIES, PRIORITY_LABELS);
    case 'description':
    case 'businessNeed':
    case 'legalBasis':
    case 'impactIfCut':
    case 'calculationBasis':
      return text ?? '';
    case 'ictServiceCode':
    case 'informationSystemCode':
    case 'actionDirectionCode':
      return scalar.kind === 'empty' ? null : leadingCode(scalar);
    case 'goalCodes':
      return (text ?? '')
        .split(/[;,\s]+/)
        .filter(Boolean)
        .map((code) => code.toUpperCase());
    case 'rank':
      if (scalar.kind === 'empty') return undefined;
      // A rank is a whole number, not money: the schema refuses a fraction.
      return scalar.kind === 'number' ? scalar.value.toNumber() : /^\s*\d+\s*$/.test(text ?? '') ? Number(text) : text;
    case 'quantity':
    case 'unitPrice':
      return cellAmount(scalar);
    case 'unit':
      return text === null ? null : text.trim();
  }
}

/** The fields of a row that passed the schema (the update schema accepts any subset). */
function validSubset(values: Record<string, unknown>, invalid: Set<string>): UpdateLineItemInput {
  const subset: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (field === 'amounts') {
      const years = Object.entries(value as Record<string, string>).filter(([year]) => !invalid.has(`amounts.${year}`));
      subset.amounts = Object.fromEntries(years);
    } else if (!invalid.has(field)) {
      subset[field] = value;
    }
  }
  const parsed = updateLineItemInputSchema.safeParse(subset);
  return parsed.success ? parsed.data : {};
}

export function columnOfPath(layout: ItemSheetLayout, path: readonly PropertyKey[]): SheetColumn | null {
  const field = String(path[0] ?? '');
  const target = field === 'amounts' ? `amount:${String(path[1] ?? '')}` : field;
  return layout.columns.find((c) => c.field === target) ?? null;
}

const FIELD_FORMAT_MESSAGES: Partial<Record<string, string>> = {
  ekkCode: 'ekk.format',
  goalCodes: 'goal.format',
  actionDirectionCode: 'actionDirection.format',
  ictServiceCode: 'catalogueCode.format',
  informationSystemCode: 'catalogueCode.format',
  rank: 'rank.format',
};

/** A schema issue in the user's words; `missing` when the row has no value for the field at all. */
function issueMessage(field: string, issue: z.core.$ZodIssue, missing: boolean, language: Language): string {
  if (issue.code === 'invalid_value' && (field === 'costNature' || field === 'priority')) {
    const labels =
      field === 'costNature'
        ? COST_NATURES.map((c) => COST_NATURE_LABELS[c][language])
        : PRIORITIES.map((p) => PRIORITY_LABELS[p][language]);
    return translate(message('import.allowed', { values: labels.join(', ') }), language);
  }
  const keyed = FIELD_FORMAT_MESSAGES[field];
  if (keyed && !missing && issue.message !== 'goalCodes.unique')
    return localizeIssue({ code: 'custom', message: keyed }, language);
  return localizeIssue(
    { code: issue.code, message: issue.message, params: issue as unknown as Record<string, unknown> },
    language,
  );
}
