import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createLineItemInputSchema } from '@ikt/shared/line-item.schema';
import { ImportRejectedError, PayloadTooLargeError, UnsupportedFileError } from './import-errors';
import { IMPORT_LIMITS, inspectWorkbook, LONGEST_TEXT_FIELD, readSheets } from './workbook-reader';

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Pozīcijas');
  for (const row of rows) sheet.addRow(row);
  sheet.getCell('C1').value = { formula: 'A1*2', result: 0 };
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function repack(buffer: Buffer, change: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  await change(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('opening an upload', () => {
  it('reads the rows with values, and a formula with its computed value (0 included)', async () => {
    const sheets = await readSheets(await inspectWorkbook(await workbook([[1, 'a'], [], [3, 'c']])), 100);
    expect(sheets.map((s) => s.name)).toEqual(['Pozīcijas']);
    expect(sheets[0]!.rows.map((r) => r.number)).toEqual([1, 3]);
    expect(sheets[0]!.rows[0]!.cells.get(3)).toEqual({ formula: 'A1*2', result: { number: '0' } });
  });

  it('refuses what is not an xlsx workbook', async () => {
    await expect(inspectWorkbook(Buffer.from('a,b\n1,2\n'))).rejects.toBeInstanceOf(UnsupportedFileError);
    const other = await new JSZip().file('word/document.xml', '<w/>').generateAsync({ type: 'nodebuffer' });
    await expect(inspectWorkbook(other)).rejects.toBeInstanceOf(UnsupportedFileError);
  });

  it('refuses macros, whether as a part or as the content type', async () => {
    const plain = await workbook([[1]]);
    const withMacros = await repack(plain, (zip) => void zip.file('xl/vbaProject.bin', 'x'));
    await expect(inspectWorkbook(withMacros)).rejects.toThrow(/macros/);
    const macroType = await repack(plain, async (zip) => {
      const xml = await zip.file('[Content_Types].xml')!.async('string');
      zip.file(
        '[Content_Types].xml',
        xml.replace(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        ),
      );
    });
    await expect(inspectWorkbook(macroType)).rejects.toThrow(/macros/);
  });

  it('stops unpacking at the limit (zip bomb) and refuses too many rows', async () => {
    const padded = await repack(
      await workbook([[1]]),
      (zip) => void zip.file('xl/media/a.bin', Buffer.alloc(5_000_000)),
    );
    expect(padded.length).toBeLessThan(100_000);
    await expect(inspectWorkbook(padded, { ...IMPORT_LIMITS, unpackedBytes: 1_000_000 })).rejects.toBeInstanceOf(
      PayloadTooLargeError,
    );
    const many = await workbook(Array.from({ length: 100 }, (_, i) => [i]));
    const refusal = readSheets(await inspectWorkbook(many), 20);
    await expect(refusal).rejects.toBeInstanceOf(PayloadTooLargeError);
    // The limit it names is the one of item rows, not the allowance for headings.
    await expect(refusal).rejects.toMatchObject({ message: expect.stringContaining('20') });
  });
});

/** The parts of `buffer` with some replaced (a sheet, the shared strings), zipped again. */
async function withParts(buffer: Buffer, parts: Record<string, string>): Promise<Buffer> {
  return repack(buffer, (zip) => {
    // As bytes: JSZip's own UTF-8 encoding of a string splits emoji at its chunks' edges.
    for (const [name, xml] of Object.entries(parts)) zip.file(name, Buffer.from(xml, 'utf8'));
  });
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;
const inlineRow = (r: number, texts: string[]) =>
  `<row r="${r}">${texts.map((text, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`;

/** Latvian and other multi-byte text, in lengths and offsets that put characters on every side of a chunk's edge. */
function latvianTexts(count: number): string[] {
  const letters = ['ā', 'ž', 'ņ', 'ē', '😀', 'Ļ', '€'];
  return Array.from({ length: count }, (_, i) => {
    const letter = letters[i % letters.length]!;
    return `${'x'.repeat(i % 4)}${letter.repeat(1_000 + (i % 7) * 300)} Rīgas ${i}`;
  });
}

describe('reading text exactly', () => {
  it('keeps every Latvian character of shared strings, whatever chunk edges fall inside them', async () => {
    // The strings written by hand: exceljs's Workbook writer splits emoji at its buffers' edges.
    const texts = latvianTexts(300);
    const file = await withParts(await workbook([[1]]), {
      'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
      'xl/worksheets/sheet1.xml': sheetXml(
        texts
          .map(
            (_, i) =>
              `<row r="${i + 1}"><c r="A${i + 1}"><v>${i + 1}</v></c><c r="B${i + 1}" t="s"><v>${i}</v></c></row>`,
          )
          .join(''),
      ),
    });
    const sheets = await readSheets(await inspectWorkbook(file), 1000);
    const read = sheets[0]!.rows.map((row) => row.cells.get(2));
    expect(read).toHaveLength(texts.length);
    // Compared one by one: a mismatch names its row rather than printing 600 KB.
    const wrong = read.flatMap((text, i) => (text === texts[i] ? [] : [i + 1]));
    expect(wrong).toEqual([]);
  });

  it('keeps them in inline strings too (the app’s own exports), and entities and character references', async () => {
    const texts = latvianTexts(100);
    const file = await withParts(await workbook([[1]]), {
      'xl/worksheets/sheet1.xml': sheetXml(
        texts.map((text, i) => inlineRow(i + 1, [text])).join('') +
          inlineRow(101, ['a &amp; b &lt;c&gt; &#257;&#x17E; &#128512;']),
      ),
    });
    const rows = (await readSheets(await inspectWorkbook(file), 1000))[0]!.rows;
    expect(rows.slice(0, 100).flatMap((row, i) => (row.cells.get(1) === texts[i] ? [] : [i + 1]))).toEqual([]);
    expect(rows[100]!.cells.get(1)).toBe('a & b <c> āž 😀');
  });
});

describe('what reading an upload may cost', () => {
  it('takes the longest text a field takes as the measure of a cell', () => {
    const lengths = Object.values(createLineItemInputSchema.shape).map((field) => {
      let schema: unknown = field;
      while (schema && typeof schema === 'object' && 'unwrap' in schema)
        schema = (schema as { unwrap(): unknown }).unwrap();
      return (schema as { maxLength?: number | null }).maxLength ?? 0;
    });
    expect(Math.max(...lengths)).toBe(LONGEST_TEXT_FIELD);
    expect(IMPORT_LIMITS.cellChars).toBe(2 * LONGEST_TEXT_FIELD);
  });

  it('keeps a text longer than a cell may be as its length only, and one exactly that long as it is', async () => {
    const cap = IMPORT_LIMITS.cellChars;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Pozīcijas').addRow(['ā'.repeat(cap), 'ā'.repeat(cap + 1), 'ok']);
    const inline = await withParts(await workbook([[1]]), {
      'xl/worksheets/sheet1.xml': sheetXml(inlineRow(1, ['ž'.repeat(cap + 5)])),
    });
    const [shared] = await readSheets(await inspectWorkbook(Buffer.from(await book.xlsx.writeBuffer())), 10);
    expect((shared!.rows[0]!.cells.get(1) as string).length).toBe(cap);
    expect(shared!.rows[0]!.cells.get(2)).toEqual({ overlong: cap + 1 });
    expect(shared!.rows[0]!.cells.get(3)).toBe('ok');
    const [own] = await readSheets(await inspectWorkbook(inline), 10);
    expect(own!.rows[0]!.cells.get(1)).toEqual({ overlong: cap + 5 });
  });

  it('refuses a text too long even to be read through, naming the cells that show it (422)', async () => {
    const huge = 'y'.repeat(10 * IMPORT_LIMITS.cellChars);
    const inline = await withParts(await workbook([[1]]), {
      'xl/worksheets/sheet1.xml': sheetXml(inlineRow(1, ['a']) + inlineRow(2, ['b', huge])),
    });
    const refusal = readSheets(await inspectWorkbook(inline), 10, undefined, { language: 'en' });
    await expect(refusal).rejects.toBeInstanceOf(ImportRejectedError);
    await expect(refusal).rejects.toMatchObject({
      status: 422,
      problems: [
        {
          kind: 'invalid',
          sheet: 'Pozīcijas',
          row: 2,
          column: 'B',
          message: expect.stringContaining('more than 160000 characters') as string,
        },
      ],
    });

    const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}"><si><t>a</t></si><si><t>${huge}</t></si></sst>`;
    const cells = '<row r="3"><c r="A3" t="s"><v>1</v></c></row><row r="4"><c r="C4" t="s"><v>1</v></c></row>';
    const shared = await withParts(await workbook([[1]]), {
      'xl/sharedStrings.xml': strings,
      'xl/worksheets/sheet1.xml': sheetXml(cells),
    });
    await expect(readSheets(await inspectWorkbook(shared), 10)).rejects.toMatchObject({
      problems: [
        { sheet: 'Pozīcijas', row: 3, column: 'A' },
        { sheet: 'Pozīcijas', row: 4, column: 'C' },
      ],
    });
  });

  it('reads only the shared strings cells show: unused ones, however long, cost nothing', async () => {
    const unused = Array.from({ length: 50 }, () => `<si><t>${'z'.repeat(100_000)}</t></si>`).join('');
    // No cell shows the last string, and the part is not even well-formed there: it is never read.
    const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}"><si><t>Pirmā</t></si>${unused}<si><t>Rīga</t></si><si><t>unread</b></si>`;
    const file = await withParts(await workbook([[1]]), {
      'xl/sharedStrings.xml': strings,
      'xl/worksheets/sheet1.xml': sheetXml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>51</v></c></row>',
      ),
    });
    const [sheet] = await readSheets(await inspectWorkbook(file), 10);
    expect([...sheet!.rows[0]!.cells.values()]).toEqual(['Pirmā', 'Rīga']);
  });

  it('keeps text and cells in proportion to the rows an import takes (413 past them)', async () => {
    const distinct = Array.from({ length: 200 }, (_, i) => [`${i}`.padEnd(5_000, 'v')]);
    const refusal = readSheets(await inspectWorkbook(await workbook(distinct)), 300, undefined, { language: 'en' });
    await expect(refusal).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(refusal).rejects.toMatchObject({ message: expect.stringContaining('more data than one import') });
    // A text shown in every row is kept, and counted, once.
    const same = Array.from({ length: 200 }, () => ['v'.repeat(5_000)]);
    await expect(readSheets(await inspectWorkbook(await workbook(same)), 300)).resolves.toHaveLength(1);

    const wide = await workbook(Array.from({ length: 10 }, () => Array.from({ length: 1_000 }, (_, c) => c)));
    await expect(readSheets(await inspectWorkbook(wide), 10)).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(readSheets(await inspectWorkbook(wide), 200)).resolves.toHaveLength(1);
  });

  it('refuses XML nested past reason (413) and a DOCTYPE (415)', async () => {
    const deep = `${'<x>'.repeat(100)}${'</x>'.repeat(100)}`;
    const nested = await withParts(await workbook([[1]]), {
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${NS}"><sheetData/>${deep}</worksheet>`,
    });
    await expect(readSheets(await inspectWorkbook(nested), 10)).rejects.toBeInstanceOf(PayloadTooLargeError);
    const doctype = await withParts(await workbook([[1]]), {
      'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa">]><worksheet xmlns="${NS}"><sheetData/></worksheet>`,
    });
    await expect(readSheets(await inspectWorkbook(doctype), 10)).rejects.toBeInstanceOf(UnsupportedFileError);
  });
});

