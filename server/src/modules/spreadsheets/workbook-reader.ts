import path from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Language } from '@ikt/shared/messages';
import type { ImportProblem } from '@ikt/shared/spreadsheet.schema';
import {
  CELL_MESSAGES,
  FILE_MESSAGES,
  ImportRejectedError,
  PayloadTooLargeError,
  UnsupportedFileError,
} from './import-errors';
import { readXmlPart, STOP, XmlBoundError, XmlDamagedError, type XmlBounds, type XmlHandler } from './xml-part';
import { columnLetter } from './xlsx-cells';

/** What an upload may be. A generous template of 5,000 items with long texts fits well inside. */
export interface ImportLimits {
  /** The .xlsx file as uploaded. */
  fileBytes: number;
  /** Every part of the file unpacked, together: the zip-bomb guard. */
  unpackedBytes: number;
  /** Parts in the zip. */
  entries: number;
  /** Item rows (non-blank) in the item sheet. */
  rows: number;
  /**
   * The most characters one cell's text may have to be read at all: twice the longest text field
   * takes, since a field counts `\r\n` as one character. A longer cell is read as its length
   * only, and the import names it as a problem of its row.
   */
  cellChars: number;
}

/** The longest text a line item field takes (`businessNeed` and the like): the reader's test checks it. */
export const LONGEST_TEXT_FIELD = 10_000;

export const IMPORT_LIMITS: ImportLimits = {
  fileBytes: 10 * 1024 * 1024,
  unpackedBytes: 100 * 1024 * 1024,
  entries: 2000,
  rows: 10000,
  cellChars: 2 * LONGEST_TEXT_FIELD,
};

/** Rows a sheet may hold besides its items: the template's title, headings and notes. */
const ROWS_BESIDE_ITEMS = 50;
/**
 * What the reader keeps, over the whole workbook, for each row it may take: cells with a value
 * (the template's item row has 26 columns) and characters of text (a shared string counted once,
 * however many cells show it). Past either the workbook is refused (413): what one upload can make
 * the server hold is in proportion to the rows an import takes, not to what the file says.
 */
const CELLS_PER_ROW = 64;
const TEXT_CHARS_PER_ROW = 2000;

const MB = 1024 * 1024;

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const SPREADSHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const MACRO_MAIN = /application\/vnd\.ms-excel\.(sheet|template|addin)\.macroEnabled/i;

/** A cell whose text is longer than `cellChars`: only its length was kept. */
export interface OverlongText {
  overlong: number;
}

/**
 * A cell's value as exceljs would give it, styles aside (so dates are serial numbers): text,
 * number, boolean, `{ formula, result }`, `{ error }`; or an OverlongText.
 */
export type RawCell = ExcelJS.CellValue | OverlongText;

export interface RawSheet {
  name: string;
  /** Rows with any value, by row number; each row's cells by column number (1 = A). */
  rows: { number: number; cells: Map<number, RawCell> }[];
}

/**
 * Opens an uploaded workbook without trusting it: it must be a zip with the parts of an xlsx
 * workbook and no macros, and every part is unpacked once with a running byte count that stops
 * past the limit — a zip bomb is caught while inflating, whatever sizes its headers claim.
 * Nothing unpacked is kept but the content types.
 */
export async function inspectWorkbook(buffer: Buffer, limits: ImportLimits = IMPORT_LIMITS): Promise<JSZip> {
  if (buffer.length > limits.fileBytes) throw new PayloadTooLargeError(FILE_MESSAGES.tooLarge(limits.fileBytes / MB));
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new UnsupportedFileError(FILE_MESSAGES.notXlsx);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    throw new UnsupportedFileError(FILE_MESSAGES.notXlsx);
  }
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  if (names.length > limits.entries) throw new PayloadTooLargeError(FILE_MESSAGES.tooManyParts);
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) throw new UnsupportedFileError(FILE_MESSAGES.macros);
  if (!names.includes('[Content_Types].xml') || !names.includes('xl/workbook.xml')) {
    throw new UnsupportedFileError(FILE_MESSAGES.notXlsx);
  }

  let unpacked = 0;
  const contentTypes: Buffer[] = [];
  for (const name of names) {
    unpacked = await countUnpacked(zip.files[name]!, unpacked, limits.unpackedBytes, (chunk) => {
      if (name === '[Content_Types].xml') contentTypes.push(chunk);
    });
  }
  const types = Buffer.concat(contentTypes).toString('utf8');
  if (MACRO_MAIN.test(types)) throw new UnsupportedFileError(FILE_MESSAGES.macros);
  if (!types.includes(SPREADSHEET_MAIN)) throw new UnsupportedFileError(FILE_MESSAGES.notXlsx);
  return zip;
}

