import { COST_NATURES, PRIORITIES, type CostNature, type Priority } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, PRIORITY_LABELS } from '@ikt/shared/labels';
import { createLineItemInputSchema, type CreateLineItemInput } from '@ikt/shared/line-item.schema';
import type { ClipboardTable } from '../../../utils/clipboard-table';
import { parseMoneyInput, type MoneyInputProblem } from '../../../utils/money-input';

/**
 * Rows pasted from a spreadsheet, read as new line items. Without a header row the columns are
 * taken in the grid's order — title, EKK, cost nature, priority, then the cycle's three years —
 * so a block copied from the grid (or from a sheet laid out like it) pastes straight back. With a
 * header row (recognised in Latvian or English) the columns may come in any order, and the
 * defence texts may come along.
 */
export type PasteField =
  | 'title'
  | 'ekkCode'
  | 'costNature'
  | 'priority'
  | 'description'
  | 'businessNeed'
  | 'legalBasis'
  | 'impactIfCut'
  | 'calculationBasis'
  | `amount:${number}`;

export type PasteProblem =
  | { field: PasteField; kind: 'required' }
  | { field: PasteField; kind: 'unknownEkk' }
  | { field: PasteField; kind: 'unknownCostNature' }
  | { field: PasteField; kind: 'unknownPriority' }
  | { field: PasteField; kind: 'money'; problem: Exclude<MoneyInputProblem, 'empty'> }
  | { field: PasteField; kind: 'tooLong' }
  | { field: PasteField; kind: 'invalid' };

export interface PastedRow {
  /** 1-based row number in what was pasted (the header row, when there is one, is row 1). */
  sourceRow: number;
  cells: Partial<Record<PasteField, string>>;
  /** The body to POST, present only when the row has no problems. */
  input: CreateLineItemInput | undefined;
  problems: PasteProblem[];
}

export interface PastePreview {
  /** The field each pasted column was read as (undefined: the column is ignored). */
  columns: (PasteField | undefined)[];
  hasHeader: boolean;
  rows: PastedRow[];
}

export interface PasteContext {
  fiscalYears: readonly number[];
  /** EKK codes an item may use; when empty the server alone checks them. */
  selectableEkkCodes: ReadonlySet<string>;
}

/** Lower case, no diacritics, single spaces, no trailing colon or "(EUR)": how headers are compared. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\((eur|€)\)|€|\beur\b/g, '')
    .replace(/[:*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const HEADER_ALIASES: Record<Exclude<PasteField, `amount:${number}`>, string[]> = {
  title: ['nosaukums', 'pozicija', 'pozicijas nosaukums', 'title', 'item', 'name', 'line item'],
  ekkCode: ['ekk', 'ekk kods', 'ekk code', 'ekk klasifikacija'],
  costNature: ['izmaksu veids', 'veids', 'izmaksu raksturs', 'cost nature', 'nature', 'cost type'],
  priority: ['prioritate', 'priority'],
  description: ['apraksts', 'description'],
  businessNeed: ['biznesa vajadziba', 'vajadziba', 'business need'],
  legalBasis: ['tiesiskais pamats', 'normativais pamats', 'legal basis'],
  impactIfCut: ['ietekme', 'ietekme, ja nefinanse', 'ietekme ja netiek finansets', 'impact if cut', 'impact'],
  calculationBasis: ['aprekina pamatojums', 'aprekins', 'calculation basis', 'calculation'],
};

/** The column an API field path (`ekkCode`, `amounts.2027`) is read from; undefined when none is. */
export function pasteFieldOfPath(path: string): PasteField | undefined {
  const [field = '', year] = path.split('.');
  if (field === 'amounts') return year !== undefined && /^\d{4}$/.test(year) ? `amount:${Number(year)}` : undefined;
  return Object.hasOwn(HEADER_ALIASES, field) ? (field as PasteField) : undefined;
}

function headerField(text: string, fiscalYears: readonly number[]): PasteField | undefined {
  const header = normaliseHeader(text);
  if (header === '') return undefined;
  for (const [field, aliases] of Object.entries(HEADER_ALIASES)) {
    if (aliases.includes(header)) return field as PasteField;
  }
  // "2027", "2027. gads", "FY 2027", "Summa 2027": a column of one of the cycle's years.
  const year = /(?:^|\D)(\d{4})(?:\D|$)/.exec(header)?.[1];
  if (year && fiscalYears.includes(Number(year))) return `amount:${Number(year)}`;
  return undefined;
}

function positionalColumns(width: number, fiscalYears: readonly number[]): (PasteField | undefined)[] {
  const order: PasteField[] = [
    'title',
    'ekkCode',
    'costNature',
    'priority',
    ...fiscalYears.map((year) => `amount:${year}` as const),
  ];
  return Array.from({ length: width }, (_, index) => order[index]);
}

