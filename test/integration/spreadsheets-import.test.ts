import { randomBytes } from 'node:crypto';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineItemListSchema, lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { importProgressEventSchema, importRejectionSchema, importResultSchema } from '@ikt/shared/spreadsheet.schema';
import { subProgrammeListSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus, leadOf, subProgrammeByCode } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';
import { multipartFile, openWorkbook, workbookBuffer } from './spreadsheets-support';

const { t, lead, itc } = demoAppForFile({ lead: leadOf('IKSD'), itc: ITC_FINANCE });
let cycleId: number;
let own: SubProgramme;
let other: SubProgramme;

beforeAll(async () => {
  cycleId = await cycleIdWithStatus(itc, 'open');
  own = await subProgrammeByCode(itc, cycleId, 'IKT.IKSD.01');
  other = await subProgrammeByCode(itc, cycleId, 'IKT.LD.01');
});

async function items(id = own.id): Promise<LineItem[]> {
  return lineItemListSchema.parse((await itc.get(`/api/sub-programmes/${id}/line-items`)).json());
}

async function template(client = lead, id = own.id, lang = 'lv'): Promise<ExcelJS.Workbook> {
  const response = await client.get(`/api/sub-programmes/${id}/export.xlsx?lang=${lang}`);
  expect(response.statusCode, response.body).toBe(200);
  return openWorkbook(response.rawPayload);
}

function upload(client: TestClient, file: Buffer, query = '', filename = 'veidne.xlsx', id = own.id) {
  const { payload, headers } = multipartFile(file, filename);
  return client.request({ method: 'POST', url: `/api/sub-programmes/${id}/import${query}`, payload, headers });
}

/** The item sheet, its heading row (5) read as heading → column number. */
function sheetOf(workbook: ExcelJS.Workbook, name = 'Pozīcijas') {
  const sheet = workbook.getWorksheet(name)!;
  const headings = new Map<string, number>();
  sheet.getRow(5).eachCell((cell, column) => headings.set(String(cell.value), column));
  const column = (heading: string) => {
    const found = headings.get(heading);
    if (!found) throw new Error(`no column ${heading}`);
    return found;
  };
  const rowOf = (id: number) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === id) found = row;
    });
    return found!;
  };
  const set = (row: number, values: Record<string, ExcelJS.CellValue>) => {
    for (const [heading, value] of Object.entries(values)) sheet.getRow(row).getCell(column(heading)).value = value;
  };
  let last = 5;
  sheet.eachRow((_, number) => (last = Math.max(last, number)));
  return { sheet, column, rowOf, set, nextRow: () => ++last };
}

const NEW_ITEM = {
  Nosaukums: 'Jaunā pozīcija no Excel',
  'EKK kods': '2251',
  'Izmaksu raksturs': 'Uzturēšana',
  Prioritāte: 'Zema',
  Mērķi: 'M5; M7',
  '2027, EUR': 1000.5,
  'Biznesa vajadzība': 'Vajadzība',
  'Ietekme, ja netiek finansēts': 'Ietekme',
};

/** Everything that must not change when an import is refused or only checked. */
async function snapshot(id = own.id) {
  return (await items(id)).map((i) => ({ id: i.id, version: i.version, amounts: i.amounts, title: i.title }));
}

