import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal, sumMoney } from '@ikt/shared/money';
import { cycleListSchema, type Cycle } from '@ikt/shared/cycle.schema';
import {
  billSchema,
  fullCostSchema,
  serviceConsumptionSchema,
  type ServiceConsumptionRow,
} from '@ikt/shared/full-cost.schema';
import { consumptionImportResultSchema, importRejectionSchema } from '@ikt/shared/spreadsheet.schema';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app';
import { expectProblem } from '../helpers/problem';
import {
  XLSX,
  cents,
  evaluate,
  formulaOf,
  multipartFile,
  numberOf,
  openWorkbook,
  workbookBuffer,
} from './spreadsheets-support';

/**
 * The full cost's spreadsheets, opened as a user's tools open them: the consumption template
 * (download, fill in, upload — the same result as the PUT), the bill of IT, and the Finance
 * Department workbook's `Pilnās izmaksas` sheet, every figure against the JSON API's.
 */

let t: TestApp;
let itc: TestClient;
let lead: TestClient;
let cycle: Cycle;

const HEADER_ROW = 6;
const COLUMN = { service: 1, institution: 4, year: 6, quantity: 7 } as const;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  [itc, lead] = [await t.signIn('itc.finance@riga.example'), await t.signIn('lead.iksd@riga.example')];
  const cycles = cycleListSchema.parse((await itc.get('/api/cycles')).json());
  cycle = cycles.find((c) => c.status === 'open')!;
});
afterAll(() => t.close());

const key = (r: Pick<ServiceConsumptionRow, 'serviceCode' | 'institutionCode' | 'fiscalYear'>) =>
  `${r.serviceCode}/${r.institutionCode}/${r.fiscalYear}`;

async function consumption() {
  const response = await itc.get(`/api/cycles/${cycle.id}/service-consumption`);
  expect(response.statusCode, response.body).toBe(200);
  return serviceConsumptionSchema.parse(response.json());
}

