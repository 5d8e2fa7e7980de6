import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalSpaces } from './support/browser';
import { TEST_PASSWORD } from './support/e2e-app';
import { browserSuite } from './support/suite';

/**
 * The item grid with the keyboard alone — no click anywhere, from the sign-in page to the saved
 * value: arrows, Home/End, Enter and F2 to edit, typing, Enter to save, Esc to cancel.
 */
const FIRST = 'Satiksmes organizācijas datu sistēmas uzturēšana'; // 2027: 90 000,00 €
const SECOND = 'Satiksmes atvērto datu publicēšana'; // 2027: 45 000,00 €

const e2e = browserSuite();
let page: Page;

beforeAll(async () => {
  ({ page } = await e2e.openWindow());
});

/** Presses Tab until the element has the focus (as a keyboard user would), failing after `limit` presses. */
async function tabTo(target: Locator, limit = 40): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${String(target)} did not get the focus after ${limit} presses of Tab`);
}

interface Focus {
  /** aria-rowindex of the row: 1 is the header row, 2 the first item. */
  row: number;
  /**
   * aria-colindex: 1 "open", 2 rank, 3 title, 4 EKK, 5 cost nature, 6 priority, 7 last year, 8–10 the years,
   * 11 status, 12 check.
   */
  col: number;
  /** The cell as it reads, or the editor's value while editing. */
  text: string;
  editing: boolean;
}

async function focus(): Promise<Focus> {
  const state = await page.locator(':focus').evaluate((active) => {
    const cell = active.closest('[aria-colindex]');
    const editing = active.tagName === 'INPUT' || active.tagName === 'SELECT';
    return {
      row: Number(cell?.closest('[role="row"]')?.getAttribute('aria-rowindex')),
      col: Number(cell?.getAttribute('aria-colindex')),
      text: String(editing ? active.value : (cell?.textContent ?? '')),
      editing,
    };
  });
  return { ...state, text: normalSpaces(state.text) };
}

async function press(...keys: string[]): Promise<Focus> {
  for (const key of keys) await page.keyboard.press(key);
  return focus();
}

describe('the item grid by keyboard alone', () => {
  it('signs in and reaches the grid with Tab', async () => {
    await page.goto('/login');
    await tabTo(page.getByLabel('E-pasts'));
    await page.keyboard.type('lead.sd@riga.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'IKT.SD.01' }).waitFor();

    await tabTo(page.getByRole('link', { name: 'IKT.SD.01' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'IKT.SD.01 Satiksmes IS' }).waitFor();

    // The grid is a single tab stop; the cursor starts on the first item's title.
    await page.getByRole('grid').getByRole('rowheader', { name: FIRST }).waitFor();
    await tabTo(page.getByRole('grid').locator('[tabindex="0"]'));
    expect(await focus()).toEqual({ row: 2, col: 3, text: FIRST, editing: false });
  });

  it('moves with the arrows, Home and End', async () => {
    expect(await press('ArrowDown')).toMatchObject({ row: 3, col: 3, text: SECOND });
    expect(await press('ArrowUp')).toMatchObject({ row: 2, col: 3, text: FIRST });
    expect(await press('End')).toMatchObject({ row: 2, col: 12 });
    expect(await press('Home')).toMatchObject({ row: 2, col: 1 });
    expect(await press('Control+End')).toMatchObject({ row: 3, col: 12 });
    expect(await press('Control+Home')).toMatchObject({ row: 2, col: 1 });
    const lastYear = await press('ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight');
    expect(lastYear).toEqual({ row: 2, col: 7, text: '88 000,00 €', editing: false });
    expect(await press('ArrowRight')).toEqual({ row: 2, col: 8, text: '90 000,00 €', editing: false });
  });

  it('edits an amount with F2 and saves it with Enter, moving down', async () => {
    expect(await press('F2')).toEqual({ row: 2, col: 8, text: '90000,00', editing: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('91 250,50');
    expect(await press('Enter')).toEqual({ row: 3, col: 8, text: '45 000,00 €', editing: false });
    const saved = page.getByRole('grid').locator('[aria-rowindex="2"] [aria-colindex="8"]');
    expect(normalSpaces(await saved.textContent())).toBe('91 250,50 €');
  });

  it('cancels with Esc: typing starts a fresh value, Esc drops it', async () => {
    await page.keyboard.type('7');
    expect(await focus()).toEqual({ row: 3, col: 8, text: '7', editing: true });
    await page.keyboard.type('7 777');
    expect(await press('Escape')).toEqual({ row: 3, col: 8, text: '45 000,00 €', editing: false });
  });

  it('edits a title with Enter and saves it with Enter', async () => {
    expect(await press('ArrowUp', 'Home', 'ArrowRight', 'ArrowRight')).toMatchObject({ row: 2, col: 3, text: FIRST });
    expect(await press('Enter')).toEqual({ row: 2, col: 3, text: FIRST, editing: true });
    await page.keyboard.press('End');
    await page.keyboard.type(' (RDVIS)');
    expect(await press('Enter')).toMatchObject({ row: 3, col: 3, text: SECOND, editing: false });
    await page
      .getByRole('grid')
      .getByRole('rowheader', { name: `${FIRST} (RDVIS)` })
      .waitFor();
  });

  it('has saved both changes on the server', async () => {
    const lead = await e2e.api('lead.sd@riga.example');
    try {
      const subProgramme = await lead.subProgramme(2027, 'IKT.SD.01');
      const saved = async () =>
        Object.fromEntries((await lead.lineItems(subProgramme.id)).map((item) => [item.title, item.amounts['2027']]));
      await expect.poll(saved).toEqual({ [`${FIRST} (RDVIS)`]: '91250.50', [SECOND]: '45000.00' });
    } finally {
      await lead.dispose();
    }
  });

  it('sorts by a column with Enter on its header', async () => {
    expect(await press('ArrowUp', 'ArrowUp', 'End', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft')).toMatchObject({
      row: 1,
      col: 8,
      text: '2027',
    });
    await page.keyboard.press('Enter');
    const header = page.getByRole('columnheader', { name: '2027' });
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const firstRow = page.getByRole('grid').locator('[aria-rowindex="2"]').getByRole('rowheader');
    expect(normalSpaces(await firstRow.textContent())).toBe(SECOND);
  });
});
