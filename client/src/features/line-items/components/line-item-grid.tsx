import type { LineItem, UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import {
  useId,
  useLayoutEffect,
  useMemo,
  useState,
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { MONEY_PROBLEM_MESSAGES } from '../../../components/money-field';
import { useI18n } from '../../../i18n/i18n-context';
import { totalsByYear } from '../../../utils/line-item-figures';
import { formatMoney } from '../../../utils/money-input';
import { useGridCursor } from '../hooks/use-grid-cursor';
import { useGridEditing } from '../hooks/use-grid-editing';
import { navigationTarget } from '../utils/grid-keys';
import {
  COLUMN_WIDTHS,
  columnLabel,
  columnTemplate,
  isMoneyColumn,
  ROW_HEADER_COLUMN,
  ROW_HEIGHT_REM,
} from '../utils/grid-layout';
import {
  gridColumns,
  isEditableColumn,
  isFiltered,
  nextSort,
  visibleItems,
  type GridFilter,
  type GridSort,
} from '../utils/grid-model';
import { cellText, GridCellContent, GridCellEditor, type EkkOption } from './grid-cells';

interface LineItemGridProps {
  caption: string;
  items: readonly LineItem[];
  fiscalYears: readonly number[];
  ekkOptions: readonly EkkOption[];
  filter: GridFilter;
  /** The items are the central sub-programme's (what they must have to be submitted). */
  central: boolean;
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
  central,
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
  const rows = useMemo(() => visibleItems(items, filter, sort, central), [items, filter, sort, central]);
  const totals = useMemo(() => totalsByYear(rows, fiscalYears), [rows, fiscalYears]);
  const filtered = isFiltered(filter);

  const { cursor, gridRef, virtualizer, moveTo, placeCursor, requestFocus, focusPendingCell } = useGridCursor({
    rows,
    columns,
    focusItemId,
  });
  const { edit, setEdit, startEdit, commitEdit, cancelEdit } = useGridEditing({
    items,
    rows,
    columns,
    canEdit,
    onSave,
    requestFocus,
  });

  // Focus the cell the cursor is on after a move made by the keyboard or the mouse.
  useLayoutEffect(() => focusPendingCell(edit !== null));

  const itemAt = (row: number) => (row >= 0 ? rows[row] : undefined);

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
      cancelEdit();
    } else {
      event.stopPropagation();
    }
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (edit) return;
    const { row, col } = cursor;
    const ctrl = event.ctrlKey || event.metaKey;
    const target = navigationTarget(event.key, ctrl, cursor, rows.length, columns.length);
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
      void navigator.clipboard?.writeText(cellText(item, column, language)).catch(() => undefined);
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
                    <span className="visually-hidden">{columnLabel(column, t)}</span>
                  ) : (
                    <>
                      {columnLabel(column, t)}
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
                  const editing = active && edit?.itemId === item.id && edit.columnId === column.id;
                  const cellEditable = editable && isEditableColumn(column);
                  return (
                    <div
                      key={column.id}
                      role={column.id === ROW_HEADER_COLUMN ? 'rowheader' : 'gridcell'}
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
                        if (!(event.target instanceof HTMLButtonElement)) placeCursor(item.id, col);
                      }}
                      onDoubleClick={() => startEdit(virtualRow.index, col)}
                    >
                      {editing && edit ? (
                        <GridCellEditor
                          item={item}
                          column={column}
                          edit={edit}
                          label={t('grid.editing', { column: columnLabel(column, t), title: item.title })}
                          ekkOptions={ekkOptions}
                          errorId={errorId}
                          onChange={setEdit}
                          onKeyDown={onEditorKeyDown}
                          // Leaving the cell by the mouse saves it, as a spreadsheet does.
                          onBlur={() => commitEdit()}
                        />
                      ) : (
                        <GridCellContent
                          item={item}
                          column={column}
                          central={central}
                          isOpen={openItemId === item.id}
                          onOpen={onOpen}
                        />
                      )}
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
              if (column.id === ROW_HEADER_COLUMN) {
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
