import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * Hostile workbooks for the import's tests and the bench: real workbooks from exceljs with their
 * shared strings swollen. The swollen part is deflated as it is made, a megabyte at a time, so
 * making the file never holds its 94 MB: a test or the bench measuring what the server holds
 * would otherwise measure its own garbage.
 */

const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** A cell showing a shared string, as exceljs writes it: `<c r="B7" s="3" t="s"><v>12</v></c>`. */
const SHOWN_STRING = /(<c\b[^>]*\bt="s"[^>]*>)<v>(\d+)<\/v>/g;
const MB = 1024 * 1024;

/** A part's content: a buffer, or buffers one after another (the same one may repeat). */
type Content = Buffer | readonly Buffer[];

export interface SwollenStrings {
  /** The unused strings, unpacked: the report's file had 94 MB. */
  megabytes: number;
  /** Characters of each (`x` repeated). */
  chars?: number;
}

/**
 * The workbook with `megabytes` of shared strings no cell shows put before its own: each shared
 * string a cell shows moves to the end of the part, so a reader has to go through all of them.
 * The workbook must have shared strings (exceljs's Workbook writes them; its streaming writer
 * does not).
 */
export async function withUnusedSharedStrings(workbook: Buffer, swollen: SwollenStrings): Promise<Buffer> {
  return zip(swell(await unzip(workbook), swollen));
}

/**
 * The shape of the file in the security report: a few hundred KB whose shared strings unpack to
 * `megabytes` MB. A one-sheet workbook (`Pozīcijas`) with a few cells; the strings it shows come
 * after the unused ones. `showAll`: rows of eight cells more, showing every unused string — text
 * enough for far more rows than an import takes.
 */
export async function sharedStringsBomb(megabytes = 94, options: { showAll?: boolean } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Pozīcijas').addRow(['Budžets', 'ā ž 😀']);
  const parts = await unzip(Buffer.from(await book.xlsx.writeBuffer()));
  const count = unusedCount({ megabytes });
  const swollen = swell(parts, { megabytes });
  if (options.showAll) {
    const name = [...swollen.keys()].find((n) => SHEET.test(n))!;
    // Eight cells a row, so that the rows stay within the import's limit and the text does not.
    const rows = Array.from({ length: Math.ceil(count / 8) }, (_, r) => {
      const cells = Array.from({ length: Math.min(8, count - r * 8) }, (_, c) => {
        const column = String.fromCharCode(65 + c);
        return `<c r="${column}${r + 2}" t="s"><v>${r * 8 + c}</v></c>`;
      });
      return `<row r="${r + 2}">${cells.join('')}</row>`;
    });
    const xml = (swollen.get(name) as Buffer).toString('utf8');
    swollen.set(name, Buffer.from(xml.replace('</row>', `</row>${rows.join('')}`)));
  }
  return zip(swollen);
}

function unusedString(swollen: SwollenStrings): Buffer {
  return Buffer.from(`<si><t>${'x'.repeat(swollen.chars ?? 5_000)}</t></si>`);
}

/** How many unused strings `swell` puts in. */
function unusedCount(swollen: SwollenStrings): number {
  return Math.ceil((swollen.megabytes * MB) / unusedString(swollen).length);
}

/** The parts with the unused strings put first in the shared strings, and the sheets' indexes moved past them. */
function swell(parts: Map<string, Content>, swollen: SwollenStrings): Map<string, Content> {
  const own = (parts.get(SHARED_STRINGS) as Buffer | undefined)?.toString('utf8');
  if (own === undefined) throw new Error('the workbook has no shared strings');
  const open = /<sst\b[^>]*>/.exec(own);
  if (!open) throw new Error('no <sst> in the shared strings');
  const ownItems = own.slice(open.index + open[0].length).replace(/<\/sst>\s*$/, '');
  const ownCount = (ownItems.match(/<si>/g) ?? []).length;
  const count = unusedCount(swollen);
  // About a megabyte of unused strings, the same buffer again and again.
  const perBlock = Math.max(1, Math.floor(MB / unusedString(swollen).length));
  const block = Buffer.concat(Array.from({ length: perBlock }, () => unusedString(swollen)));
  const rest = Buffer.concat(Array.from({ length: count % perBlock }, () => unusedString(swollen)));

  const result = new Map(parts);
  result.set(SHARED_STRINGS, [
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${SPREADSHEET_NS}" count="${count + ownCount}" uniqueCount="${count + ownCount}">`,
    ),
    ...Array.from({ length: Math.floor(count / perBlock) }, () => block),
    rest,
    Buffer.from(`${ownItems}</sst>`),
  ]);
  for (const [name, content] of parts) {
    if (!SHEET.test(name)) continue;
    const xml = (content as Buffer).toString('utf8');
    result.set(
      name,
      Buffer.from(
        xml.replace(SHOWN_STRING, (_, cell: string, index: string) => `${cell}<v>${Number(index) + count}</v>`),
      ),
    );
  }
  return result;
}

async function unzip(buffer: Buffer): Promise<Map<string, Content>> {
  const archive = await JSZip.loadAsync(buffer);
  const parts = new Map<string, Content>();
  for (const file of Object.values(archive.files)) {
    if (!file.dir) parts.set(file.name, await file.async('nodebuffer'));
  }
  return parts;
}

/** Deflates the buffers one after another; answers the deflated bytes, the CRC-32 and the size of the content. */
async function deflate(content: Content): Promise<{ data: Buffer; crc: number; size: number }> {
  const chunks = Buffer.isBuffer(content) ? [content] : content;
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflater.write(chunk)) await once(deflater, 'drain');
  }
  deflater.end();
  await once(deflater, 'end');
  return { data: Buffer.concat(out), crc, size };
}

/** A zip of these files, each deflated: local headers, data, then the central directory. */
async function zip(files: Map<string, Content>): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const { data, crc, size } = await deflate(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // version made by
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
