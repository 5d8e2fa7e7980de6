import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumMoney, toMoneyString } from '@ikt/shared/money';
import type { ApiSession } from './support/api';
import { accessibilityViolations, normalSpaces } from './support/browser';
import { browserSuite } from './support/suite';
import { amountsOf, itemGrid, itemRow } from './support/workspace';

/**
 * Issue #14, "what people expect that is missing": last year's figure beside each item in the
 * lead's grid — the amount approved last year for the item it was carried from, in Latvian money,
 * empty for a new item, read-only, and the same figure the consolidation counts as last year.
 */
const CARRIED = 'Skolu bezvadu tīklu uzturēšana'; // 2026 approved: 410 000,00 € (made 410 000,17 € below)
const NEW_ITEM = 'Pirmsskolu rindas e-pakalpojuma attīstība'; // development, nothing last year
const LAPTOPS = 'Skolotāju portatīvo datoru nomaiņa'; // 2026 approved: 300 000,00 €
const LEAD = 'lead.iksd@riga.example';

const e2e = browserSuite();
let page: Page;
let itc: ApiSession;
let subProgrammeId: number;

interface Carried {
  id: number;
  title: string;
  carriedFromId: number | null;
}

beforeAll(async () => {
  itc = await e2e.api('itc.finance@riga.example');
  subProgrammeId = (await itc.subProgramme(2027, 'IKT.IKSD.01')).id;
  // Odd cents last year, so "agrees to the cent" is tested on a figure that has some.
  const items = (await itc.lineItems(subProgrammeId)) as unknown as Carried[];
  const origin = items.find((item) => item.title === CARRIED)!.carriedFromId!;
  await e2e.app.database.db
    .updateTable('line_item_amount')
    .set({ amount: '410000.17' })
    .where('line_item_id', '=', origin)
    .where('fiscal_year', '=', 2026)
    .execute();
  ({ page } = await e2e.signIn(LEAD));
  await page.goto(`/sub-programmes/${subProgrammeId}`);
  await itemRow(page, CARRIED).waitFor();
});

afterAll(async () => {
  await itc?.dispose();
});

/** The grid's column under a header, found by the header's place (aria-colindex). */
async function columnIndex(name: string): Promise<string> {
  const header = itemGrid(page).getByRole('columnheader', { name, exact: true });
  return (await header.getAttribute('aria-colindex'))!;
}

async function lastYearCell(title: string): Promise<Locator> {
  return itemRow(page, title).locator(`[aria-colindex="${await columnIndex('Iepriekšējā gadā')}"]`);
}

async function lastYearText(title: string): Promise<string> {
  return normalSpaces(await (await lastYearCell(title)).textContent());
}

/** "410 000,17 €" → "410000.17" (the test reads the page as a person does, then compares exactly). */
function moneyOf(text: string): string {
  return text.replace(/[\s€]/g, '').replace(',', '.');
}

describe("last year's figure in the lead's grid", () => {
  it('stands in its own column just before this cycle’s years', async () => {
    expect(Number(await columnIndex('Iepriekšējā gadā'))).toBe(Number(await columnIndex('2027')) - 1);
  });

  it('shows last year’s approved amount in Latvian money, and nothing for a new item', async () => {
    expect(await lastYearText(CARRIED)).toBe('410 000,17 €');
    expect(await lastYearText(LAPTOPS)).toBe('300 000,00 €');
    expect(await lastYearText(NEW_ITEM)).toBe('');
    // This year's figures are where they were.
    expect((await amountsOf(itemRow(page, CARRIED)))[0]).toBe('425 000,00 €');
  });

  it('agrees to the cent with the consolidation’s last year for the sub-programme', async () => {
    const consolidation = (await itc.get(
      `/api/cycles/${(await itc.cycle(2027)).id}/consolidation?by=sub_programme`,
    )) as { rows: { key: string; previousYear: string | null }[] };
    const expected = consolidation.rows.find((row) => row.key === 'IKT.IKSD.01')!.previousYear;
    const shown: string[] = [];
    for (const title of [CARRIED, NEW_ITEM, LAPTOPS]) {
      const text = await lastYearText(title);
      if (text !== '') shown.push(moneyOf(text));
    }
    expect(toMoneyString(sumMoney(shown))).toBe(expected);
  });

  it('is read-only: typing, F2 and Delete leave it as it was', async () => {
    const cell = await lastYearCell(CARRIED);
    expect(await cell.getAttribute('aria-readonly')).toBe('true');
    await cell.click();
    await page.keyboard.press('F2');
    await page.keyboard.type('5');
    await page.keyboard.press('Delete');
    expect(await itemGrid(page).locator('[data-editor]').count()).toBe(0);
    expect(await lastYearText(CARRIED)).toBe('410 000,17 €');
  });

  it('stays beside the item after the lead changes this year’s amount', async () => {
    const year2027 = itemRow(page, CARRIED).locator(`[aria-colindex="${await columnIndex('2027')}"]`);
    await year2027.click();
    await page.keyboard.type('430000');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await amountsOf(itemRow(page, CARRIED)))[0]).toBe('430 000,00 €');
    await page.getByRole('status').filter({ hasText: 'Saglabā…' }).waitFor({ state: 'detached' });
    expect(await lastYearText(CARRIED)).toBe('410 000,17 €');
  });

  it('sorts by last year from its header, as money, items without a figure first', async () => {
    const header = itemGrid(page).getByRole('columnheader', { name: 'Iepriekšējā gadā', exact: true });
    await header.click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const titles = await itemGrid(page).locator('.sheet__body').getByRole('rowheader').allTextContents();
    expect(titles.map(normalSpaces)).toEqual([NEW_ITEM, LAPTOPS, CARRIED]);
  });

  it('keeps the page free of accessibility violations', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
