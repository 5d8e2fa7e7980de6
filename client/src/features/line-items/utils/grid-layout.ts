import type { I18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';
import { formatMoney } from '../../../utils/money-input';
import type { GridColumn, GridColumnId } from './grid-model';

/** The column that names its row: its cells are the rows' headers, and the cursor starts there. */
export const ROW_HEADER_COLUMN: GridColumnId = 'title';

/** Where a column stands, left to right (its aria-colindex is one more). */
export function columnIndex(columns: readonly GridColumn[], id: GridColumnId): number {
  return columns.findIndex((column) => column.id === id);
}

const COLUMN_LABELS: Record<Exclude<GridColumn['kind'], 'amount'>, MessageKey> = {
  open: 'grid.column.open',
  rank: 'grid.column.rank',
  text: 'grid.column.title',
  ekk: 'grid.column.ekk',
  costNature: 'grid.column.costNature',
  priority: 'grid.column.priority',
  previousYear: 'grid.column.previousYear',
  reviewStatus: 'grid.column.reviewStatus',
  check: 'grid.column.check',
};

export function columnLabel(column: GridColumn, t: I18n['t']): string {
  return column.kind === 'amount' ? String(column.year) : t(COLUMN_LABELS[column.kind]);
}

/**
 * Widths in rem. The title takes what is left (at least 8rem), so every column, last year's
 * figure included, fits 1280 px beside nothing but the page's margins; the open button, the rank
 * and the title stay in view when the sheet scrolls sideways (styles/grid.css reads their widths).
 */
export const COLUMN_WIDTHS: Record<Exclude<GridColumn['kind'], 'text' | 'amount'>, number> = {
  open: 3,
  rank: 2.75,
  ekk: 4,
  costNature: 6.5,
  priority: 5.75,
  previousYear: 8,
  reviewStatus: 7,
  check: 6,
};
const TITLE_MIN_WIDTH = 8;

/**
 * A year's column holds its total in bold: 8.75rem up to "9 999 999,99 €"; a sub-programme with
 * larger totals gets wider columns (and the sheet scrolls sideways) rather than cut-off figures.
 */
function amountWidth(totals: Record<string, string>): number {
  const longest = Math.max(0, ...Object.values(totals).map((total) => formatMoney(total).length));
  return 8.75 + 0.6 * Math.max(0, longest - '9 999 999,99 €'.length);
}

/** The CSS grid template every row of the sheet shares. */
export function columnTemplate(columns: readonly GridColumn[], totals: Record<string, string>): string {
  const amount = amountWidth(totals);
  return columns
    .map((column) => {
      if (column.kind === 'text') return `minmax(${TITLE_MIN_WIDTH}rem, 1fr)`;
      return `${column.kind === 'amount' ? amount : COLUMN_WIDTHS[column.kind]}rem`;
    })
    .join(' ');
}

/** Columns of money, right-aligned: this cycle's years and last year's figure beside them. */
export const isMoneyColumn = (column: GridColumn) => column.kind === 'amount' || column.kind === 'previousYear';

/** Rows and the visible part of the sheet are measured in rem, so zoomed text still fits. */
export const ROW_HEIGHT_REM = 2.5;

export function remInPixels(): number {
  if (typeof window === 'undefined') return 16;
  // A CSS length such as "16px" (not money: the no-float rule is about amounts).
  const pixels = /^(\d+(?:\.\d+)?)px$/.exec(getComputedStyle(document.documentElement).fontSize)?.[1];
  return pixels ? Number(pixels) : 16;
}
