import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cents, numberOf } from '../integration/spreadsheets-support';
import { normalSpaces, type Session } from './support/browser';
import { browserSuite } from './support/suite';
import { amountsOf, itemGrid, itemRow, pasteText } from './support/workspace';

/**
 * One sub-programme of the open demo cycle (IKT.SD.01, the traffic department's, two demo items
 * worth 90 000,00 € and 45 000,00 € in 2027) taken from planning to the consolidated workbook,
 * by the people who do it, in the browser.
 */
const KEYED_ITEM = 'Satiksmes datu platformas mitināšana mākonī';
const PASTED = [
  ['Viedo luksoforu kontrolieru licences', '2259', 'Uzturēšana', 'Augsta', '12 500,00', '12 500,00', '13 000,00'],
  ['Satiksmes kameru datu glabāšana', '2251', 'Uzturēšana', 'Vidēja', '8 400,50', '8 400,50', '8 400,50'],
  ['Stāvvietu sensoru datu pārraide', '2259', 'Uzturēšana', 'Zema', '3 600,00', '3 600,00', '3 600,00'],
] as const;
const RETURNED_ITEM = PASTED[1][0];
const RETURN_COMMENT = 'Lūdzu norādiet aprēķinā glabājamo datu apjomu (TB) un cenu par TB.';

const e2e = browserSuite();
let lead: Session;
let itc: Session;
let downloads: string;

beforeAll(async () => {
  downloads = await mkdtemp(path.join(tmpdir(), 'ikt-e2e-downloads-'));
});

