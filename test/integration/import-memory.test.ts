import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineItemListSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { importRejectionSchema, importResultSchema } from '@ikt/shared/spreadsheet.schema';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { collectGarbage } from '@ikt/server/modules/spreadsheets/memory';
import { watchMemory } from '../bench/memory';
import { demoAppForFile } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus, leadOf, subProgrammeByCode } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';
import { sharedStringsBomb, withUnusedSharedStrings } from '../support/crafted-workbook';
import { multipartFile, openWorkbook, workbookBuffer } from './spreadsheets-support';

/**
 * What one upload can make the server hold (issue #13, finding 8): the report's file — a few
 * hundred KB whose shared strings unpack to 94 MB — took a process from 169 to 402 MB. Read as a
 * stream, the strings no cell shows are skipped and a cell longer than any field is kept as its
 * length, so the server grows by what the rows need; the refusal names the cell.
 */
const { lead, itc } = demoAppForFile({ lead: leadOf('IKSD'), itc: ITC_FINANCE });
let own: SubProgramme;

beforeAll(async () => {
  own = await subProgrammeByCode(itc, await cycleIdWithStatus(itc, 'open'), 'IKT.IKSD.01');
});

function upload(file: Buffer) {
  const { payload, headers } = multipartFile(file, 'veidne.xlsx');
  return lead.request({ method: 'POST', url: `/api/sub-programmes/${own.id}/import`, payload, headers });
}

async function items(): Promise<LineItem[]> {
  return lineItemListSchema.parse((await lead.get(`/api/sub-programmes/${own.id}/line-items`)).json());
}

/**
 * How far this process's resident memory rose while `work` ran: the kernel's peak (VmHWM, reset at
 * the start) over the RSS before. The garbage of building the file is collected first, so the
 * import cannot hide in memory the test freed.
 */
async function measureGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  collectGarbage();
  const { result, memory } = await watchMemory(work);
  return { result, growthMb: (memory.peakMb ?? memory.sampledPeakMb) - memory.rssBeforeMb };
}

/**
 * Generous: this reader grows by some 20–35 MB on these files; exceljs's, which held every shared
 * string, grew by 233 MB on the report's file (149 → 382 MB, measured with this test).
 */
const GROWTH_LIMIT_MB = 100;

/** The lead's own template with new rows written into its item sheet (heading row 5). */
async function templateWith(
  rows: Record<string, ExcelJS.CellValue>[],
): Promise<{ file: Buffer; first: number; letters: Map<string, string> }> {
  const response = await lead.get(`/api/sub-programmes/${own.id}/export.xlsx`);
  expect(response.statusCode).toBe(200);
  const workbook = await openWorkbook(response.rawPayload);
  const sheet = workbook.getWorksheet('Pozīcijas')!;
  const columns = new Map<string, number>();
  const letters = new Map<string, string>();
  sheet.getRow(5).eachCell((cell, column) => {
    columns.set(String(cell.value), column);
    letters.set(String(cell.value), cell.address.replace(/\d+$/, ''));
  });
  let last = 5;
  sheet.eachRow((_, number) => (last = Math.max(last, number)));
  rows.forEach((values, i) => {
    for (const [heading, value] of Object.entries(values)) {
      sheet.getRow(last + 1 + i).getCell(columns.get(heading)!).value = value;
    }
  });
  return { file: await workbookBuffer(workbook), first: last + 1, letters };
}

const NEW_ITEM = {
  'EKK kods': '2251',
  'Izmaksu raksturs': 'Uzturēšana',
  Prioritāte: 'Zema',
  '2027, EUR': 100,
};

describe('an upload cannot make the server hold more than its rows need', () => {
  it('answers the report’s file (a few hundred KB, 94 MB of shared strings no cell shows) as no template, holding none of the strings', async () => {
    const file = await sharedStringsBomb(94);
    expect(file.length).toBeLessThan(1024 * 1024);
    const { result: response, growthMb } = await measureGrowth(() => upload(file));
    expectProblem(response, 422);
    const { problems } = importRejectionSchema.parse(response.json());
    expect(problems).toEqual([expect.objectContaining({ kind: 'layout', sheet: 'Pozīcijas', row: null })]);
    expect(growthMb).toBeLessThan(GROWTH_LIMIT_MB);
  }, 180_000);

  it('names a title longer than any field, found after 94 MB of unused strings, as its cell’s problem, changing nothing', async () => {
    const { file, first, letters } = await templateWith([{ ...NEW_ITEM, Nosaukums: 'ā'.repeat(25_000) }]);
    // The title's string comes after 94 MB of strings no cell shows: the reader goes through all of them.
    const swollen = await withUnusedSharedStrings(file, { megabytes: 94 });
    const before = await items();

    const { result: response, growthMb } = await measureGrowth(() => upload(swollen));
    expectProblem(response, 422);
    const { problems, errors } = importRejectionSchema.parse(response.json());
    expect(problems).toEqual([
      {
        kind: 'invalid',
        sheet: 'Pozīcijas',
        row: first,
        column: letters.get('Nosaukums'),
        columnName: 'Nosaukums',
        message: 'Šūnā ir 25000 rakstzīmes — vairāk, nekā pieņem jebkurš lauks (ne vairāk kā 10000 rakstzīmes)',
      },
    ]);
    expect(errors).toEqual([
      {
        path: `Pozīcijas!${letters.get('Nosaukums')}${first}`,
        message: expect.stringContaining('Nosaukums: Šūnā ir 25000'),
      },
    ]);
    expect(await items()).toEqual(before);
    expect(growthMb).toBeLessThan(GROWTH_LIMIT_MB);
  }, 180_000);

  it('refuses a file whose cells show all those strings, more text than its rows could need (413)', async () => {
    const file = await sharedStringsBomb(94, { showAll: true });
    const before = await items();
    const { result: response, growthMb } = await measureGrowth(() => upload(file));
    expect(expectProblem(response, 413).detail).toBe(
      'Darbgrāmatā ir vairāk datu, nekā var apstrādāt vienā importā. Sadaliet failu vairākos.',
    );
    expect(await items()).toEqual(before);
    expect(growthMb).toBeLessThan(GROWTH_LIMIT_MB);
  }, 180_000);

  it('imports long Latvian text exactly as written, every character on a chunk’s edge included', async () => {
    const letters = ['ā', 'ž', 'ņ', 'ē', 'Ļ', 'č', '€'];
    const rows = Array.from({ length: 12 }, (_, i) => ({
      ...NEW_ITEM,
      Nosaukums: `Pozīcija ${i + 1}: ${'ū'.repeat(100 + i)}`,
      Apraksts: `${'x'.repeat(i % 3)}${letters[i % letters.length]!.repeat(4_000 + i * 37)}`,
      'Biznesa vajadzība': `Rīgas ${letters[(i + 3) % letters.length]!.repeat(7_000 + i * 11)} vajadzība`,
    }));
    const { file } = await templateWith(rows);
    const response = await upload(file);
    expect(response.statusCode, response.body.slice(0, 2000)).toBe(200);
    expect(importResultSchema.parse(response.json()).created).toHaveLength(rows.length);

    // Compared row by row: a mismatch names its row rather than printing 150 KB of text.
    const saved = await items();
    const wrong = rows.flatMap((row, i) => {
      const item = saved.find((candidate) => candidate.title === row.Nosaukums);
      return item?.description === row.Apraksts && item.businessNeed === row['Biznesa vajadzība'] ? [] : [i + 1];
    });
    expect(wrong).toEqual([]);
  }, 120_000);
});
