import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError, UnsupportedFileError } from './import-errors';
import { IMPORT_LIMITS, inspectWorkbook, readSheets } from './workbook-reader';

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
    expect(sheets[0]!.rows[0]!.cells.get(3)).toEqual({ formula: 'A1*2', result: 0 });
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
