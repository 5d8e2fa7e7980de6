/** A place in the sheet: row -1 is the header row; col counts columns from the left. */
export interface GridCursor {
  row: number;
  col: number;
}

const PAGE_ROWS = 10;

/**
 * Where a navigation key moves the cursor, before it is held inside the sheet: arrows, Home/End
 * (with Ctrl the first and last row), PageUp/PageDown. Undefined for any other key.
 */
export function navigationTarget(
  key: string,
  ctrl: boolean,
  { row, col }: GridCursor,
  rowCount: number,
  columnCount: number,
): [number, number] | undefined {
  const moves: Record<string, [number, number] | undefined> = {
    ArrowUp: [row - 1, col],
    ArrowDown: [row + 1, col],
    ArrowLeft: [row, col - 1],
    ArrowRight: [row, col + 1],
    Home: ctrl ? [0, 0] : [row, 0],
    End: ctrl ? [rowCount - 1, columnCount - 1] : [row, columnCount - 1],
    PageUp: [row === -1 ? -1 : Math.max(0, row - PAGE_ROWS), col],
    PageDown: [row + PAGE_ROWS, col],
  };
  return moves[key];
}