/** Inflates one part, counting; answers the new running total or throws past the limit. */
function countUnpacked(
  entry: JSZip.JSZipObject,
  before: number,
  limit: number,
  keep: (chunk: Buffer) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = before;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(new PayloadTooLargeError(FILE_MESSAGES.unpackedTooLarge(limit / MB)));
        return;
      }
      keep(chunk);
    });
    stream.on('end', () => resolve(total));
    stream.on('error', () => reject(new UnsupportedFileError(FILE_MESSAGES.damaged)));
  });
}

/** A cell showing a shared string, until the shared strings have been read. */
class SharedString {
  constructor(readonly index: number) {}
}

type KeptCell = RawCell | SharedString;

interface KeptSheet {
  name: string;
  rows: { number: number; cells: Map<number, KeptCell> }[];
}

/** One text being read, kept while it is within `cap` characters and only counted past it. */
class CappedText {
  value = '';
  length = 0;
  constructor(private readonly cap: number) {}
  add(text: string): void {
    this.length += text.length;
    if (this.length <= this.cap) this.value += text;
    else this.value = '';
  }
  get overlong(): boolean {
    return this.length > this.cap;
  }
  result(): string | OverlongText {
    return this.overlong ? { overlong: this.length } : this.value;
  }
}

/** Over-long cells named in a refusal; more are counted. */
const CELLS_NAMED = 20;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const CELL_REF = /^\$?([A-Za-z]{1,3})\$?\d*$/;
const WHOLE_NUMBER = /^\d{1,7}$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/**
 * Bounds of the XML reader: a text as long as `cellChars`, written with entities or character
 * references (up to ~8 characters each) still fits one stretch; elements nest a dozen deep in a
 * sheet (extensions included); the root element declares a few dozen namespaces.
 */
function xmlBounds(limits: Pick<ImportLimits, 'cellChars'>): XmlBounds {
  return { stretchChars: 8 * limits.cellChars, depth: 64, attributes: 256 };
}

/** A zip part's name from a relationship's target (relative to `xl/`, or absolute). */
function partName(target: string): string {
  const name = target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target);
  return path.posix.normalize(name);
}

interface ReadingOptions {
  /** The language of the problems a refusal names. */
  language?: Language;
  limits?: Pick<ImportLimits, 'cellChars' | 'entries'>;
}

/**
 * Reads every worksheet's rows, streaming each part as it is inflated (xml-part.ts): the sheets
 * listed in `xl/workbook.xml`, in their order, then only the shared strings their cells show. Sheet
 * data only: no styles, validations or merged ranges, whose ranges a hostile file could make
 * enormous. What is kept is bounded by the rows an import takes, not by the file:
 *
 * - a sheet with more rows with values than `itemRows` and its headings: 413;
 * - more cells with a value, or more characters of text, than that many rows could hold: 413;
 * - a cell's text longer than `cellChars` is kept as its length (OverlongText), which the import
 *   answers as that row's problem; one too long even to be read through (8 × `cellChars`, an XML
 *   stretch) stops the reading with 422 naming it;
 * - shared strings no cell shows are skipped unread, and the part is read no further than the
 *   last one a cell shows (94 MB of unused strings cost nothing).
 *
 * Not XML, or not well-formed: 415 (damaged).
 */
