import { COST_NATURES, PRIORITIES } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, PRIORITY_LABELS } from '@ikt/shared/labels';
import type { LineItem, UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { MONEY_PROBLEM_MESSAGES } from '../../../components/money-field';
import { ReviewStatusBadge } from '../../../components/status-badge';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';
import { problemCount, totalsByYear } from '../../../utils/line-item-figures';
import { formatMoney, moneyEditText, parseMoneyInput, type MoneyInputProblem } from '../../../utils/money-input';
import {
  gridColumns,
  isEditableColumn,
  isFiltered,
  nextSort,
  visibleItems,
  type GridColumn,
  type GridFilter,
  type GridSort,
} from '../utils/grid-model';

export interface EkkOption {
  code: string;
  name: string;
}

interface LineItemGridProps {
  caption: string;
  items: readonly LineItem[];
  fiscalYears: readonly number[];
  ekkOptions: readonly EkkOption[];
  filter: GridFilter;
  canEdit: (item: LineItem) => boolean;
  onSave: (item: LineItem, changes: UpdateLineItemInput) => void;
  /** Ctrl+Z (not while a cell is being edited: there it undoes typing): take the last edit back. */
  onUndo?: () => void;
  onOpen: (item: LineItem) => void;
  /** Rows pasted into the grid (more than one cell): the page previews them as new items. */
  onPasteRows: (text: string) => void;
  openItemId: number | undefined;
  /** Set from outside (a link to an item) to put the cursor on that item's row. */
  focusItemId?: number | undefined;
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

/**
 * Widths in rem. The title takes what is left (at least 8rem), so every column, last year's
 * figure included, fits 1280 px beside nothing but the page's margins; the open button, the rank
 * and the title stay in view when the sheet scrolls sideways (styles.css reads their widths).
 */
const COLUMN_WIDTHS: Record<Exclude<GridColumn['kind'], 'text' | 'amount'>, number> = {
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

function columnTemplate(columns: GridColumn[], totals: Record<string, string>): string {
  const amount = amountWidth(totals);
  return columns
    .map((column) => {
      if (column.kind === 'text') return `minmax(${TITLE_MIN_WIDTH}rem, 1fr)`;
      return `${column.kind === 'amount' ? amount : COLUMN_WIDTHS[column.kind]}rem`;
    })
    .join(' ');
}

/** Columns of money, right-aligned: this cycle's years and last year's figure beside them. */
const isMoneyColumn = (column: GridColumn) => column.kind === 'amount' || column.kind === 'previousYear';

/** Rows and the visible part of the sheet are measured in rem, so zoomed text still fits. */
const ROW_HEIGHT_REM = 2.5;
const PAGE_ROWS = 10;

interface Cursor {
  /** -1: the header row. */
  row: number;
  col: number;
}

interface EditState {
  itemId: number;
  col: number;
  text: string;
  problem?: MoneyInputProblem | 'required' | undefined;
}

function remInPixels(): number {
  if (typeof window === 'undefined') return 16;
  // A CSS length such as "16px" (not money: the no-float rule is about amounts).
  const pixels = /^(\d+(?:\.\d+)?)px$/.exec(getComputedStyle(document.documentElement).fontSize)?.[1];
  return pixels ? Number(pixels) : 16;
}

/**
 * The sub-programme's items as a spreadsheet. One tab stop: arrows, Home/End (Ctrl for the
 * first and last row), PageUp/PageDown move the cursor; Enter or F2 edits a cell (typing starts
 * a fresh value), Enter saves and moves down, Tab saves and moves right, Esc cancels. Enter on a
 * column header sorts by it; Enter on a read-only cell opens the item. Only the rows in view are
 * in the page, so thousands of items scroll smoothly; the totals row stays pinned at the bottom.
 */
export function LineItemGrid({
  caption,
  items,
  fiscalYears,
  ekkOptions,
  filter,
  canEdit,
  onSave,
  onUndo,
  onOpen,
  onPasteRows,
  openItemId,
  focusItemId,
}: LineItemGridProps) {
  const { t, tn, language } = useI18n();
  const captionId = useId();
  const helpId = useId();
  const errorId = useId();
  const columns = useMemo(() => gridColumns(fiscalYears), [fiscalYears]);
  const [sort, setSort] = useState<GridSort | undefined>();
  const rows = useMemo(() => visibleItems(items, filter, sort), [items, filter, sort]);
  const totals = useMemo(() => totalsByYear(rows, fiscalYears), [rows, fiscalYears]);
  const filtered = isFiltered(filter);

  // The cursor follows an item, not a position, so sorting or filtering keeps it on the same row.
  const [cursorItemId, setCursorItemId] = useState<number | 'header' | undefined>();
  const [cursorCol, setCursorCol] = useState(2);
  const rowIndex =
    cursorItemId === 'header'
      ? -1
      : Math.max(
          0,
          rows.findIndex((item) => item.id === cursorItemId),
        );
  const cursor: Cursor = { row: rows.length === 0 ? -1 : rowIndex, col: Math.min(cursorCol, columns.length - 1) };
  const [edit, setEditState] = useState<EditState | null>(null);
  // Mirrors `edit` at once: a commit by a key and the blur that follows must not save twice.
  const editRef = useRef<EditState | null>(null);
  const setEdit = (next: EditState | null) => {
    editRef.current = next;
    setEditState(next);
  };
  const focusPending = useRef(false);
  const gridRef = useRef<HTMLDivElement>(null);

  const rowHeight = ROW_HEIGHT_REM * remInPixels();
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // The row with the cursor stays in the page even when scrolled away, so focus is never lost.
      if (cursor.row >= 0 && !indexes.includes(cursor.row)) indexes.push(cursor.row);
      return indexes.sort((a, b) => a - b);
    },
    [cursor.row],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => gridRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    rangeExtractor,
    // The header row sits above the rows inside the same scrolling box.
    scrollPaddingStart: rowHeight,
    scrollPaddingEnd: rowHeight,
  });

  useEffect(() => {
    if (focusItemId === undefined) return;
    const index = rows.findIndex((item) => item.id === focusItemId);
    if (index < 0) return;
    setCursorItemId(focusItemId);
    virtualizer.scrollToIndex(index, { align: 'center' });
    // Only a new id moves the cursor; the rows changing underneath it do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [focusItemId]);

  const moveTo = useCallback(
    (row: number, col: number) => {
      const lastRow = rows.length - 1;
      const nextRow = Math.max(-1, Math.min(lastRow, row));
      const nextCol = Math.max(0, Math.min(columns.length - 1, col));
      setCursorItemId(nextRow === -1 ? 'header' : rows[nextRow]?.id);
      setCursorCol(nextCol);
      focusPending.current = true;
      if (nextRow >= 0) virtualizer.scrollToIndex(nextRow);
    },
    [rows, columns.length, virtualizer],
  );

  // Focus the cell the cursor is on after a move made by the keyboard or the mouse.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const selector = edit ? '[data-editor]' : `[data-row="${cursor.row}"][data-col="${cursor.col}"]`;
    const target = gridRef.current?.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus({ preventScroll: cursor.row === -1 ? false : true });
      focusPending.current = false;
    }
  });

  const itemAt = (row: number) => (row >= 0 ? rows[row] : undefined);

  function editorText(item: LineItem, column: GridColumn): string {
    switch (column.kind) {
      case 'text':
        return item.title;
      case 'ekk':
        return item.ekkCode;
      case 'costNature':
        return item.costNature;
      case 'priority':
        return item.priority;
      case 'amount':
        return moneyEditText(item.amounts[String(column.year)] ?? '0');
      default:
        return '';
    }
  }

  function startEdit(row: number, col: number, initial?: string) {
    const item = itemAt(row);
    const column = columns[col];
    if (!item || !column || !isEditableColumn(column) || !canEdit(item)) return false;
    setEdit({ itemId: item.id, col, text: initial ?? editorText(item, column) });
    focusPending.current = true;
    return true;
  }

  /** Reads the editor; answers false (and keeps editing) when the value cannot be saved. */
  function commitEdit(): boolean {
    const edit = editRef.current;
    if (!edit) return true;
    const item = items.find((candidate) => candidate.id === edit.itemId);
    const column = columns[edit.col];
    if (!item || !column) {
      setEdit(null);
      return true;
    }
    let changes: UpdateLineItemInput | undefined;
    switch (column.kind) {
      case 'text': {
        const title = edit.text.replace(/\s+/g, ' ').trim();
        if (title === '') {
          setEdit({ ...edit, problem: 'required' });
          return false;
        }
        if (title !== item.title) changes = { title };
        break;
      }
      case 'ekk':
        if (edit.text !== item.ekkCode) changes = { ekkCode: edit.text };
        break;
      case 'costNature':
        if (edit.text !== item.costNature) changes = { costNature: edit.text as LineItem['costNature'] };
        break;
      case 'priority':
        if (edit.text !== item.priority) changes = { priority: edit.text as LineItem['priority'] };
        break;
      case 'amount': {
        const parsed = parseMoneyInput(edit.text);
        const value = parsed.ok ? parsed.value : parsed.problem === 'empty' ? '0.00' : undefined;
        if (value === undefined) {
          setEdit({ ...edit, problem: parsed.ok ? undefined : parsed.problem });
          return false;
        }
        const year = String(column.year);
        if (value !== (item.amounts[year] ?? '0.00')) changes = { amounts: { [year]: value } };
        break;
      }
      default:
        break;
    }
    setEdit(null);
    if (changes) onSave(item, changes);
    return true;
  }

  function onEditorKeyDown(event: KeyboardEvent<HTMLElement>) {
    const move = (dRow: number, dCol: number) => {
      event.preventDefault();
      event.stopPropagation();
      if (commitEdit()) moveTo(cursor.row + dRow, cursor.col + dCol);
    };
    if (event.key === 'Enter') move(event.shiftKey ? -1 : 1, 0);
    else if (event.key === 'Tab') move(0, event.shiftKey ? -1 : 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setEdit(null);
      focusPending.current = true;
    } else {
      event.stopPropagation();
    }
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (edit) return;
    const { row, col } = cursor;
    const ctrl = event.ctrlKey || event.metaKey;
    const moves: Record<string, [number, number] | undefined> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      Home: ctrl ? [0, 0] : [row, 0],
      End: ctrl ? [rows.length - 1, columns.length - 1] : [row, columns.length - 1],
      PageUp: [row === -1 ? -1 : Math.max(0, row - PAGE_ROWS), col],
      PageDown: [row + PAGE_ROWS, col],
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      moveTo(target[0], target[1]);
      return;
    }
    const column = columns[col];
    const item = itemAt(row);
    if (row === -1 && column && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      if (column.kind !== 'open') setSort((current) => nextSort(current, column.id));
      return;
    }
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      if (!startEdit(row, col) && item && event.key === 'Enter') onOpen(item);
      return;
    }
    if (ctrl && !event.shiftKey && event.key.toLowerCase() === 'z' && onUndo) {
      event.preventDefault();
      onUndo();
      return;
    }
    if (ctrl && event.key.toLowerCase() === 'c' && item && column) {
      void navigator.clipboard?.writeText(cellText(item, column)).catch(() => undefined);
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && item && column?.kind === 'amount' && canEdit(item)) {
      event.preventDefault();
      const year = String(column.year);
      if ((item.amounts[year] ?? '0.00') !== '0.00') onSave(item, { amounts: { [year]: '0.00' } });
      return;
    }
    // Typing on a text or amount cell starts a fresh value, as in a spreadsheet.
    if (event.key.length === 1 && !ctrl && !event.altKey && (column?.kind === 'text' || column?.kind === 'amount')) {
      if (startEdit(row, col, event.key)) event.preventDefault();
    }
  }

  function onPaste(event: ClipboardEvent<HTMLDivElement>) {
    if (edit) return;
    const text = event.clipboardData.getData('text/plain');
    if (text.trim() === '') return;
    event.preventDefault();
    const isSingleCell = !/[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''));
    const item = itemAt(cursor.row);
    const column = columns[cursor.col];
    // One value onto one editable cell replaces it; anything larger becomes new rows.
    if (isSingleCell && item && column && isEditableColumn(column) && canEdit(item)) {
      startEdit(cursor.row, cursor.col, text.replace(/[\r\n]+$/, '').trim());
      return;
    }
    onPasteRows(text);
  }

  function columnLabel(column: GridColumn): string {
    return column.kind === 'amount' ? String(column.year) : t(COLUMN_LABELS[column.kind]);
  }

  function cellText(item: LineItem, column: GridColumn): string {
    switch (column.kind) {
      case 'rank':
        return String(item.rank);
      case 'text':
        return item.title;
      case 'ekk':
        return item.ekkCode;
      case 'costNature':
        return COST_NATURE_LABELS[item.costNature][language];
      case 'priority':
        return PRIORITY_LABELS[item.priority][language];
      case 'amount':
        return formatMoney(item.amounts[String(column.year)] ?? '0');
      case 'previousYear':
        // Empty when the item continues nothing of last year's cycle.
        return item.previousYear === null ? '' : formatMoney(item.previousYear);
      default:
        return '';
    }
  }

  function renderCellContent(item: LineItem, column: GridColumn): ReactNode {
    switch (column.kind) {
      case 'open':
        return (
          <button
            type="button"
            tabIndex={-1}
            className="sheet__open"
            aria-pressed={openItemId === item.id}
            onClick={() => onOpen(item)}
          >
            <span aria-hidden="true">›</span>
            <span className="visually-hidden">{t('grid.openItem', { title: item.title })}</span>
          </button>
        );
      case 'reviewStatus':
        return <ReviewStatusBadge status={item.reviewStatus} />;
      case 'check': {
        const count = problemCount(item);
        return count === 0 ? (
          <span className="sheet__ok">
            <span aria-hidden="true">✓</span>
            <span className="visually-hidden">{t('grid.ready')}</span>
          </span>
        ) : (
          <span className="badge badge--danger">{t('grid.problemCount', { count })}</span>
        );
      }
      default:
        return cellText(item, column);
    }
  }

  function renderEditor(item: LineItem, column: GridColumn): ReactNode {
    if (!edit) return null;
    const common = {
      'data-editor': true,
      'aria-label': t('grid.editing', { column: columnLabel(column), title: item.title }),
      'aria-invalid': edit.problem ? true : undefined,
      'aria-describedby': edit.problem ? errorId : undefined,
      onKeyDown: onEditorKeyDown,
      // Leaving the cell by the mouse saves it, as a spreadsheet does.
      onBlur: () => commitEdit(),
    } as const;
    const select = (options: { value: string; label: string }[]) => (
      <select
        {...common}
        className="sheet__editor"
        value={edit.text}
        onChange={(event) => setEdit({ ...edit, text: event.target.value })}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
    switch (column.kind) {
      case 'ekk': {
        const options = ekkOptions.map((option) => ({ value: option.code, label: `${option.code} ${option.name}` }));
        if (!options.some((option) => option.value === item.ekkCode)) {
          options.unshift({ value: item.ekkCode, label: item.ekkCode });
        }
        return select(options);
      }
      case 'costNature':
        return select(COST_NATURES.map((code) => ({ value: code, label: COST_NATURE_LABELS[code][language] })));
      case 'priority':
        return select(PRIORITIES.map((code) => ({ value: code, label: PRIORITY_LABELS[code][language] })));
      default:
        return (
          <input
            {...common}
            className={column.kind === 'amount' ? 'sheet__editor sheet__editor--num' : 'sheet__editor'}
            inputMode={column.kind === 'amount' ? 'decimal' : undefined}
            autoComplete="off"
            value={edit.text}
            onChange={(event) => setEdit({ ...edit, text: event.target.value, problem: undefined })}
          />
        );
    }
  }

  const template = columnTemplate(columns, totals);
  const editProblem = edit?.problem;
  const anyEditable = items.some(canEdit);

  return (
    <div className="sheet-wrap">
      <p id={captionId} className="sheet__caption">
        {caption}{' '}
        <span className="muted">
          {filtered ? tn('grid.shownOf', rows.length, { total: items.length }) : tn('grid.count', items.length)}
        </span>
      </p>
      <p id={helpId} className="visually-hidden">
        {t('grid.help')}
      </p>
      <div
        ref={gridRef}
        role="grid"
        className="sheet"
        aria-labelledby={captionId}
        aria-describedby={helpId}
        aria-rowcount={rows.length + 2}
        aria-colcount={columns.length}
        aria-readonly={anyEditable ? undefined : true}
        style={
          {
            maxHeight: `min(70vh, ${(Math.max(rows.length, 3) + 2) * ROW_HEIGHT_REM + 1.25}rem)`,
            '--sheet-open-width': `${COLUMN_WIDTHS.open}rem`,
            '--sheet-rank-width': `${COLUMN_WIDTHS.rank}rem`,
          } as CSSProperties
        }
        onKeyDown={onGridKeyDown}
        onPaste={onPaste}
      >
        <div role="rowgroup" className="sheet__head">
          <div role="row" aria-rowindex={1} className="sheet__row" style={{ gridTemplateColumns: template }}>
            {columns.map((column, col) => {
              const active = cursor.row === -1 && cursor.col === col;
              const sorted = sort?.column === column.id ? sort.direction : undefined;
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  aria-colindex={col + 1}
                  aria-sort={column.kind === 'open' ? undefined : (sorted ?? 'none')}
                  tabIndex={active ? 0 : -1}
                  data-row={-1}
                  data-col={col}
                  className={`sheet__cell sheet__cell--${column.kind} sheet__header${isMoneyColumn(column) ? ' num' : ''}`}
                  title={column.kind === 'previousYear' ? t('grid.column.previousYearHint') : undefined}
                  onClick={() => {
                    moveTo(-1, col);
                    if (column.kind !== 'open') setSort((current) => nextSort(current, column.id));
                  }}
                >
                  {column.kind === 'open' ? (
                    <span className="visually-hidden">{columnLabel(column)}</span>
                  ) : (
                    <>
                      {columnLabel(column)}
                      <span aria-hidden="true" className="sheet__sort">
                        {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                      </span>
                    </>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {/* With no rows the body takes the empty-state row's own height, so the total row stays below it. */}
        <div
          role="rowgroup"
          className="sheet__body"
          style={{ height: rows.length === 0 ? undefined : virtualizer.getTotalSize() }}
        >
          {rows.length === 0 && (
            <div role="row" aria-rowindex={2} className="sheet__row sheet__row--empty">
              <div role="gridcell" aria-colindex={1} aria-colspan={columns.length} className="sheet__cell">
                {items.length === 0 ? t('grid.empty') : t('grid.noMatch')}
              </div>
            </div>
          )}
          {virtualizer.getVirtualItems().map((virtualRow) => {
            const item = rows[virtualRow.index];
            if (!item) return null;
            const editable = canEdit(item);
            return (
              <div
                key={item.id}
                role="row"
                aria-rowindex={virtualRow.index + 2}
                aria-selected={openItemId === item.id ? true : undefined}
                className={`sheet__row${openItemId === item.id ? ' is-open' : ''}${item.reviewStatus === 'cut' ? ' is-cut' : ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${virtualRow.start}px)` }}
              >
                {columns.map((column, col) => {
                  const active = cursor.row === virtualRow.index && cursor.col === col;
                  const editing = active && edit?.itemId === item.id && edit.col === col;
                  const cellEditable = editable && isEditableColumn(column);
                  return (
                    <div
                      key={column.id}
                      role={col === 2 ? 'rowheader' : 'gridcell'}
                      aria-colindex={col + 1}
                      aria-readonly={cellEditable ? undefined : true}
                      tabIndex={active && !editing ? 0 : -1}
                      data-row={virtualRow.index}
                      data-col={col}
                      title={column.kind === 'text' ? item.title : undefined}
                      className={`sheet__cell sheet__cell--${column.kind}${isMoneyColumn(column) ? ' num' : ''}${
                        active ? ' is-active' : ''
                      }${cellEditable ? ' is-editable' : ''}`}
                      onMouseDown={(event) => {
                        if (editing) return;
                        commitEdit();
                        if (!(event.target instanceof HTMLButtonElement)) {
                          setCursorItemId(item.id);
                          setCursorCol(col);
                          focusPending.current = true;
                        }
                      }}
                      onDoubleClick={() => startEdit(virtualRow.index, col)}
                    >
                      {editing ? renderEditor(item, column) : renderCellContent(item, column)}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        <div role="rowgroup" className="sheet__foot">
          <div
            role="row"
            aria-rowindex={rows.length + 2}
            className="sheet__row sheet__row--total"
            style={{ gridTemplateColumns: template }}
          >
            {columns.map((column, col) => {
              if (col === 2) {
                return (
                  <div
                    key={column.id}
                    role="rowheader"
                    aria-colindex={col + 1}
                    className="sheet__cell sheet__cell--text"
                  >
                    {filtered ? t('grid.totalShown') : t('common.total')}
                  </div>
                );
              }
              return (
                <div
                  key={column.id}
                  role="gridcell"
                  aria-colindex={col + 1}
                  aria-readonly
                  className={`sheet__cell sheet__cell--${column.kind}${isMoneyColumn(column) ? ' num' : ''}`}
                >
                  {/* No total of last year's figures: they cover only the items carried over, so their
                      sum is not the sub-programme's last year (the consolidation's figure). */}
                  {column.kind === 'amount' ? formatMoney(totals[String(column.year)] ?? '0') : ''}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <p id={errorId} className="sheet__error" role="alert">
        {editProblem === 'required'
          ? t('grid.titleRequired')
          : editProblem
            ? t(MONEY_PROBLEM_MESSAGES[editProblem])
            : ''}
      </p>
    </div>
  );
}