describe('importing a filled-in template', () => {
  it('changes exactly the edited items, creates the new row, and reads formulas as their values', async () => {
    const before = await items();
    const [a, b] = before;
    const workbook = await template();
    const sheet = sheetOf(workbook);
    // A formula the user typed: its computed value is what counts.
    sheet.set(sheet.rowOf(a!.id).number, { '2027, EUR': { formula: '12000+345.67', result: 12345.67 } });
    sheet.set(sheet.rowOf(b!.id).number, { Nosaukums: 'Pārdēvēta pozīcija', 'Biznesa vajadzība': 'Jauns pamatojums' });
    const newRow = sheet.nextRow();
    sheet.set(newRow, NEW_ITEM);

    const response = await upload(lead, await workbookBuffer(workbook));
    expect(response.statusCode, response.body).toBe(200);
    const result = importResultSchema.parse(response.json());
    expect(result).toMatchObject({ dryRun: false, applied: true, rows: before.length + 1 });
    expect(result.updated).toEqual([
      { row: sheet.rowOf(a!.id).number, id: a!.id, title: a!.title, fields: ['amounts'] },
      { row: sheet.rowOf(b!.id).number, id: b!.id, title: 'Pārdēvēta pozīcija', fields: ['title', 'businessNeed'] },
    ]);
    expect(result.created).toHaveLength(1);
    expect(result.created[0]).toMatchObject({ row: newRow, title: 'Jaunā pozīcija no Excel' });
    expect(result.unchanged).toHaveLength(before.length - 2);

    const after = await items();
    const byId = new Map(after.map((i) => [i.id, i]));
    expect(byId.get(a!.id)).toMatchObject({ version: a!.version + 1, amounts: { ...a!.amounts, '2027': '12345.67' } });
    expect(byId.get(b!.id)).toMatchObject({
      version: b!.version + 1,
      title: 'Pārdēvēta pozīcija',
      businessNeed: 'Jauns pamatojums',
      amounts: b!.amounts,
    });
    for (const item of before.slice(2)) expect(byId.get(item.id), item.title).toEqual(item);
    const created = byId.get(result.created[0]!.id!)!;
    expect(created).toMatchObject({
      title: 'Jaunā pozīcija no Excel',
      ekkCode: '2251',
      costNature: 'maintenance',
      priority: 'low',
      goalCodes: ['M5', 'M7'],
      amounts: { '2027': '1000.50', '2028': '0.00', '2029': '0.00' },
      reviewStatus: 'draft',
    });
    const history = (await lead.get(`/api/line-items/${a!.id}/history`)).json() as { action: string }[];
    expect(history.at(-1)!.action).toBe('lineItem.update');
  });

  it('changes nothing when the template comes back untouched', async () => {
    const before = await items();
    const response = await upload(lead, await workbookBuffer(await template()));
    const result = importResultSchema.parse(response.json());
    expect(result.unchanged).toHaveLength(before.length);
    expect(result.updated).toEqual([]);
    expect(result.created).toEqual([]);
    expect(await items()).toEqual(before);
  });

  it('answers a dry run with what would be created, updated and left unchanged — and changes nothing', async () => {
    const before = await snapshot();
    const workbook = await template(lead, own.id, 'en');
    const sheet = sheetOf(workbook, 'Items');
    sheet.set(sheet.rowOf(before[0]!.id).number, { '2028, EUR': 7.77 });
    sheet.set(sheet.nextRow(), {
      Title: 'Dry run item',
      'EKK code': '5238',
      'Cost nature': 'Development',
      Priority: 'High',
      Goals: 'M1',
    });
    const response = await upload(lead, await workbookBuffer(workbook), '?dryRun=true');
    expect(response.statusCode, response.body).toBe(200);
    const result = importResultSchema.parse(response.json());
    expect(result).toMatchObject({ dryRun: true, applied: false });
    expect(result.updated.map((u) => [u.id, u.fields])).toEqual([[before[0]!.id, ['amounts']]]);
    expect(result.created).toEqual([{ row: expect.any(Number), id: null, title: 'Dry run item', fields: [] }]);
    expect(result.unchanged).toHaveLength(before.length - 1);
    expect(await snapshot()).toEqual(before);
  });

  it('reports an item changed on the server since the export as a conflict of its row, and applies nothing', async () => {
    const before = await items();
    const [c, d] = before;
    const workbook = await template();
    const patched = await lead.patch(
      `/api/line-items/${c!.id}`,
      { title: 'Mainīts serverī' },
      { 'if-match': `"${c!.version}"` },
    );
    expect(patched.statusCode).toBe(200);
    const server = await snapshot();
    const sheet = sheetOf(workbook);
    sheet.set(sheet.rowOf(c!.id).number, { '2027, EUR': 1 });
    sheet.set(sheet.rowOf(d!.id).number, { '2027, EUR': 2 });

    const response = await upload(lead, await workbookBuffer(workbook));
    expectProblem(response, 409);
    const { problems } = importRejectionSchema.parse(response.json());
    expect(problems).toEqual([
      {
        kind: 'conflict',
        sheet: 'Pozīcijas',
        row: sheet.rowOf(c!.id).number,
        column: 'B',
        columnName: 'Versija',
        message: expect.stringContaining('mainīta serverī'),
      },
    ]);
    expect(await snapshot()).toEqual(server);
  });
});

