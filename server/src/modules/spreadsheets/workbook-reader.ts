import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FILE_MESSAGES, PayloadTooLargeError, UnsupportedFileError } from './import-errors';

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
}

export const IMPORT_LIMITS: ImportLimits = {
  fileBytes: 10 * 1024 * 1024,
  unpackedBytes: 100 * 1024 * 1024,
  entries: 2000,
  rows: 10000,
};

/** Rows a sheet may hold besides its items: the template's title, headings and notes. */
const ROWS_BESIDE_ITEMS = 50;

const MB = 1024 * 1024;

/** The parts exceljs needs to read cell values, in the order that lets it stream (strings first). */
const NEEDED_PARTS = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const SPREADSHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const MACRO_MAIN = /application\/vnd\.ms-excel\.(sheet|template|addin)\.macroEnabled/i;

export type RawCell = ExcelJS.CellValue;

export interface RawSheet {
  name: string;
  /** Rows with any value, by row number; each row's cells by column number (1 = A). */
  rows: { number: number; cells: Map<number, RawCell> }[];
}

/**
 * Opens an uploaded workbook without trusting it: it must be a zip with the parts of an xlsx
 * workbook and no macros, and every part is unpacked once with a running byte count that stops
 * past the limit — a zip bomb is caught while inflating, whatever sizes its headers claim.
 * Only then does exceljs read it, from a copy holding just the parts already checked.
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

/**
 * Reads every worksheet's rows with exceljs's streaming reader (sheet data only: no styles,
 * validations or merged ranges, whose ranges a hostile file could make enormous). Stops with
 * 413 once a sheet holds more rows with values than `itemRows` and its headings could explain.
 */
export async function readSheets(
  zip: JSZip,
  itemRows: number,
  onRow?: (rowsRead: number) => void,
): Promise<RawSheet[]> {
  const maxRows = itemRows + ROWS_BESIDE_ITEMS;
  const checked = new JSZip();
  const parts = [
    ...NEEDED_PARTS,
    SHARED_STRINGS,
    ...Object.keys(zip.files)
      .filter((name) => WORKSHEET.test(name))
      .sort(),
  ];
  for (const name of parts) {
    const entry = zip.file(name);
    if (entry) checked.file(name, entry.nodeStream('nodebuffer'));
  }
  // JSZip's stream is an old readable-stream; exceljs wants a Node stream.
  const input = new PassThrough();
  const zipped = checked.generateNodeStream({ compression: 'STORE', streamFiles: false });
  zipped.on('error', (error: Error) => input.destroy(error));
  zipped.pipe(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });

  const sheets: RawSheet[] = [];
  let read = 0;
  try {
    for await (const worksheet of reader) {
      const sheet: RawSheet = { name: (worksheet as unknown as { name: string }).name, rows: [] };
      sheets.push(sheet);
      for await (const row of worksheet) {
        const cells = new Map<number, RawCell>();
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const value = cell.value;
          if (value === null || value === undefined || value === '') return;
          // `cell.value` of a formula drops a result of 0; `cell.result` keeps it.
          cells.set(
            column,
            typeof value === 'object' && 'formula' in value ? { ...value, result: cell.result } : value,
          );
        });
        if (cells.size === 0) continue;
        sheet.rows.push({ number: row.number, cells });
        if (sheet.rows.length > maxRows) throw new PayloadTooLargeError(FILE_MESSAGES.tooManyRows(itemRows));
        read++;
        if (read % 500 === 0) onRow?.(read);
      }
    }
  } catch (error) {
    if (error instanceof PayloadTooLargeError) throw error;
    throw new UnsupportedFileError(FILE_MESSAGES.damaged);
  } finally {
    input.destroy();
  }
  onRow?.(read);
  return sheets;
}