/** Matches a code, or its Latvian or English label, ignoring case and diacritics. */
function vocabularyValue<K extends string>(
  text: string,
  codes: readonly K[],
  labels: Record<K, Record<'lv' | 'en', string>>,
): K | undefined {
  const wanted = normaliseHeader(text);
  return codes.find(
    (code) =>
      code === wanted || normaliseHeader(labels[code].lv) === wanted || normaliseHeader(labels[code].en) === wanted,
  );
}

const LIMITS: Partial<Record<PasteField, number>> = {
  title: 300,
  description: 5000,
  businessNeed: 10000,
  legalBasis: 10000,
  impactIfCut: 10000,
  calculationBasis: 10000,
};

function readRow(
  cells: string[],
  columns: (PasteField | undefined)[],
  context: PasteContext,
): Omit<PastedRow, 'sourceRow'> {
  const values: Partial<Record<PasteField, string>> = {};
  columns.forEach((field, index) => {
    if (field) values[field] = cells[index] ?? '';
  });
  const problems: PasteProblem[] = [];

  const title = (values.title ?? '').replace(/\s+/g, ' ').trim();
  if (title === '') problems.push({ field: 'title', kind: 'required' });

  // "2251" or "2251 Datorprogrammu uzturēšana": the code leads.
  const ekkText = (values.ekkCode ?? '').trim();
  const ekkCode = /^(\d{4})\b/.exec(ekkText)?.[1];
  if (ekkText === '') problems.push({ field: 'ekkCode', kind: 'required' });
  else if (!ekkCode || (context.selectableEkkCodes.size > 0 && !context.selectableEkkCodes.has(ekkCode))) {
    problems.push({ field: 'ekkCode', kind: 'unknownEkk' });
  }

  const costNatureText = (values.costNature ?? '').trim();
  const costNature = vocabularyValue<CostNature>(costNatureText, COST_NATURES, COST_NATURE_LABELS);
  if (costNatureText === '') problems.push({ field: 'costNature', kind: 'required' });
  else if (!costNature) problems.push({ field: 'costNature', kind: 'unknownCostNature' });

  const priorityText = (values.priority ?? '').trim();
  const priority = vocabularyValue<Priority>(priorityText, PRIORITIES, PRIORITY_LABELS);
  if (priorityText === '') problems.push({ field: 'priority', kind: 'required' });
  else if (!priority) problems.push({ field: 'priority', kind: 'unknownPriority' });

  const amounts: Record<string, string> = {};
  for (const year of context.fiscalYears) {
    const field = `amount:${year}` as const;
    const text = values[field];
    if (text === undefined) continue;
    const parsed = parseMoneyInput(text);
    if (parsed.ok) amounts[String(year)] = parsed.value;
    else if (parsed.problem !== 'empty') problems.push({ field, kind: 'money', problem: parsed.problem });
  }

  const texts: Partial<Record<PasteField, string>> = {};
  for (const field of ['description', 'businessNeed', 'legalBasis', 'impactIfCut', 'calculationBasis'] as const) {
    const text = values[field]?.trim();
    if (text === undefined || text === '') continue;
    if (text.length > (LIMITS[field] ?? Infinity)) problems.push({ field, kind: 'tooLong' });
    texts[field] = text;
  }
  if (title.length > (LIMITS.title ?? Infinity)) problems.push({ field: 'title', kind: 'tooLong' });

  if (problems.length > 0 || !ekkCode || !costNature || !priority) return { cells: values, input: undefined, problems };

  // The same schema the server validates with has the last word.
  const parsed = createLineItemInputSchema.safeParse({ title, ekkCode, costNature, priority, amounts, ...texts });
  if (!parsed.success) {
    const schemaProblems: PasteProblem[] = parsed.error.issues.map((issue) => {
      const [first, second] = issue.path;
      const field: PasteField = first === 'amounts' ? `amount:${Number(second)}` : (String(first) as PasteField);
      return { field, kind: 'invalid' };
    });
    return { cells: values, input: undefined, problems: schemaProblems };
  }
  return { cells: values, input: parsed.data, problems: [] };
}

export function readPastedRows(table: ClipboardTable, context: PasteContext): PastePreview {
  const [first] = table.rows;
  const headerColumns = first?.map((cell) => headerField(cell, context.fiscalYears)) ?? [];
  // A header row names at least two of the columns (and a title column must be somewhere).
  const hasHeader = headerColumns.filter(Boolean).length >= 2 && headerColumns.includes('title');
  const columns = hasHeader ? headerColumns : positionalColumns(table.width, context.fiscalYears);
  const body = hasHeader ? table.rows.slice(1) : table.rows;
  return {
    columns,
    hasHeader,
    rows: body.map((cells, index) => ({
      sourceRow: index + 1 + (hasHeader ? 1 : 0),
      ...readRow(cells, columns, context),
    })),
  };
}
