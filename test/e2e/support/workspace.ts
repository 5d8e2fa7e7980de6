import type { Locator, Page } from 'playwright-core';
import { normalSpaces } from './browser';

/** The item grid of the sub-programme workspace (its caption is "Pozīcijas — <code>"). */
export function itemGrid(page: Page): Locator {
  return page.getByRole('grid', { name: /^Pozīcijas — / });
}

/** An item's row in the grid, found by its title (the row header). */
export function itemRow(page: Page, title: string): Locator {
  return itemGrid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: title, exact: true }) });
}

/**
 * The cells of the three fiscal-year columns (columns 8–10: open, rank, title, EKK, cost nature,
 * priority and last year's figure come first), as the user reads them.
 */
export async function amountsOf(row: Locator): Promise<string[]> {
  const texts: string[] = [];
  for (const column of [8, 9, 10]) {
    texts.push(normalSpaces(await row.locator(`[aria-colindex="${column}"]`).textContent()));
  }
  return texts;
}

/** What the in-page function below uses of the browser (this program is typed for Node, without the DOM). */
interface BrowserGlobals {
  document: { activeElement: EventTarget | null; body: EventTarget };
  DataTransfer: new () => { setData(format: string, data: string): void };
  ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => Event;
}

/** Puts text/plain TSV on the clipboard of a paste event at the focused element, as Ctrl+V from Excel does. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((tsv) => {
    const browser = globalThis as unknown as BrowserGlobals;
    const clipboardData = new browser.DataTransfer();
    clipboardData.setData('text/plain', tsv);
    const target = browser.document.activeElement ?? browser.document.body;
    target.dispatchEvent(new browser.ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}
