import path from 'node:path';
import JSZip from 'jszip';
import type { Language } from '@ikt/shared/messages';
import type { ImportProblem } from '@ikt/shared/spreadsheet.schema';
import { ImportRejectedError, PayloadTooLargeError, UnsupportedFileError } from './import-errors';
import { message, translate } from '../../messages/message';
import { readXmlPart, STOP, XmlBoundError, XmlDamagedError, type XmlBounds, type XmlHandler } from './xml-part';
import { columnLetter, columnNumber } from './xlsx-cells';

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
 * A number cell as the file writes it (`<v>1234.56</v>`): its decimal text, never turned into a
 * JavaScript number here, so an amount reaches decimal.js without passing through a float.
 */
export interface NumberCell {
  number: string;
}

/**
 * A cell's value as written, styles aside (so a date is its serial number; only a cell typed as a
 * date, `t="d"`, is a Date): text (rich text as its plain text), a number, a boolean, a formula
 * with the result Excel computed if it did, an error (`#N/A`), or an OverlongText.
 */
export type RawCell =
  | string
  | NumberCell
  | boolean
  | Date
  | { formula: string; result?: string | NumberCell | boolean }
  | { error: string }
  | OverlongText;

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
  if (buffer.length > limits.fileBytes)
    throw new PayloadTooLargeError(message('import.tooLarge', { megabytes: limits.fileBytes / MB }));
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50)
    throw new UnsupportedFileError(message('import.notXlsx'));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    throw new UnsupportedFileError(message('import.notXlsx'));
  }
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  if (names.length > limits.entries) throw new PayloadTooLargeError(message('import.tooManyParts'));
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name)))
    throw new UnsupportedFileError(message('import.macros'));
  if (!names.includes('[Content_Types].xml') || !names.includes('xl/workbook.xml')) {
    throw new UnsupportedFileError(message('import.notXlsx'));
  }

  let unpacked = 0;
  const contentTypes: Buffer[] = [];
  for (const name of names) {
    unpacked = await countUnpacked(zip.files[name]!, unpacked, limits.unpackedBytes, (chunk) => {
      if (name === '[Content_Types].xml') contentTypes.push(chunk);
    });
  }
  const types = Buffer.concat(contentTypes).toString('utf8');
  if (MACRO_MAIN.test(types)) throw new UnsupportedFileError(message('import.macros'));
  if (!types.includes(SPREADSHEET_MAIN)) throw new UnsupportedFileError(message('import.notXlsx'));
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
        reject(new PayloadTooLargeError(message('import.unpackedTooLarge', { megabytes: limit / MB })));
        return;
      }
      keep(chunk);
    });
    stream.on('end', () => resolve(total));
    stream.on('error', () => reject(new UnsupportedFileError(message('import.damaged'))));
  });
}