export async function readSheets(
  zip: JSZip,
  itemRows: number,
  onRow?: (rowsRead: number) => void,
  options: ReadingOptions = {},
): Promise<RawSheet[]> {
  const language = options.language ?? 'lv';
  const limits = { ...IMPORT_LIMITS, ...options.limits };
  const bounds = xmlBounds(limits);
  const maxRows = itemRows + ROWS_BESIDE_ITEMS;
  const maxCells = maxRows * CELLS_PER_ROW;
  const maxTextChars = maxRows * TEXT_CHARS_PER_ROW;

  const tooMuch = () => new PayloadTooLargeError(FILE_MESSAGES.tooMuchContent);
  let cellCount = 0;
  let textChars = 0;
  const countText = (length: number) => {
    textChars += length;
    if (textChars > maxTextChars) throw tooMuch();
  };

  /** Reads one part through `handler`, answering the reader's refusals; false when the part is missing. */
  const read = async (name: string, handler: XmlHandler, onStretch?: () => Error | null): Promise<boolean> => {
    const entry = zip.file(name);
    if (!entry) return false;
    try {
      await readXmlPart(entry, handler, bounds);
      return true;
    } catch (error) {
      if (error instanceof XmlDamagedError) throw new UnsupportedFileError(FILE_MESSAGES.damaged);
      if (error instanceof XmlBoundError) throw (error.what === 'stretchChars' ? onStretch?.() : null) ?? tooMuch();
      throw error;
    }
  };
  const damaged = () => new UnsupportedFileError(FILE_MESSAGES.damaged);

  // The workbook's relationships: which part each sheet is, and where the shared strings are.
  const targets = new Map<string, string>();
  let sharedStringsPart = SHARED_STRINGS;
  await read(WORKBOOK_RELS, {
    open(name, attributes) {
      if (name !== 'Relationship' || !attributes.Id || !attributes.Target) return;
      const type = attributes.Type ?? '';
      if (type.endsWith('/sharedStrings')) sharedStringsPart = partName(attributes.Target);
      else if (type.endsWith('/worksheet')) {
        if (targets.size >= limits.entries) throw new PayloadTooLargeError(FILE_MESSAGES.tooManyParts);
        targets.set(attributes.Id, partName(attributes.Target));
      }
    },
    close() {},
    text() {},
  });
  const listed: { name: string; part: string }[] = [];
  await read(WORKBOOK, {
    open(name, attributes) {
      if (name !== 'sheet') return;
      const id = Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
      const part = id === undefined ? undefined : targets.get(id);
      if (part !== undefined && attributes.name !== undefined) listed.push({ name: attributes.name, part });
    },
    close() {},
    text() {},
  });

  // The sheets: cells as values, shared strings as their index for now.
  const sheets: KeptSheet[] = [];
  const shown = new Set<number>();
  let lastShown = -1;
  let rowsRead = 0;
  for (const { name: sheetName, part } of listed) {
    const sheet: KeptSheet = { name: sheetName, rows: [] };
    let inData = false;
    let row: KeptSheet['rows'][number] | null = null;
    let lastRow = 0;
    let lastColumn = 0;
    let cell: (CellBeingRead & { column: number }) | null = null;
    let inInline = false;
    let inPhonetic = false;
    let target: CappedText | null = null;

    const finishCell = () => {
      if (!row || !cell) return;
      const value = cellValue(cell);
      if (value === null || value === '') return;
      if (++cellCount > maxCells) throw tooMuch();
      if (typeof value === 'string') countText(value.length);
      else if (value instanceof SharedString) {
        shown.add(value.index);
        lastShown = Math.max(lastShown, value.index);
      } else if (typeof value === 'object' && 'formula' in value && typeof value.result === 'string') {
        countText(value.result.length);
      }
      row.cells.set(cell.column, value);
    };
    const finishRow = () => {
      if (!row || row.cells.size === 0) return;
      sheet.rows.push(row);
      if (sheet.rows.length > maxRows) throw new PayloadTooLargeError(FILE_MESSAGES.tooManyRows(itemRows));
      rowsRead++;
      if (rowsRead % 500 === 0) onRow?.(rowsRead);
    };

    const found = await read(
      part,
      {
        open(name, attributes) {
          if (name === 'sheetData') inData = true;
          if (!inData) return;
          switch (name) {
            case 'row': {
              const r = attributes.r;
              const number = r === undefined ? lastRow + 1 : WHOLE_NUMBER.test(r) ? Number(r) : Number.NaN;
              if (!(number >= 1 && number <= MAX_ROW)) throw damaged();
              row = { number, cells: new Map() };
              lastRow = number;
              lastColumn = 0;
              break;
            }
            case 'c': {
              if (!row) return;
              const letters = attributes.r === undefined ? null : CELL_REF.exec(attributes.r)?.[1];
              if (letters === undefined) throw damaged();
              const column = letters === null ? lastColumn + 1 : columnNumber(letters);
              if (column > MAX_COLUMN) throw damaged();
              lastColumn = column;
              cell = { column, type: attributes.t ?? 'n', formula: null, value: null, inline: null };
              break;
            }
            case 'f':
              if (cell) target = cell.formula = new CappedText(limits.cellChars);
              break;
            case 'v':
              if (cell) target = cell.value = new CappedText(limits.cellChars);
              break;
            case 'is':
              if (cell) {
                cell.inline = new CappedText(limits.cellChars);
                inInline = true;
              }
              break;
            case 'rPh':
              inPhonetic = true;
              break;
            case 't':
              if (cell?.inline && inInline && !inPhonetic) target = cell.inline;
              break;
          }
        },
        close(name) {
          switch (name) {
            case 'sheetData':
              inData = false;
              break;
            case 'f':
            case 'v':
            case 't':
              target = null;
              break;
            case 'is':
              inInline = false;
              break;
            case 'rPh':
              inPhonetic = false;
              break;
            case 'c':
              finishCell();
              cell = null;
              target = null;
              break;
            case 'row':
              finishRow();
              row = null;
              break;
          }
        },
        text(text) {
          target?.add(text);
        },
      },
      // A text too long to read through: named, since the cell being read is known.
      () =>
        row && cell
          ? refusal(language, limits.cellChars, [{ sheet: sheetName, row: row.number, column: cell.column }])
          : null,
    );
    if (found) sheets.push(sheet);
  }

  // Then the shared strings the cells show, and no further than the last of them.
  const strings = new Map<number, string | OverlongText>();
  if (shown.size > 0) {
    let index = 0;
    let current: CappedText | null = null;
    let inPhonetic = false;
    let target: CappedText | null = null;
    await read(
      sharedStringsPart,
      {
        open(name) {
          if (name === 'si') current = shown.has(index) ? new CappedText(limits.cellChars) : null;
          else if (name === 'rPh') inPhonetic = true;
          else if (name === 't' && current && !inPhonetic) target = current;
        },
        close(name) {
          if (name === 't') target = null;
          else if (name === 'rPh') inPhonetic = false;
          else if (name === 'si') {
            if (current) {
              const text = current.result();
              if (typeof text === 'string') countText(text.length);
              strings.set(index, text);
            }
            current = target = null;
            index++;
            if (index > lastShown) return STOP;
          }
        },
        text(text) {
          target?.add(text);
        },
      },
      () => (current ? refusal(language, limits.cellChars, cellsShowing(sheets, index)) : null),
    );
  }

  // Every shared string in its cells; a cell whose string is empty or missing has no value.
  const result: RawSheet[] = sheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows
      .map((row) => {
        const cells = new Map<number, RawCell>();
        for (const [column, value] of row.cells) {
          const resolved = value instanceof SharedString ? strings.get(value.index) : value;
          if (resolved !== undefined && resolved !== '') cells.set(column, resolved);
        }
        return { number: row.number, cells };
      })
      .filter((row) => row.cells.size > 0),
  }));
  onRow?.(rowsRead);
  return result;
}