afterAll(async () => {
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

/** The workspace's status line after an action ("Apakšprogramma iesniegta izskatīšanai."). */
async function submitSubProgramme(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pārbaudīt un iesniegt' }).click();
  // A summary first (items, totals per year, what changed); then it goes.
  const summary = page.getByRole('dialog', { name: 'Iesniegt apakšprogrammu?' });
  await summary.getByRole('button', { name: 'Iesniegt', exact: true }).click();
  await summary.waitFor({ state: 'hidden' });
  await page.getByText('Apakšprogramma iesniegta izskatīšanai.').first().waitFor();
  await page.locator('.page-header').getByText('Iesniegta', { exact: true }).waitFor();
}

describe('a sub-programme from planning to the Finance Department workbook', () => {
  it('the institution lead signs in and opens the sub-programme', async () => {
    lead = await e2e.signIn('lead.sd@riga.example');
    const { page } = lead;
    await page.getByRole('link', { name: 'IKT.SD.01' }).click();
    await page.getByRole('heading', { level: 1, name: 'IKT.SD.01 Satiksmes IS' }).waitFor();
    await itemRow(page, 'Satiksmes organizācijas datu sistēmas uzturēšana').waitFor();
    expect(await amountsOf(itemRow(page, 'Satiksmes organizācijas datu sistēmas uzturēšana'))).toEqual([
      '90 000,00 €',
      '92 000,00 €',
      '94 000,00 €',
    ]);
  });

  it('adds an item with the keyboard', async () => {
    const { page } = lead;
    await page.getByRole('button', { name: 'Pievienot pozīciju' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Jauna pozīcija' });
    await dialog.waitFor();
    // The title field has the focus as the dialog opens; the rest is Tab and typing.
    await page.keyboard.type(KEYED_ITEM);
    await page.keyboard.press('Tab');
    await page.keyboard.type('2251'); // the EKK list jumps to the code typed
    await page.keyboard.press('Tab'); // cost nature: maintenance, the first
    await page.keyboard.press('Tab');
    await page.keyboard.type('Augsta');
    for (const amount of ['24000', '24 000', '24000,00']) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(amount);
    }
    expect(await dialog.getByLabel('EKK').inputValue()).toBe('2251');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    // The new item is in the grid and opens in the side panel, ready for its defence.
    await page.getByRole('heading', { level: 2, name: KEYED_ITEM }).waitFor();
    expect(await amountsOf(itemRow(page, KEYED_ITEM))).toEqual(['24 000,00 €', '24 000,00 €', '24 000,00 €']);
    expect(normalSpaces(await itemRow(page, KEYED_ITEM).locator('[aria-colindex="6"]').textContent())).toBe('Augsta');
  });

  it('pastes three rows copied from a spreadsheet, checks the preview and saves them', async () => {
    const { page } = lead;
    await itemGrid(page).locator('[tabindex="0"]').focus();
    await pasteText(page, PASTED.map((row) => row.join('\t')).join('\r\n') + '\r\n');

    const dialog = page.getByRole('dialog', { name: 'Ielīmēt rindas no Excel' });
    const preview = dialog.getByRole('table', { name: 'Priekšskatījums' });
    await preview.waitFor();
    const previewRows = preview.locator('tbody tr');
    expect(await previewRows.count()).toBe(3);
    for (const [index, row] of PASTED.entries()) {
      const text = normalSpaces(await previewRows.nth(index).textContent());
      expect(text).toContain(row[0]);
      expect(text).toContain(`${row[4]} €`);
      expect(text).toContain('Gatava');
    }
    await dialog.getByRole('button', { name: /^Saglabāt 3/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    for (const row of PASTED) {
      await itemRow(page, row[0]).waitFor();
      expect(await amountsOf(itemRow(page, row[0]))).toEqual([`${row[4]} €`, `${row[5]} €`, `${row[6]} €`]);
    }
    // 90 000 + 45 000 (demo) + 24 000 (keyed) + 12 500 + 8 400,50 + 3 600 (pasted)
    const totals = itemGrid(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Kopā' }) });
    expect((await amountsOf(totals))[0]).toBe('183 500,50 €');
  });

  it('is told what the defence still lacks, fills it in and submits', async () => {
    const { page } = lead;
    await page.getByRole('button', { name: 'Pārbaudīt un iesniegt' }).click();
    // Four new items, each without its business need and impact if cut.
    // The list follows the items as they are fixed, its heading's count too.
    const problems = page.getByRole('region', { name: /^Iesniegt vēl nevar — jānovērš/ });
    await problems.getByRole('heading', { name: 'Iesniegt vēl nevar — jānovērš 8' }).waitFor();

    for (const title of [KEYED_ITEM, ...PASTED.map((row) => row[0])]) {
      await problems.getByRole('link', { name: `${title}: Nav norādīta biznesa vajadzība` }).click();
      const panel = page.getByRole('region', { name: title });
      const need = panel.getByLabel('Biznesa vajadzība');
      await need.waitFor();
      // The link puts the cursor in the field that needs it.
      await expect.poll(() => need.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
      await need.fill(`${title}: nepieciešams satiksmes pārvaldībai.`);
      await panel.getByLabel('Ietekme, ja netiek finansēts').fill('Satiksmes pārvaldības dati netiek uzturēti.');
      await panel.getByRole('button', { name: 'Saglabāt', exact: true }).click();
      await panel.getByText('Saglabāts.').waitFor();
    }

    await submitSubProgramme(page);
    // Submitted: the items can no longer be changed until ITC returns them.
    await page.getByText('Apakšprogramma ir iesniegta vai pieņemta').waitFor();
    expect(await page.getByRole('button', { name: 'Pievienot pozīciju' }).count()).toBe(0);
  });

  it('ITC returns one item with a comment, then the sub-programme', async () => {
    itc = await e2e.signIn('itc.finance@riga.example');
    const { page } = itc;
    await page
      .getByRole('navigation', { name: 'Galvenā navigācija' })
      .getByRole('link', { name: 'Izskatīšana' })
      .click();
    await page.getByRole('link', { name: 'IKT.SD.01' }).click();
    await page.getByRole('heading', { level: 1, name: 'Izskatīšana: IKT.SD.01' }).waitFor();

    await page.getByRole('button', { name: `Atgriezt ${RETURNED_ITEM}` }).click();
    const dialog = page.getByRole('dialog', { name: `Atgriezt pozīciju “${RETURNED_ITEM}”` });
    await dialog.getByLabel('Kas iestādei jālabo').fill(RETURN_COMMENT);
    await dialog.getByRole('button', { name: 'Atgriezt pozīciju' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('table', { name: 'Pozīcijas un lēmumi par tām' }).locator('tbody tr', {
      has: page.getByRole('link', { name: RETURNED_ITEM }),
    });
    await row.getByText('Atgriezta', { exact: true }).waitFor();
    // Reviewing is per item; giving the sub-programme back is a decision of its own.
    await page.locator('.page-header').getByText('Iesniegta', { exact: true }).waitFor();
    await page.getByLabel('Komentārs iestādei').fill('Skatiet komentāru pie datu glabāšanas.');
    await page.getByRole('button', { name: 'Atgriezt apakšprogrammu' }).click();
    const confirm = page.getByRole('dialog', { name: 'Atgriezt apakšprogrammu IKT.SD.01?' });
    await confirm.getByText(RETURN_COMMENT).waitFor();
    await confirm.getByRole('button', { name: 'Jā, atgriezt' }).click();
    await page.locator('.page-header').getByText('Atgriezta', { exact: true }).waitFor();
  });

  it('the lead reads the comment, fixes the item and submits again', async () => {
    const { page } = lead;
    await page.reload();
    const notice = page.getByRole('region', { name: 'ITC atgrieza apakšprogrammu labošanai' });
    await notice.getByRole('link', { name: RETURNED_ITEM }).click();

    const panel = page.getByRole('region', { name: RETURNED_ITEM });
    await panel.getByRole('tab', { name: 'Komentāri' }).click();
    await panel.getByText(RETURN_COMMENT).waitFor();
    await panel.getByRole('tab', { name: 'Aizstāvība' }).click();
    await panel.getByLabel('Aprēķina pamatojums').fill('60 TB × 140,00 EUR gadā');
    await panel.getByRole('button', { name: 'Saglabāt', exact: true }).click();
    await panel.getByText('Saglabāts.').waitFor();

    // The 2027 amount, corrected in the grid: typing on a cell starts a fresh value.
    const row = itemRow(page, RETURNED_ITEM);
    await row.locator('[aria-colindex="8"]').click();
    await page.keyboard.type('8400');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await amountsOf(row))[0]).toBe('8 400,00 €');
    await page.getByRole('status').filter({ hasText: 'Saglabā…' }).waitFor({ state: 'detached' });

    await submitSubProgramme(page);
  });

  it('ITC accepts the sub-programme and consolidates the cycle', async () => {
    const { page } = itc;
    await page.reload();
    await page.getByRole('button', { name: 'Pieņemt apakšprogrammu' }).click();
    await page.getByText('Apakšprogramma pieņemta.').waitFor();
    await page.locator('.page-header').getByText('Pieņemta', { exact: true }).waitFor();

    await page
      .getByRole('navigation', { name: 'Galvenā navigācija' })
      .getByRole('link', { name: 'Administrēšana' })
      .click();
    const cycles = page.getByRole('table', { name: 'Budžeta cikli' });
    const cycleRow = cycles.locator('tbody tr', { hasText: 'IKT budžets 2027–2029' });
    for (const status of ['Izskatīšanā', 'Konsolidēts']) {
      await cycleRow.getByRole('button', { name: `Uz: ${status}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Mainīt cikla statusu?' });
      // The other demo sub-programmes are drafts: consolidating needs a reason.
      if (status === 'Konsolidēts') await confirm.getByLabel(/^Iemesls/).fill('Pārbaudes konsolidācija.');
      await confirm.getByRole('button', { name: 'Jā, mainīt' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await cycleRow.getByText(status, { exact: true }).waitFor();
    }
  });

  it('ITC exports the consolidated workbook, which opens with the same totals', async () => {
    const { page } = itc;
    await page
      .getByRole('navigation', { name: 'Galvenā navigācija' })
      .getByRole('link', { name: 'Konsolidācija' })
      .click();
    const table = page.getByRole('table', { name: /^Konsolidācija pēc: Iestādes — IKT budžets 2027–2029/ });
    await table.waitFor();
    const shownTotal = normalSpaces(await table.locator('tfoot tr').first().locator('td').nth(1).textContent());
    expect(shownTotal).toMatch(/^[\d ]+,\d\d €$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lejupielādēt konsolidēto Excel' }).click(),
    ]);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByText(`Fails ${download.suggestedFilename()} lejupielādēts.`).waitFor();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const summary = workbook.getWorksheet('Kopsavilkums');
    expect(summary, 'the workbook has a summary sheet').toBeDefined();
    const rowWith = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary!.eachRow((row) => {
        if (row.getCell(1).text === label) found = row;
      });
      expect(found, `a row "${label}" on Kopsavilkums`).toBeDefined();
      return found!;
    };
    /** The 2027 amount (column E), as the cached result of its SUMIFS/SUM formula. */
    const amount2027 = (row: ExcelJS.Row) => cents(numberOf(row.getCell(5)));
    // 183 500,50 € less the 0,50 € taken off the returned item.
    expect(amount2027(rowWith('IKT.SD.01'))).toBe('183500.00');
    expect(amount2027(rowWith('Kopā'))).toBe(shownTotal.replace(/[ €]/g, '').replace(',', '.'));
  });

  it("the lead cannot open another institution's sub-programme by its address", async () => {
    const cycles = (await (await itc.page.request.get('/api/cycles')).json()) as { id: number; year: number }[];
    const cycle = cycles.find((candidate) => candidate.year === 2027)!;
    const subProgrammes = (await (await itc.page.request.get(`/api/cycles/${cycle.id}/sub-programmes`)).json()) as {
      id: number;
      code: string;
      name: string;
    }[];
    const other = subProgrammes.find((subProgramme) => subProgramme.code === 'IKT.IKSD.01')!;

    const { page } = lead;
    await page.goto(`/sub-programmes/${other.id}`);
    await page.getByRole('heading', { level: 1, name: 'Lapa nav atrasta' }).waitFor();
    expect(await page.title()).toBe('Lapa nav atrasta — IKT budžets');
    const shown = normalSpaces(await page.locator('main').textContent());
    expect(shown).not.toContain(other.code);
    expect(shown).not.toContain(other.name);
    expect(await page.getByRole('grid').count()).toBe(0);
  });
});
