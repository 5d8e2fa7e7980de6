/**
 * Reads cells copied from Excel, LibreOffice or Google Sheets: text/plain as tab-separated
 * values. Rows end with CRLF, LF or CR; a cell that holds a tab, a line break or a quote comes
 * wrapped in double quotes with inner quotes doubled. A quote that does not close properly is
 * kept as typed. Rows are padded to the widest row (a selection's trailing empty cells are often
 * left out), and rows with nothing in them are dropped.
 */
export interface ClipboardTable {
  rows: string[][];
  width: number;
}

export function parseClipboardTable(text: string): ClipboardTable {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const length = text.length;

  const endOfRowAt = (at: number) => text[at] === '\n' || text[at] === '\r';
  const skipRowEnd = (at: number) => (text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1);

  while (i <= length) {
    let cell: string;
    const quoted = text[i] === '"' ? readQuoted(text, i) : undefined;
    if (quoted) {
      cell = quoted.value;
      i = quoted.end;
    } else {
      let end = i;
      while (end < length && text[end] !== '\t' && !endOfRowAt(end)) end += 1;
      cell = text.slice(i, end);
      i = end;
    }
    row.push(cell);

    if (i >= length) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i += 1;
      continue;
    }
    // A row ends; a line break at the very end of the text ends the last row, not a new one.
    rows.push(row);
    row = [];
    i = skipRowEnd(i);
    if (i >= length) break;
  }

  const filled = rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
  const width = filled.reduce((widest, cells) => Math.max(widest, cells.length), 0);
  return {
    rows: filled.map((cells) =>
      cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells,
    ),
    width,
  };
}

/**
 * A quoted cell starting at `start`: its value and where the text goes on after it. Undefined
 * when the closing quote is not followed by a tab, a line break or the end — then the quote was
 * part of the text, as in `"Rīga" un Jūrmala`.
 */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = text[i + 1];
      if (next === undefined || next === '\t' || next === '\n' || next === '\r') {
        return { value: value.replace(/\r\n?/g, '\n'), end: i + 1 };
      }
      return undefined;
    }
    value += char;
    i += 1;
  }
  return undefined;
}