describe('reading cells as Excel writes them', () => {
  it('keeps the computed value of a formula filled down (a shared formula)', async () => {
    const file = await withParts(await workbook([[1]]), {
      'xl/worksheets/sheet1.xml': sheetXml(
        '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>4</v></c></row>' +
          '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>',
      ),
    });
    const [sheet] = await readSheets(await inspectWorkbook(file), 10);
    expect(sheet!.rows[1]!.cells.get(2)).toEqual({ formula: '', result: { number: '6' } });
  });

  it('finds sheets through the workbook’s relationships, and cells without a reference by their order', async () => {
    const file = await withParts(await workbook([[1]]), {
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Pozīcijas" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/items.xml"/></Relationships>`,
      'xl/worksheets/items.xml': sheetXml(
        '<row><c t="inlineStr"><is><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>ignored</t></rPh></is></c><c><v>7</v></c></row>',
      ),
    });
    const sheets = await readSheets(await inspectWorkbook(file), 10);
    expect(sheets.map((s) => s.name)).toEqual(['Pozīcijas']);
    expect(sheets[0]!.rows).toEqual([
      {
        number: 1,
        cells: new Map<number, unknown>([
          [1, 'Rich text'],
          [2, { number: '7' }],
        ]),
      },
    ]);
  });
});
