import type { CostNature, Priority, ReviewStatus } from '@ikt/shared/domain';
import { COST_NATURES, PRIORITIES, REVIEW_STATUSES } from '@ikt/shared/domain';
import type { LineItem } from '@ikt/shared/line-item.schema';
import { parseMoney } from '@ikt/shared/money';
import { problemCount } from '../../../utils/line-item-figures';

/** The grid's columns, left to right. Amount columns carry their fiscal year. */
export type GridColumn =
  | { id: 'open'; kind: 'open' }
  | { id: 'rank'; kind: 'rank' }
  | { id: 'title'; kind: 'text'; field: 'title' }
  | { id: 'ekkCode'; kind: 'ekk'; field: 'ekkCode' }
  | { id: 'costNature'; kind: 'costNature'; field: 'costNature' }
  | { id: 'priority'; kind: 'priority'; field: 'priority' }
  | { id: 'previousYear'; kind: 'previousYear' }
  | { id: `amount:${number}`; kind: 'amount'; year: number }
  | { id: 'reviewStatus'; kind: 'reviewStatus' }
  | { id: 'check'; kind: 'check' };

export type GridColumnId = GridColumn['id'];

export function gridColumns(fiscalYears: readonly number[]): GridColumn[] {
  return [
    { id: 'open', kind: 'open' },
    { id: 'rank', kind: 'rank' },
    { id: 'title', kind: 'text', field: 'title' },
    { id: 'ekkCode', kind: 'ekk', field: 'ekkCode' },
    { id: 'costNature', kind: 'costNature', field: 'costNature' },
    { id: 'priority', kind: 'priority', field: 'priority' },
    // Last year's approved figure (read-only, from the server) just before this cycle's years.
    { id: 'previousYear', kind: 'previousYear' },
    ...fiscalYears.map((year) => ({ id: `amount:${year}` as const, kind: 'amount' as const, year })),
    { id: 'reviewStatus', kind: 'reviewStatus' },
    { id: 'check', kind: 'check' },
  ];
}

/** Columns a user may change in place (the others are read-only or open the side panel). */
export function isEditableColumn(column: GridColumn): boolean {
  return ['text', 'ekk', 'costNature', 'priority', 'amount'].includes(column.kind);
}

export interface GridSort {
  column: GridColumnId;
  direction: 'ascending' | 'descending';
}

export interface GridFilter {
  text: string;
  costNature: CostNature | '';
  priority: Priority | '';
  reviewStatus: ReviewStatus | '';
  onlyProblems: boolean;
}

export const NO_FILTER: GridFilter = { text: '', costNature: '', priority: '', reviewStatus: '', onlyProblems: false };

export function isFiltered(filter: GridFilter): boolean {
  return (
    filter.text.trim() !== '' ||
    filter.costNature !== '' ||
    filter.priority !== '' ||
    filter.reviewStatus !== '' ||
    filter.onlyProblems
  );
}

function matches(item: LineItem, filter: GridFilter, central: boolean): boolean {
  const text = filter.text.trim().toLocaleLowerCase('lv');
  if (text !== '') {
    const haystack = `${item.title} ${item.ekkCode} ${item.description}`.toLocaleLowerCase('lv');
    if (!haystack.includes(text)) return false;
  }
  if (filter.costNature !== '' && item.costNature !== filter.costNature) return false;
  if (filter.priority !== '' && item.priority !== filter.priority) return false;
  if (filter.reviewStatus !== '' && item.reviewStatus !== filter.reviewStatus) return false;
  if (filter.onlyProblems && problemCount(item, central) === 0) return false;
  return true;
}

const collator = new Intl.Collator('lv', { sensitivity: 'base', numeric: true });

function compare(a: LineItem, b: LineItem, column: GridColumnId, central: boolean): number {
  if (column.startsWith('amount:')) {
    const year = column.slice('amount:'.length);
    return parseMoney(a.amounts[year] ?? '0').comparedTo(parseMoney(b.amounts[year] ?? '0'));
  }
  switch (column) {
    case 'previousYear':
      // Items with no figure for last year (nothing they continue) sort before any figure.
      if (a.previousYear === null) return b.previousYear === null ? 0 : -1;
      if (b.previousYear === null) return 1;
      return parseMoney(a.previousYear).comparedTo(parseMoney(b.previousYear));
    case 'title':
      return collator.compare(a.title, b.title);
    case 'ekkCode':
      return a.ekkCode.localeCompare(b.ekkCode);
    case 'costNature':
      return COST_NATURES.indexOf(a.costNature) - COST_NATURES.indexOf(b.costNature);
    case 'priority':
      return PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority);
    case 'reviewStatus':
      return REVIEW_STATUSES.indexOf(a.reviewStatus) - REVIEW_STATUSES.indexOf(b.reviewStatus);
    case 'check':
      return problemCount(a, central) - problemCount(b, central);
    default:
      return a.rank - b.rank;
  }
}

/**
 * The rows to show: filtered, then sorted (ties keep the institution's own order, by rank);
 * `central`: the items are the central sub-programme's (what they must have to be submitted).
 */
export function visibleItems(
  items: readonly LineItem[],
  filter: GridFilter,
  sort: GridSort | undefined,
  central: boolean,
): LineItem[] {
  const shown = items.filter((item) => matches(item, filter, central));
  const sign = sort?.direction === 'descending' ? -1 : 1;
  return shown.sort((a, b) => {
    const primary = sort ? compare(a, b, sort.column, central) * sign : 0;
    return primary !== 0 ? primary : a.rank - b.rank || a.id - b.id;
  });
}

/** The next sort when a column header is pressed: ascending, descending, then the rank order. */
export function nextSort(current: GridSort | undefined, column: GridColumnId): GridSort | undefined {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : undefined;
}
