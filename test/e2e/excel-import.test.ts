import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession, LineItemInfo } from './support/api';
import { accessibilityViolations, normalSpaces } from './support/browser';
import { browserSuite } from './support/suite';
import { amountsOf, itemRow } from './support/workspace';

/**
 * Issue #14, item 4: the template's instructions say "Importēt no Excel" — the lead downloads the
 * workbook, fills it in and brings it back: a check first (every problem by sheet, row and
 * column), then the import itself, and a row changed on the server meanwhile is a conflict.
 */
const FIRST = 'Satiksmes organizācijas datu sistēmas uzturēšana'; // 2027: 90 000,00 €
const SECOND = 'Satiksmes atvērto datu publicēšana';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const e2e = browserSuite();
let page: Page;
let api: ApiSession;
let subProgrammeId: number;

beforeAll(async () => {
  api = await e2e.api('lead.sd@riga.example');
  subProgrammeId = (await api.subProgramme(2027, 'IKT.SD.01')).id;
  ({ page } = await e2e.signIn('lead.sd@riga.example'));
  await page.getByRole('link', { name: 'IKT.SD.01' }).click();
  await itemRow(page, FIRST).waitFor();
});

afterAll(async () => {
  await api?.dispose();
});

/** The sub-programme's template as the lead downloads it, to fill in. */
async function template() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await api.bytes(`/api/sub-programmes/${subProgrammeId}/export.xlsx`)) as never);
  const sheet = workbook.getWorksheet('Pozīcijas')!;
  const headings = new Map<string, number>();
  sheet.getRow(5).eachCell((cell, column) => headings.set(String(cell.value), column));
  let last = 5;
  sheet.eachRow((_, number) => (last = Math.max(last, number)));
  const rowOf = (id: number) => {
    let found = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(1).value === id) found = number;
    });
    return found;
  };
  const set = (row: number, values: Record<string, ExcelJS.CellValue>) => {
    for (const [heading, value] of Object.entries(values)) {
      const column = headings.get(heading);
      if (!column) throw new Error(`no column ${heading}`);
      sheet.getRow(row).getCell(column).value = value;
    }
  };
  return {
    rowOf,
    set,
    nextRow: () => ++last,
    bytes: async () => Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** What the in-page drop below uses of the browser (this program is typed for Node, without the DOM). */
interface BrowserGlobals {
  DataTransfer: new () => { items: { add(file: File): void } };
  DragEvent: new (type: string, init: { dataTransfer: unknown; bubbles: boolean; cancelable: boolean }) => Event;
}

const items = () => api.lineItems(subProgrammeId);
const byTitle = (list: LineItemInfo[], title: string) => list.find((item) => item.title === title);

function importDialog(): Locator {
  return page.getByRole('dialog', { name: 'Importēt no Excel' });
}

async function openImport(): Promise<Locator> {
  await page.getByRole('button', { name: 'Importēt no Excel' }).click();
  const dialog = importDialog();
  await dialog.waitFor();
  return dialog;
}

async function choose(dialog: Locator, name: string, bytes: Buffer): Promise<void> {
  await dialog.getByLabel('Excel fails (.xlsx)').setInputFiles({ name, mimeType: XLSX, buffer: bytes });
}

/** The rows of a table in the dialog, cell texts as read. */
async function tableRows(table: Locator): Promise<string[][]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => (await row.locator('th, td').allTextContents()).map((text) => normalSpaces(text))),
  );
}