/** Over-long cells named in a refusal; more are counted. */
const CELLS_NAMED = 20;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const CELL_REF = /^\$?([A-Za-z]{1,3})\$?\d*$/;
const WHOLE_NUMBER = /^\d{1,7}$/;

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
  const reading = new Reading(zip, itemRows, options);
  const listed = await listSheets(reading);
  const sheets: KeptSheet[] = [];
  let rowsRead = 0;
  for (const { name, part } of listed.sheets) {
    const sheet = await readSheet(reading, name, part, () => {
      rowsRead++;
      if (rowsRead % 500 === 0) onRow?.(rowsRead);
    });
    if (sheet) sheets.push(sheet);
  }
  const strings = await readSharedStrings(reading, listed.sharedStrings, sheets);
  onRow?.(rowsRead);

  // Every shared string in its cells; a cell whose string is empty or missing has no value.
  return sheets.map((sheet) => ({
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

interface CellLocation {
  sheet: string;
  row: number;
  column: number;
}

/**
 * One upload being read: its parts, each through the XML reader with its bounds, and a count of
 * what has been kept of it against what the rows an import takes could hold.
 */
class Reading {
  readonly limits: Pick<ImportLimits, 'cellChars' | 'entries'>;
  readonly maxRows: number;
  private readonly language: Language;
  private readonly bounds: XmlBounds;
  private cells = 0;
  private textChars = 0;

  constructor(
    private readonly zip: JSZip,
    readonly itemRows: number,
    options: ReadingOptions,
  ) {
    this.limits = { ...IMPORT_LIMITS, ...options.limits };
    this.language = options.language ?? 'lv';
    this.maxRows = itemRows + ROWS_BESIDE_ITEMS;
    // A text as long as `cellChars`, written with entities or character references (up to ~8
    // characters each), still fits one stretch; elements nest a dozen deep in a sheet (extensions
    // included).
    this.bounds = { stretchChars: 8 * this.limits.cellChars, depth: 64 };
  }

  /**
   * Reads one part through `handler`; false when the part is missing. Past the length of one
   * stretch of text, `onStretch` may name the cell being read.
   */
  async read(name: string, handler: XmlHandler, onStretch?: () => Error | null): Promise<boolean> {
    const entry = this.zip.file(name);
    if (!entry) return false;
    try {
      await readXmlPart(entry, handler, this.bounds);
      return true;
    } catch (error) {
      if (error instanceof XmlDamagedError) throw damaged();
      if (error instanceof XmlBoundError) throw (error.what === 'stretchChars' ? onStretch?.() : null) ?? tooMuch();
      throw error;
    }
  }

  keepCell(): void {
    if (++this.cells > this.maxRows * CELLS_PER_ROW) throw tooMuch();
  }

  keepText(length: number): void {
    this.textChars += length;
    if (this.textChars > this.maxRows * TEXT_CHARS_PER_ROW) throw tooMuch();
  }

  /** 422 naming the cells whose text is too long to be read through (the first CELLS_NAMED of them). */
  farTooLong(cells: readonly CellLocation[]): ImportRejectedError {
    const cellChars = this.limits.cellChars;
    const text = translate(
      message('import.cellFarTooLong', { chars: 8 * cellChars, longest: LONGEST_TEXT_FIELD }),
      this.language,
    );
    const problems: ImportProblem[] = cells.slice(0, CELLS_NAMED).map((cell) => ({
      kind: 'invalid',
      sheet: cell.sheet,
      row: cell.row,
      column: columnLetter(cell.column),
      columnName: null,
      message: text,
    }));
    return new ImportRejectedError(message('import.rejected'), problems);
  }
}

const tooMuch = () => new PayloadTooLargeError(message('import.tooMuchContent'));
const damaged = () => new UnsupportedFileError(message('import.damaged'));

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

/**
 * The text of a string item — a shared string (`<si>`) or a cell's inline string (`<is>`): its
 * `<t>` elements, those of rich text runs (`<r>`) included, phonetic guides (`<rPh>`) left out.
 */
class StringItem {
  readonly text: CappedText;
  private phonetic = false;
  private inText = false;
  constructor(cap: number) {
    this.text = new CappedText(cap);
  }
  open(name: string): void {
    if (name === 'rPh') this.phonetic = true;
    else if (name === 't' && !this.phonetic) this.inText = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.phonetic = false;
    else if (name === 't') this.inText = false;
  }
  add(text: string): void {
    if (this.inText) this.text.add(text);
  }
}

/** The workbook's sheets as `xl/workbook.xml` lists them, with their parts, and the shared strings' part. */
async function listSheets(
  reading: Reading,
): Promise<{ sheets: { name: string; part: string }[]; sharedStrings: string }> {
  const parts = new Map<string, string>();
  let sharedStrings = SHARED_STRINGS;
  await reading.read(WORKBOOK_RELS, {
    open(name, attributes) {
      if (name !== 'Relationship' || !attributes.Id || !attributes.Target) return;
      const type = attributes.Type ?? '';
      if (type.endsWith('/sharedStrings')) sharedStrings = partName(attributes.Target);
      else if (type.endsWith('/worksheet')) {
        if (parts.size >= reading.limits.entries) throw new PayloadTooLargeError(message('import.tooManyParts'));
        parts.set(attributes.Id, partName(attributes.Target));
      }
    },
  });
  const sheets: { name: string; part: string }[] = [];
  await reading.read(WORKBOOK, {
    open(name, attributes) {
      if (name !== 'sheet') return;
      const id = Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
      const part = id === undefined ? undefined : parts.get(id);
      if (part !== undefined && attributes.name !== undefined) sheets.push({ name: attributes.name, part });
    },
  });
  return { sheets, sharedStrings };
}

interface CellBeingRead {
  column: number;
  type: string;
  formula: CappedText | null;
  value: CappedText | null;
  inline: StringItem | null;
}

/** One sheet's rows with values: cells as values, shared strings as their index for now. Null when the part is missing. */
async function readSheet(reading: Reading, name: string, part: string, onRow: () => void): Promise<KeptSheet | null> {
  const cap = reading.limits.cellChars;
  const sheet: KeptSheet = { name, rows: [] };
  let inData = false;
  let row: KeptSheet['rows'][number] | null = null;
  let lastRow = 0;
  let lastColumn = 0;
  let cell: CellBeingRead | null = null;
  // Where text goes: the `<f>` or `<v>` being read, or the `<is>` (which has elements of its own).
  let text: CappedText | null = null;
  let inline: StringItem | null = null;

  const keepCell = (into: NonNullable<typeof row>, read: CellBeingRead) => {
    const value = cellValue(read);
    if (value === null || value === '') return;
    reading.keepCell();
    if (typeof value === 'string') reading.keepText(value.length);
    else if (typeof value === 'object' && 'formula' in value && typeof value.result === 'string') {
      reading.keepText(value.result.length);
    }
    into.cells.set(read.column, value);
  };

  const found = await reading.read(
    part,
    {
      open(element, attributes) {
        if (element === 'sheetData') inData = true;
        if (!inData) return;
        if (inline) {
          inline.open(element);
          return;
        }
        switch (element) {
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
            if (cell) text = cell.formula = new CappedText(cap);
            break;
          case 'v':
            if (cell) text = cell.value = new CappedText(cap);
            break;
          case 'is':
            if (cell) inline = cell.inline = new StringItem(cap);
            break;
        }
      },
      close(element) {
        if (inline && element !== 'is') {
          inline.close(element);
          return;
        }
        switch (element) {
          case 'sheetData':
            inData = false;
            break;
          case 'f':
          case 'v':
            text = null;
            break;
          case 'is':
            inline = null;
            break;
          case 'c':
            if (row && cell) keepCell(row, cell);
            cell = null;
            break;
          case 'row':
            if (row && row.cells.size > 0) {
              sheet.rows.push(row);
              if (sheet.rows.length > reading.maxRows) {
                throw new PayloadTooLargeError(message('import.tooManyRows', { rows: reading.itemRows }));
              }
              onRow();
            }
            row = null;
            break;
        }
      },
      text(chars) {
        (inline ?? text)?.add(chars);
      },
    },
    // A text too long to read through: named, since the cell being read is known.
    () => (row && cell ? reading.farTooLong([{ sheet: name, row: row.number, column: cell.column }]) : null),
  );
  return found ? sheet : null;
}

/** A cell's value from its type (`t`), formula, value and inline string; null when it has none. */
function cellValue({ type, formula, value, inline }: CellBeingRead): KeptCell | null {
  for (const text of [formula, value, inline?.text]) if (text?.overlong) return { overlong: text.length };
  const v = value?.value;
  if (formula) {
    const f = formula.value;
    if (v === undefined) return { formula: f };
    switch (type) {
      case 'str':
        return { formula: f, result: v };
      case 'b':
        return { formula: f, result: Number(v) !== 0 };
      case 'e':
        return { error: v };
      default:
        return v.trim() === '' ? { formula: f } : { formula: f, result: { number: v.trim() } };
    }
  }
  switch (type) {
    case 's':
      return v === undefined || !WHOLE_NUMBER.test(v.trim()) ? null : new SharedString(Number(v.trim()));
    case 'inlineStr':
      return inline ? inline.text.value : (v ?? null);
    case 'str':
      return v ?? null;
    case 'b':
      return v === undefined || v.trim() === '' ? null : Number(v) !== 0;
    case 'e':
      return v === undefined ? null : { error: v };
    case 'd': {
      if (v === undefined || v.trim() === '') return null;
      const date = new Date(v);
      return Number.isNaN(date.getTime()) ? v : date;
    }
    default:
      return v === undefined || v.trim() === '' ? null : { number: v.trim() };
  }
}

/**
 * The shared strings the sheets' cells show, read no further than the last of them; the others
 * are skipped without being kept.
 */
async function readSharedStrings(
  reading: Reading,
  part: string,
  sheets: readonly KeptSheet[],
): Promise<Map<number, string | OverlongText>> {
  const shown = new Set<number>();
  let last = -1;
  for (const value of keptCells(sheets)) {
    if (!(value.value instanceof SharedString)) continue;
    shown.add(value.value.index);
    last = Math.max(last, value.value.index);
  }
  const strings = new Map<number, string | OverlongText>();
  if (shown.size === 0) return strings;

  let index = 0;
  let item: StringItem | null = null;
  await reading.read(
    part,
    {
      open(name) {
        if (name === 'si') item = shown.has(index) ? new StringItem(reading.limits.cellChars) : null;
        else item?.open(name);
      },
      close(name) {
        if (name !== 'si') {
          item?.close(name);
          return;
        }
        if (item) {
          const text = item.text.result();
          if (typeof text === 'string') reading.keepText(text.length);
          strings.set(index, text);
        }
        item = null;
        index++;
        return index > last ? STOP : undefined;
      },
      text(text) {
        item?.add(text);
      },
    },
    () =>
      item
        ? reading.farTooLong(
            [...keptCells(sheets)].filter((c) => c.value instanceof SharedString && c.value.index === index),
          )
        : null,
  );
  return strings;
}

/** Every kept cell with where it is. */
function* keptCells(sheets: readonly KeptSheet[]): Generator<CellLocation & { value: KeptCell }> {
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      for (const [column, value] of row.cells) yield { sheet: sheet.name, row: row.number, column, value };
    }
  }
}