interface CellBeingRead {
  type: string;
  formula: CappedText | null;
  value: CappedText | null;
  inline: CappedText | null;
}

/** A cell's value from its type (`t`), formula, value and inline string; null when it has none. */
function cellValue({ type, formula, value, inline }: CellBeingRead): KeptCell | null {
  for (const text of [formula, value, inline]) if (text?.overlong) return { overlong: text.length };
  const v = value?.value;
  if (formula) {
    const f = formula.value;
    if (v === undefined) return { formula: f } as RawCell;
    switch (type) {
      case 'str':
        return { formula: f, result: v } as RawCell;
      case 'b':
        return { formula: f, result: Number(v) !== 0 } as RawCell;
      case 'e':
        return { error: v } as RawCell;
      default:
        return v.trim() === '' ? ({ formula: f } as RawCell) : ({ formula: f, result: Number(v) } as RawCell);
    }
  }
  switch (type) {
    case 's': {
      if (v === undefined || !WHOLE_NUMBER.test(v.trim())) return null;
      return new SharedString(Number(v.trim()));
    }
    case 'inlineStr':
      return inline ? inline.value : (v ?? null);
    case 'str':
      return v ?? null;
    case 'b':
      return v === undefined || v.trim() === '' ? null : parseInt(v, 10) !== 0;
    case 'e':
      return v === undefined ? null : ({ error: v } as RawCell);
    case 'd': {
      if (v === undefined || v.trim() === '') return null;
      const date = new Date(v);
      return Number.isNaN(date.getTime()) ? v : date;
    }
    default:
      return v === undefined || v.trim() === '' ? null : Number(v);
  }
}

interface CellLocation {
  sheet: string;
  row: number;
  column: number;
}

/** The cells that show the shared string `index`. */
function cellsShowing(sheets: readonly KeptSheet[], index: number): CellLocation[] {
  const found: CellLocation[] = [];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      for (const [column, value] of row.cells) {
        if (value instanceof SharedString && value.index === index)
          found.push({ sheet: sheet.name, row: row.number, column });
      }
    }
  }
  return found;
}

/** 422 naming the cells whose text is too long to be read through (the first CELLS_NAMED of them). */
function refusal(language: Language, cellChars: number, cells: readonly CellLocation[]): ImportRejectedError {
  const message = CELL_MESSAGES.farTooLong(8 * cellChars, LONGEST_TEXT_FIELD)[language];
  const problems: ImportProblem[] = cells.slice(0, CELLS_NAMED).map((cell) => ({
    kind: 'invalid',
    sheet: cell.sheet,
    row: cell.row,
    column: columnLetter(cell.column),
    columnName: null,
    message,
  }));
  return new ImportRejectedError(FILE_MESSAGES.rejected, problems);
}