describe('importing the filled-in template from the workspace', () => {
  it('checks a file with mistakes and lists every problem by sheet, row and column — nothing is saved', async () => {
    const before = await items();
    const file = await template();
    const unknownEkk = file.nextRow();
    file.set(unknownEkk, {
      Nosaukums: 'Jauns serveris',
      'EKK kods': '9999',
      'Izmaksu raksturs': 'Uzturēšana',
      Prioritāte: 'Zema',
      '2027, EUR': 5000,
    });
    const badNature = file.nextRow();
    file.set(badNature, {
      Nosaukums: 'Datu kvalitātes rīks',
      'EKK kods': '2251',
      'Izmaksu raksturs': 'Kaut kas cits',
      Prioritāte: 'Zema',
    });

    const dialog = await openImport();
    await choose(dialog, 'SD ar kļūdām.xlsx', await file.bytes());
    await dialog.getByRole('heading', { name: 'Failā ir problēmas — nekas netika mainīts' }).waitFor();
    const problems = dialog.getByRole('table', { name: /^Problēmas/ });
    const rows = await tableRows(problems);
    expect(rows.map((row) => row.slice(0, 3))).toEqual(
      expect.arrayContaining([
        ['Pozīcijas', String(unknownEkk), expect.stringMatching(/^[A-Z]+ · EKK kods$/)],
        ['Pozīcijas', String(badNature), expect.stringMatching(/^[A-Z]+ · Izmaksu raksturs$/)],
      ]),
    );
    // Every problem is worded for a person: no request paths or status codes.
    const text = normalSpaces(await dialog.textContent());
    expect(text).not.toMatch(/Statusa kods|body\.|422/);
    expect(await dialog.getByRole('button', { name: 'Importēt izmaiņas' }).count()).toBe(0);
    expect.soft(await accessibilityViolations(page), 'the import dialog with problems').toEqual([]);
    expect(await items()).toEqual(before);
    await dialog.getByRole('button', { name: 'Aizvērt' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('previews a good file (dropped onto the dialog), then imports it: the grid shows the new figures', async () => {
    const before = await items();
    const first = byTitle(before, FIRST)!;
    const file = await template();
    file.set(file.rowOf(first.id), { '2027, EUR': 95000 });
    file.set(file.nextRow(), {
      Nosaukums: 'Luksoforu kontrolleru programmatūra',
      'EKK kods': '2251',
      'Izmaksu raksturs': 'Uzturēšana',
      Prioritāte: 'Vidēja',
      '2027, EUR': 12345.67,
    });
    const bytes = await file.bytes();

    const dialog = await openImport();
    // Dragged from the file manager onto the drop area.
    await dialog.locator('.drop-zone').evaluate(
      (zone, { base64, type }) => {
        const browser = globalThis as unknown as BrowserGlobals;
        const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const transfer = new browser.DataTransfer();
        transfer.items.add(new File([data], 'SD 2027.xlsx', { type }));
        for (const kind of ['dragenter', 'dragover', 'drop']) {
          zone.dispatchEvent(new browser.DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      },
      { base64: bytes.toString('base64'), type: XLSX },
    );
    await dialog.getByRole('heading', { name: 'Pārbaude: SD 2027.xlsx' }).waitFor();
    const summary = normalSpaces(await dialog.locator('.import-summary').innerText());
    expect(summary).toContain('Jaunas pozīcijas 1');
    expect(summary).toContain('Mainītas pozīcijas 1');
    expect(await tableRows(dialog.getByRole('table', { name: 'Jaunās pozīcijas' }))).toEqual([
      [expect.stringMatching(/^\d+$/), 'Luksoforu kontrolleru programmatūra'],
    ]);
    expect(await tableRows(dialog.getByRole('table', { name: 'Mainītās pozīcijas' }))).toEqual([
      [String(file.rowOf(first.id)), FIRST, 'Summas'],
    ]);
    expect.soft(await accessibilityViolations(page), 'the import dialog with a preview').toEqual([]);
    // Only checked so far.
    expect(await items()).toEqual(before);

    await dialog.getByRole('button', { name: 'Importēt izmaiņas' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Imports pabeigts.').waitFor();
    await itemRow(page, 'Luksoforu kontrolleru programmatūra').waitFor();
    await expect.poll(async () => (await amountsOf(itemRow(page, FIRST)))[0]).toBe('95 000,00 €');
    expect((await amountsOf(itemRow(page, 'Luksoforu kontrolleru programmatūra')))[0]).toBe('12 345,67 €');

    const after = await items();
    expect(after).toHaveLength(before.length + 1);
    expect(byTitle(after, FIRST)).toMatchObject({ version: first.version + 1, amounts: { '2027': '95000.00' } });
    expect(byTitle(after, 'Luksoforu kontrolleru programmatūra')?.amounts['2027']).toBe('12345.67');
  });

  it('says plainly when a row changed on the server since the download, and saves nothing', async () => {
    const second = byTitle(await items(), SECOND)!;
    const file = await template();
    // Someone changes the item after the workbook was downloaded…
    await api.patch(`/api/line-items/${second.id}`, { title: `${SECOND} (precizēts)` }, second.version);
    // …and the file changes the same item.
    file.set(file.rowOf(second.id), { '2027, EUR': 1 });
    const before = await items();

    const dialog = await openImport();
    await choose(dialog, 'SD vecais.xlsx', await file.bytes());
    await dialog.getByRole('heading', { name: 'Failā ir problēmas — nekas netika mainīts' }).waitFor();
    await dialog.getByText('Dažas pozīcijas kopš faila lejupielādes ir mainītas serverī', { exact: false }).waitFor();
    const rows = await tableRows(dialog.getByRole('table', { name: /^Problēmas/ }));
    expect(rows).toEqual([
      [
        'Pozīcijas',
        String(file.rowOf(second.id)),
        'B · Versija',
        expect.stringMatching(/^Konflikts .*mainīta serverī/),
      ],
    ]);
    expect(await dialog.getByRole('button', { name: 'Importēt izmaiņas' }).count()).toBe(0);
    expect(await items()).toEqual(before);
    await dialog.getByRole('button', { name: 'Aizvērt' }).click();
  });
});