async function template(client: TestClient = itc): Promise<ExcelJS.Workbook> {
  const response = await client.get(`/api/cycles/${cycle.id}/service-consumption.xlsx`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe(XLSX);
  return openWorkbook(response.rawPayload);
}

function upload(client: TestClient, file: Buffer, query = '', headers: Record<string, string> = {}) {
  const body = multipartFile(file);
  return client.request({
    method: 'POST',
    url: `/api/cycles/${cycle.id}/service-consumption.xlsx${query}`,
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}

/** The template's data rows by service/institution/year. */
function templateRows(workbook: ExcelJS.Workbook): Map<string, ExcelJS.Row> {
  const sheet = workbook.getWorksheet('Patēriņš')!;
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row, number) => {
    if (number <= HEADER_ROW) return;
    const cell = (column: number) => row.getCell(column).text;
    rows.set(
      key({
        serviceCode: cell(COLUMN.service),
        institutionCode: cell(COLUMN.institution),
        fiscalYear: Number(cell(COLUMN.year)),
      }),
      row,
    );
  });
  return rows;
}

describe('consumption template and import', () => {
  it('holds the recorded quantities under Latvian headings, and a sheet of the drivers', async () => {
    const workbook = await template();
    const sheet = workbook.getWorksheet('Patēriņš')!;
    expect(sheet.getRow(HEADER_ROW).values).toEqual([
      undefined,
      'Pakalpojuma kods',
      'Pakalpojums',
      'Mērvienība',
      'Iestādes kods',
      'Institūcijas nosaukums',
      'Finanšu gads',
      'Daudzums',
    ]);
    const rows = templateRows(workbook);
    const recorded = (await consumption()).rows;
    expect(recorded.length).toBeGreaterThan(0);
    for (const row of recorded) {
      const cell = rows.get(key(row))?.getCell(COLUMN.quantity).value;
      expect(typeof cell === 'number' && new Decimal(cell).equals(row.quantity), key(row)).toBe(true);
    }
    const drivers = workbook.getWorksheet('Uzskaites vienības')!;
    expect(drivers.getRow(5).getCell(1).value).toBe('Pakalpojuma kods');
    const codes: unknown[] = [];
    drivers.eachRow((row, number) => number > 5 && codes.push(row.getCell(1).value));
    expect(codes).toContain('WS');
  });

  it('refuses a lead (403), the template and the import alike', async () => {
    expectProblem(await lead.get(`/api/cycles/${cycle.id}/service-consumption.xlsx`), 403);
    const file = await workbookBuffer(await template());
    expectProblem(await upload(lead, file), 403);
  });

  it('lists every bad row with its cell and saves nothing', async () => {
    const before = await consumption();
    const workbook = await template();
    const rows = [...templateRows(workbook).values()];
    const bad = rows.slice(0, 6);
    bad[0]!.getCell(COLUMN.quantity).value = -5;
    bad[1]!.getCell(COLUMN.quantity).value = '12,5x';
    bad[2]!.getCell(COLUMN.service).value = 'NOPE';
    bad[2]!.getCell(COLUMN.quantity).value = 1;
    bad[3]!.getCell(COLUMN.institution).value = 'XX';
    bad[3]!.getCell(COLUMN.quantity).value = 1;
    bad[4]!.getCell(COLUMN.year).value = 2031;
    bad[4]!.getCell(COLUMN.quantity).value = 1;
    // A good change beside them must not be saved either.
    rows[10]!.getCell(COLUMN.quantity).value = 777;
    const response = await upload(itc, await workbookBuffer(workbook));
    expectProblem(response, 422);
    const { problems } = importRejectionSchema.parse(response.json());
    const at = (row: ExcelJS.Row, column: string) =>
      problems.filter((p) => p.sheet === 'Patēriņš' && p.row === row.number && p.column === column);
    expect(at(bad[0]!, 'G')).toHaveLength(1);
    expect(at(bad[1]!, 'G')).toHaveLength(1);
    expect(at(bad[2]!, 'A')).toHaveLength(1);
    expect(at(bad[3]!, 'D')).toHaveLength(1);
    expect(at(bad[4]!, 'F')).toHaveLength(1);
    expect(problems).toHaveLength(5);
    expect(at(bad[2]!, 'A')[0]!.columnName).toBe('Pakalpojuma kods');
    expect(at(bad[2]!, 'A')[0]!.message).toBe('Nezināms IKT pakalpojuma kods');
    expect(at(bad[4]!, 'F')[0]!.message).toBe('Jābūt vienam no 2027, 2028, 2029');
    expect(await consumption()).toEqual(before);
  });

  it('round-trips: download, fill in, upload — the same as the PUT of those rows', async () => {
    const before = await consumption();
    const workbook = await template();
    const rows = templateRows(workbook);
    const changed = before.rows[0]!;
    rows.get(key(changed))!.getCell(COLUMN.quantity).value = 1234.5;
    const empty = [...rows.entries()].find(([k]) => !before.rows.some((r) => key(r) === k))!;
    empty[1].getCell(COLUMN.quantity).value = '17,25';
    const file = await workbookBuffer(workbook);

    // A dry run checks and keeps everything as it was.
    const dry = await upload(itc, file, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(consumptionImportResultSchema.parse(dry.json())).toMatchObject({ dryRun: true, applied: false });
    expect(await consumption()).toEqual(before);

    const response = await upload(itc, file);
    expect(response.statusCode, response.body).toBe(200);
    const result = consumptionImportResultSchema.parse(response.json());
    expect(result).toMatchObject({ cycleId: cycle.id, dryRun: false, applied: true, version: before.version + 1 });
    const after = await consumption();
    const expected = new Map(before.rows.map((r) => [key(r), r]));
    // Stored with three decimals, as the PUT stores them.
    expected.set(key(changed), { ...changed, quantity: '1234.500' });
    const [serviceCode, institutionCode, year] = empty[0].split('/') as [string, string, string];
    expected.set(empty[0], { serviceCode, institutionCode, fiscalYear: Number(year), quantity: '17.250' });
    const sorted = (list: ServiceConsumptionRow[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(after.rows)).toEqual(sorted([...expected.values()]));

    // The PUT of the same rows changes nothing more: the import was that PUT.
    const put = await itc.put(`/api/cycles/${cycle.id}/service-consumption`, after.rows, {
      'if-match': `"${after.version}"`,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(sorted(serviceConsumptionSchema.parse(put.json()).rows)).toEqual(sorted(after.rows));

    // The file is of a version gone by now: 412, nothing saved.
    expectProblem(await upload(itc, file), 412);
    // If-Match, when sent, is what counts.
    expectProblem(await upload(itc, file, '', { 'if-match': `"${before.version}"` }), 412);
  });
});

describe('consumption template in English', () => {
  it('reads its English headings back; without the file’s version or If-Match it is 428', async () => {
    const before = await consumption();
    const response = await itc.get(`/api/cycles/${cycle.id}/service-consumption.xlsx?lang=en`);
    const workbook = await openWorkbook(response.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Consumption', 'Drivers']);
    const sheet = workbook.getWorksheet('Consumption')!;
    expect(sheet.getRow(HEADER_ROW).getCell(COLUMN.quantity).text).toBe('Quantity');
    expect(sheet.getRow(4).getCell(1).text).toBe('Basis version');
    const unchanged = await upload(itc, await workbookBuffer(workbook), '?dryRun=true');
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect(consumptionImportResultSchema.parse(unchanged.json()).rows).toBe(before.rows.length);

    sheet.getRow(4).getCell(2).value = null;
    expectProblem(await upload(itc, await workbookBuffer(workbook)), 428);
    expect(await consumption()).toEqual(before);
  });
});

describe('bill of IT as a workbook', () => {
  it('shows the JSON bill’s figures, its totals live formulas that compute them', async () => {
    const json = billSchema.parse((await lead.get(`/api/cycles/${cycle.id}/institutions/IKSD/bill`)).json());
    const response = await lead.get(`/api/cycles/${cycle.id}/institutions/IKSD/bill.xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    const workbook = await openWorkbook(response.rawPayload);
    const sheet = workbook.getWorksheet('IT rēķins')!;
    const byLabel = new Map<string, ExcelJS.Cell>();
    const services = new Map<string, number>();
    const items = new Map<number, number>();
    let inItems = false;
    sheet.eachRow((row) => {
      const first = row.getCell(1).value;
      if (first === 'Pašu pozīcijas') inItems = true;
      if (typeof first === 'string' && /izmaksas$/.test(first)) byLabel.set(first, row.getCell(6));
      else if (inItems && typeof first === 'number') items.set(first, numberOf(row.getCell(6)));
      else if (!inItems && row.number > 6 && typeof first === 'string') services.set(first, numberOf(row.getCell(6)));
    });
    expect(services.size).toBe(json.services.length);
    for (const service of json.services) expect(cents(services.get(service.serviceCode)!)).toBe(service.amount);
    expect(items.size).toBe(json.ownItems.length);
    for (const item of json.ownItems) expect(cents(items.get(item.lineItemId)!)).toBe(item.amount);
    const totals = {
      'Piešķirtās pakalpojumu izmaksas': json.institution.allocated,
      'Pašu izmaksas': json.institution.own,
      'Pilnās izmaksas': json.institution.full,
    };
    for (const [label, amount] of Object.entries(totals)) {
      const cell = byLabel.get(label)!;
      expect(formulaOf(cell), label).toMatch(/^(SUM\(F\d+:F\d+\)|F\d+\+F\d+)$/);
      expect(cents(numberOf(cell)), label).toBe(amount);
      expect(evaluate(workbook, sheet, formulaOf(cell)!).toFixed(2), label).toBe(amount);
    }
  });

  it('is as missing for another institution’s bill as for none (404)', async () => {
    const other = await lead.get(`/api/cycles/${cycle.id}/institutions/LD/bill.xlsx`);
    const none = await lead.get(`/api/cycles/${cycle.id}/institutions/NOSUCH/bill.xlsx`);
    expect(expectProblem(other, 404).detail).toBe(expectProblem(none, 404).detail);
    expect((await itc.get(`/api/cycles/${cycle.id}/institutions/LD/bill.xlsx`)).statusCode).toBe(200);
  });
});

describe('Finance Department workbook: Pilnās izmaksas', () => {
  it('gives each institution own + allocated = full as formulas, agreeing to the cent with GET full-cost', async () => {
    const response = await itc.get(`/api/cycles/${cycle.id}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = await openWorkbook(response.rawPayload);
    const sheet = workbook.getWorksheet('Pilnās izmaksas')!;
    const header = sheet.getRow(5);
    expect([1, 2, 3, 4].map((c) => header.getCell(c).text)).toEqual([
      'Finanšu gads',
      'Iestādes kods',
      'Institūcijas nosaukums',
      'Pašu izmaksas',
    ]);
    const columns = (header.values as unknown[]).length - 1;
    expect(header.getCell(columns).text).toBe('Pilnās izmaksas');
    const [allocatedColumn, fullColumn] = [columns - 1, columns];
    /** Rows by their first two cells: year and institution code, year and "Kopā", … */
    const rows = new Map<string, ExcelJS.Row[]>();
    sheet.eachRow((row, number) => {
      if (number <= 5) return;
      const name = `${row.getCell(1).text}/${row.getCell(2).text}`;
      rows.set(name, [...(rows.get(name) ?? []), row]);
    });
    const live = (cell: ExcelJS.Cell, amount: string | null) => {
      expect(formulaOf(cell), cell.address).not.toBeNull();
      expect(cents(numberOf(cell)), cell.address).toBe(amount);
      expect(evaluate(workbook, sheet, formulaOf(cell)!).toFixed(2), cell.address).toBe(amount);
    };

    for (const year of cycle.fiscalYears) {
      const answer = fullCostSchema.parse(
        (await itc.get(`/api/cycles/${cycle.id}/full-cost?fiscalYear=${year}`)).json(),
      );
      for (const institution of answer.institutions) {
        const [row] = rows.get(`${year}/${institution.institutionCode}`)!;
        expect(cents(numberOf(row!.getCell(4)))).toBe(institution.own);
        live(row!.getCell(allocatedColumn), institution.allocated);
        live(row!.getCell(fullColumn), institution.full);
      }
      const [total] = rows.get(`${year}/Kopā`)!;
      live(total!.getCell(fullColumn), sumMoney(answer.institutions.map((i) => i.full)).toFixed(2));
      live(total!.getCell(4), sumMoney(answer.institutions.map((i) => i.own)).toFixed(2));
      // The check: Σ full + Σ unallocated, the summary's grand total beside it, and no difference.
      const check = [...rows.values()]
        .flat()
        .find((r) => r.getCell(1).text === String(year) && formulaOf(r.getCell(3))?.startsWith("'Kopsavilkums'!"))!;
      live(check.getCell(2), answer.total);
      live(check.getCell(3), answer.total);
      expect(cents(numberOf(check.getCell(4)))).toBe('0.00');
    }
  });
});