describe('a refused import lists every problem and applies nothing', () => {
  it('1,000 new rows with one bad row: every problem of that row, located, and no row applied', async () => {
    const before = await snapshot();
    const workbook = await template();
    const sheet = sheetOf(workbook);
    let badRow = 0;
    for (let i = 0; i < 1000; i++) {
      const row = sheet.nextRow();
      sheet.set(row, { ...NEW_ITEM, Nosaukums: `Rinda ${i}`, '2027, EUR': 10 + i });
      if (i === 700) {
        badRow = row;
        sheet.set(row, { 'EKK kods': '9999', Prioritāte: 'Steidzami', Mērķi: 'M5; M99', '2028, EUR': -5 });
      }
    }
    const response = await upload(lead, await workbookBuffer(workbook));
    expectProblem(response, 422);
    const { problems, errors } = importRejectionSchema.parse(response.json());
    const letter = (heading: string) => String.fromCharCode(64 + sheet.column(heading));
    expect(problems.map((p) => [p.row, p.column, p.kind])).toEqual([
      [badRow, letter('EKK kods'), 'invalid'],
      [badRow, letter('Mērķi'), 'invalid'],
      [badRow, letter('Prioritāte'), 'invalid'],
      [badRow, letter('2028, EUR'), 'invalid'],
    ]);
    expect(problems.every((p) => p.sheet === 'Pozīcijas')).toBe(true);
    expect(problems.find((p) => p.columnName === 'Prioritāte')!.message).toBe(
      'Atļautās vērtības: Obligāta, Augsta, Vidēja, Zema',
    );
    expect(problems.find((p) => p.columnName === 'EKK kods')!.message).toBe('Nezināms kods');
    expect(problems.find((p) => p.columnName === '2028, EUR')!.message).toMatch(/^Summa jānorāda/);
    expect(errors![0]!.path).toBe(`Pozīcijas!${letter('EKK kods')}${badRow}`);
    expect(await snapshot()).toEqual(before);
  }, 180_000);

  it('lists the problems of every bad row, in the request’s language', async () => {
    const before = await snapshot();
    const workbook = await template();
    const sheet = sheetOf(workbook);
    const rows = [sheet.nextRow(), sheet.nextRow(), sheet.nextRow()];
    sheet.set(rows[0]!, { ...NEW_ITEM, Nosaukums: null });
    sheet.set(rows[1]!, { ...NEW_ITEM, 'Izmaksu raksturs': 'Kaut kas' });
    sheet.set(rows[2]!, { ...NEW_ITEM, '2027, EUR': { formula: 'A1*2' } });
    sheet.set(sheet.rowOf(before[0]!.id).number, { ID: 999999 });
    const response = await upload(lead, await workbookBuffer(workbook), '?lang=en');
    const problem = expectProblem(response, 422);
    const { problems } = importRejectionSchema.parse(response.json());
    expect(problems.map((p) => [p.row, p.columnName, p.kind, p.message])).toEqual([
      [sheet.rowOf(999999).number, 'ID', 'not-found', 'This sub-programme has no item with this ID'],
      [rows[0], 'Nosaukums', 'invalid', 'Required'],
      [rows[1], 'Izmaksu raksturs', 'invalid', 'Allowed values: Maintenance, Development, Implementation'],
      [rows[2], '2027, EUR', 'invalid', 'The formula has no computed value; paste the value instead'],
    ]);
    expect(problem.detail).toMatch(/^The import cannot be applied/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('bad files get a clear 4xx and change nothing', () => {
  async function withExtraParts(parts: Record<string, Buffer | string>, contentTypes?: (xml: string) => string) {
    const zip = await JSZip.loadAsync(await workbookBuffer(await template()));
    for (const [name, content] of Object.entries(parts)) zip.file(name, content);
    if (contentTypes) {
      const xml = await zip.file('[Content_Types].xml')!.async('string');
      zip.file('[Content_Types].xml', contentTypes(xml));
    }
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  }

  it.each([
    ['not a workbook', () => Buffer.from('ID;Nosaukums\n1;x\n'), 415, 'veidne.csv'],
    ['a damaged zip', async () => (await workbookBuffer(await template())).subarray(0, 4000), 415, 'veidne.xlsx'],
    [
      'a zip that is not a workbook',
      async () => new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' }),
      415,
      'a.xlsx',
    ],
    ['macros (xlsm)', () => withExtraParts({ 'xl/vbaProject.bin': Buffer.from('macro') }), 415, 'veidne.xlsx'],
    [
      'a macro-enabled content type',
      () =>
        withExtraParts({}, (xml) =>
          xml.replace(
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
            'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
          ),
        ),
      415,
      'veidne.xlsx',
    ],
    ['a file named .xlsm', async () => workbookBuffer(await template()), 415, 'veidne.xlsm'],
    ['larger than 10 MB', () => Buffer.alloc(10 * 1024 * 1024 + 1, 1), 413, 'veidne.xlsx'],
    [
      'a zip bomb (parts unpacking past 100 MB)',
      () => withExtraParts({ 'xl/media/padding.bin': Buffer.alloc(110 * 1024 * 1024) }),
      413,
      'veidne.xlsx',
    ],
  ] as const)(
    '%s',
    async (_, file, status, filename) => {
      const before = await snapshot();
      const problem = expectProblem(await upload(lead, await file(), '', filename), status);
      expect(problem.detail).toBeTruthy();
      expect(await snapshot()).toEqual(before);
    },
    60_000,
  );

  it('a workbook of a few MB is fine (the JSON body limit does not apply to uploads)', async () => {
    const workbook = await template();
    const sheet = sheetOf(workbook);
    for (let i = 0; i < 2000; i++) {
      sheet.set(sheet.nextRow(), { ...NEW_ITEM, 'Biznesa vajadzība': randomBytes(600).toString('base64') });
    }
    const file = await workbookBuffer(workbook);
    expect(file.length).toBeGreaterThan(1024 * 1024);
    const response = await upload(lead, file, '?dryRun=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(importResultSchema.parse(response.json()).created).toHaveLength(2000);
  }, 60_000);

  it('more item rows than the limit (10,000)', async () => {
    const before = await snapshot();
    const workbook = await template();
    const sheet = sheetOf(workbook);
    for (let i = 0; i < 10_001; i++) sheet.set(sheet.nextRow(), { ...NEW_ITEM, Nosaukums: `R${i}` });
    const problem = expectProblem(await upload(lead, await workbookBuffer(workbook)), 413);
    expect(problem.detail).toContain('10000');
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('no file, or not multipart at all', async () => {
    expectProblem(await lead.post(`/api/sub-programmes/${own.id}/import`, { file: 'x' }), 415);
    const empty = multipartFile(Buffer.alloc(0));
    const noFile = {
      payload: Buffer.from(empty.payload.toString('latin1').replace('; filename="import.xlsx"', ''), 'latin1'),
      headers: empty.headers,
    };
    expectProblem(await lead.request({ method: 'POST', url: `/api/sub-programmes/${own.id}/import`, ...noFile }), 415);
  });

  it('a workbook without the item sheet’s headings', async () => {
    const workbook = await template();
    workbook.getWorksheet('Pozīcijas')!.getRow(5).getCell(3).value = 'Kaut kas cits';
    const response = await upload(lead, await workbookBuffer(workbook));
    expectProblem(response, 422);
    expect(importRejectionSchema.parse(response.json()).problems).toEqual([
      expect.objectContaining({ kind: 'layout', sheet: 'Pozīcijas', row: null }),
    ]);
  });
});

describe('who may import where', () => {
  it('another institution’s sub-programme is not found (404) for a lead, and ITC may not edit it (403)', async () => {
    const file = await workbookBuffer(await template(itc, other.id));
    expectProblem(await upload(lead, file, '', 'x.xlsx', other.id), 404);
    expectProblem(await upload(itc, file, '', 'x.xlsx', other.id), 403);
    const fd = await t.signIn('fd@riga.example');
    expectProblem(await upload(fd, file, '', 'x.xlsx', other.id), 404);
    expectProblem(await upload(lead, file, '', 'x.xlsx', 999999), 404);
  });

  it('a sub-programme that cannot be edited now answers 409', async () => {
    const cycles = (await lead.get('/api/cycles')).json() as { id: number; status: string }[];
    const approved = cycles.find((c) => c.status === 'approved')!;
    const old = subProgrammeListSchema
      .parse((await lead.get(`/api/cycles/${approved.id}/sub-programmes`)).json())
      .find((s) => s.code === 'IKT.IKSD.01')!;
    const file = await workbookBuffer(await template(lead, old.id));
    expectProblem(await upload(lead, file, '', 'x.xlsx', old.id), 409);
  });
});

describe('progress', () => {
  it('streams progress, then the result, with Accept: application/x-ndjson', async () => {
    const workbook = await template();
    const sheet = sheetOf(workbook);
    for (let i = 0; i < 150; i++) sheet.set(sheet.nextRow(), { ...NEW_ITEM, Nosaukums: `P${i}` });
    const { payload, headers } = multipartFile(await workbookBuffer(workbook));
    const response = await lead.request({
      method: 'POST',
      url: `/api/sub-programmes/${own.id}/import`,
      payload,
      headers: { ...headers, accept: 'application/x-ndjson' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const events = response.body
      .trim()
      .split('\n')
      .map((line) => importProgressEventSchema.parse(JSON.parse(line)));
    expect(events.some((e) => e.type === 'progress' && e.stage === 'read')).toBe(true);
    expect(events.some((e) => e.type === 'progress' && e.stage === 'check' && e.done === 100)).toBe(true);
    expect(events.some((e) => e.type === 'progress' && e.stage === 'apply' && e.done === 150)).toBe(true);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: 'result', status: 200 });
    expect(importResultSchema.parse((last as { body: unknown }).body).created).toHaveLength(150);
  });

  it('ends the stream with the problem when the import is refused', async () => {
    const { payload, headers } = multipartFile(Buffer.from('not a workbook'));
    const response = await lead.request({
      method: 'POST',
      url: `/api/sub-programmes/${own.id}/import`,
      payload,
      headers: { ...headers, accept: 'application/x-ndjson' },
    });
    const events = response.body
      .trim()
      .split('\n')
      .map((line) => importProgressEventSchema.parse(JSON.parse(line)));
    expect(events.at(-1)).toMatchObject({ type: 'result', status: 415 });
  });
});

describe('the items an import writes are the API’s own', () => {
  it('validates with the line item rules: an item can be read back through the API', async () => {
    const workbook = await template();
    const sheet = sheetOf(workbook);
    sheet.set(sheet.nextRow(), {
      ...NEW_ITEM,
      Nosaukums: '  Ar atstarpēm  ',
      'EKK kods': 5238,
      'IKT pakalpojums': 'WS',
      Daudzums: 3,
      'Vienības cena, EUR': '1 234,5',
      '2029, EUR': '0,1',
      Rangs: 7,
    });
    const result = importResultSchema.parse((await upload(lead, await workbookBuffer(workbook))).json());
    const item = lineItemSchema.parse((await lead.get(`/api/line-items/${result.created[0]!.id}`)).json());
    expect(item).toMatchObject({
      title: 'Ar atstarpēm',
      ekkCode: '5238',
      ictServiceCode: 'WS',
      quantity: '3.000',
      unitPrice: '1234.50',
      rank: 7,
      amounts: { '2027': '1000.50', '2028': '0.00', '2029': '0.10' },
    });
  });
});
