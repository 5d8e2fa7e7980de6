import type { LineItem } from '@ikt/shared/line-item.schema';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridCursor } from '../utils/grid-keys';
import { columnIndex, remInPixels, ROW_HEADER_COLUMN, ROW_HEIGHT_REM } from '../utils/grid-layout';
import type { GridColumn } from '../utils/grid-model';

/**
 * The sheet's cursor and the rows in the page. The cursor follows an item, not a position, so
 * sorting or filtering keeps it on the same row; only the rows in view (and the cursor's) are
 * rendered, so thousands of items scroll smoothly.
 */
export function useGridCursor({
  rows,
  columns,
  focusItemId,
}: {
  rows: readonly LineItem[];
  columns: readonly GridColumn[];
  focusItemId: number | undefined;
}) {
  const [cursorItemId, setCursorItemId] = useState<number | 'header' | undefined>();
  const [cursorCol, setCursorCol] = useState(() => columnIndex(columns, ROW_HEADER_COLUMN));
  const rowIndex =
    cursorItemId === 'header'
      ? -1
      : Math.max(
          0,
          rows.findIndex((item) => item.id === cursorItemId),
        );
  const cursor: GridCursor = { row: rows.length === 0 ? -1 : rowIndex, col: Math.min(cursorCol, columns.length - 1) };
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

  /** The mouse put the cursor on a cell (no scrolling: it is in view). */
  const placeCursor = (itemId: number, col: number) => {
    setCursorItemId(itemId);
    setCursorCol(col);
    focusPending.current = true;
  };

  /** Ask for the cursor's cell (or its editor) to take focus after the next render. */
  const requestFocus = () => {
    focusPending.current = true;
  };

  /** Called after every render: focuses the cell (or the editor) a move or an edit asked for. */
  const focusPendingCell = (editing: boolean) => {
    if (!focusPending.current) return;
    const selector = editing ? '[data-editor]' : `[data-row="${cursor.row}"][data-col="${cursor.col}"]`;
    const target = gridRef.current?.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus({ preventScroll: cursor.row === -1 ? false : true });
      focusPending.current = false;
    }
  };

  return { cursor, gridRef, virtualizer, moveTo, placeCursor, requestFocus, focusPendingCell };
}
