import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession, LineItemInfo } from './support/api';
import { accessibilityViolations, normalSpaces } from './support/browser';
import { TEST_PASSWORD } from './support/e2e-app';
import { browserSuite } from './support/suite';
import { amountsOf, itemGrid, itemRow } from './support/workspace';

/**
 * Issue #14, item 5: a lead's work is not lost — leaving the side panel, the page or the app with
 * unsaved text asks first; Delete on an amount can be taken back (Ctrl+Z or "Atsaukt"); and a
 * session that ends mid-edit sends the lead to sign in again, with the edit kept and offered back.
 */
const FIRST = 'Satiksmes organizācijas datu sistēmas uzturēšana'; // 2027: 90 000,00 €
const SECOND = 'Satiksmes atvērto datu publicēšana'; // 2027: 45 000,00 €
const LEAD = 'lead.sd@riga.example';

const e2e = browserSuite();
let page: Page;
/** ITC reads what the server holds (the lead's own session is the one that ends). */
let itc: ApiSession;
let subProgrammeId: number;
let workspaceUrl: string;

beforeAll(async () => {
  itc = await e2e.api('itc.finance@riga.example');
  subProgrammeId = (await itc.subProgramme(2027, 'IKT.SD.01')).id;
  workspaceUrl = `/sub-programmes/${subProgrammeId}`;
  ({ page } = await e2e.signIn(LEAD));
  await page.goto(workspaceUrl);
  await itemRow(page, FIRST).waitFor();
});

afterAll(async () => {
  await itc?.dispose();
});

async function item(title: string): Promise<LineItemInfo & Record<string, unknown>> {
  const found = (await itc.lineItems(subProgrammeId)).find((candidate) => candidate.title === title);
  if (!found) throw new Error(`no item ${title}`);
  return found as LineItemInfo & Record<string, unknown>;
}

function panel(title: string): Locator {
  return page.getByRole('region', { name: title });
}

async function openPanel(title: string): Promise<Locator> {
  await page.getByRole('button', { name: `Atvērt pozīciju “${title}”` }).click();
  const region = panel(title);
  await region.getByLabel('Biznesa vajadzība').waitFor();
  return region;
}

function leaveDialog(): Locator {
  return page.getByRole('dialog', { name: 'Nesaglabātas izmaiņas' });
}

/** The browser's session ends on the server (as when it expires), while the page stays open. */
async function expireBrowserSession(): Promise<void> {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'ikt_session');
  if (!cookie) throw new Error('no session cookie');
  const id = createHash('sha256').update(cookie.value).digest('hex');
  const result = await e2e.app.database.db
    .updateTable('session')
    .set({ expires_at: new Date(Date.now() - 60_000) })
    .where('id', '=', id)
    .executeTakeFirst();
  expect(Number(result.numUpdatedRows)).toBe(1);
}

async function signInAgain(): Promise<void> {
  await page.getByLabel('E-pasts').fill(LEAD);
  await page.getByLabel('Parole').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Pieteikties' }).click();
}

/** Puts the grid's cursor on an item's cell (8 is the 2027 amount). */
async function cell(title: string, column: number): Promise<Locator> {
  const target = itemRow(page, title).locator(`[aria-colindex="${column}"]`);
  await target.click();
  await expect.poll(() => target.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
  return target;
}

/** Whether leaving the app now (reload, closing the tab) would make the browser ask first. */
function leavingAsks(): Promise<boolean> {
  return page.evaluate(() => {
    const browser = globalThis as unknown as { dispatchEvent(event: Event): boolean };
    const event = new Event('beforeunload', { cancelable: true });
    browser.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

const idle = () => page.getByRole('status').filter({ hasText: 'Saglabā…' }).waitFor({ state: 'detached' });

describe('unsaved text in the side panel is not lost by leaving', () => {
  it('asks before the panel is closed, another page is opened or the app is left', async () => {
    const region = await openPanel(FIRST);
    await region.getByLabel('Biznesa vajadzība').fill('Satiksmes vadības centra darbam nepieciešami tiešsaistes dati.');

    // Closing the panel: the question, and "Palikt" keeps the text.
    await region.getByRole('button', { name: 'Aizvērt' }).click();
    const dialog = leaveDialog();
    await dialog.waitFor();
    expect.soft(await accessibilityViolations(page), 'the unsaved-changes question').toEqual([]);
    await dialog.getByRole('button', { name: 'Palikt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await region.getByLabel('Biznesa vajadzība').inputValue()).toContain('tiešsaistes dati');

    // Another page of the app, from the header: the same question.
    await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Sākums' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Palikt' }).click();
    expect(new URL(page.url()).pathname).toBe(workspaceUrl);

    // Leaving the app (reload, closing the tab): the browser is asked to confirm.
    expect(await leavingAsks()).toBe(true);

    // Leaving anyway drops the text; nothing was saved.
    await region.getByRole('button', { name: 'Aizvērt' }).click();
    await dialog.getByRole('button', { name: 'Aiziet, nesaglabājot' }).click();
    await region.waitFor({ state: 'detached' });
    expect((await item(FIRST)).businessNeed).not.toContain('tiešsaistes dati');
    // With nothing unsaved, leaving asks nothing.
    expect(await leavingAsks()).toBe(false);
  });
});

describe('grid edits can be undone', () => {
  it('Delete on an amount is taken back with Ctrl+Z, through a normal save', async () => {
    const before = await item(FIRST);
    await cell(FIRST, 8);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await amountsOf(itemRow(page, FIRST)))[0]).toBe('0,00 €');
    await idle();
    await expect.poll(async () => (await item(FIRST)).amounts['2027']).toBe('0.00');

    const undo = page.getByRole('button', { name: /^Atsaukt/ });
    expect(normalSpaces(await undo.getAttribute('aria-label'))).toBe(`Atsaukt: 2027. gada summa, “${FIRST}”`);
    await itemGrid(page).locator('[tabindex="0"]').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await amountsOf(itemRow(page, FIRST)))[0]).toBe('90 000,00 €');
    await idle();
    const after = await item(FIRST);
    expect(after.amounts['2027']).toBe(before.amounts['2027']);
    expect(after.version).toBe(before.version + 2);
  });

  it('the last few edits are undone one by one with the "Atsaukt" button, newest first', async () => {
    await cell(SECOND, 8);
    await page.keyboard.type('50000');
    await page.keyboard.press('Enter');
    await idle();
    await cell(SECOND, 9);
    await page.keyboard.press('Delete');
    await idle();
    await expect.poll(async () => (await item(SECOND)).amounts).toMatchObject({ '2027': '50000.00', '2028': '0.00' });

    await page.getByRole('button', { name: /^Atsaukt: 2028\. gada summa/ }).click();
    await expect.poll(async () => (await item(SECOND)).amounts['2028']).not.toBe('0.00');
    await page.getByRole('button', { name: /^Atsaukt: 2027\. gada summa/ }).click();
    await expect.poll(async () => (await item(SECOND)).amounts['2027']).toBe('45000.00');
    await expect.poll(async () => (await amountsOf(itemRow(page, SECOND)))[0]).toBe('45 000,00 €');
  });
});

describe('a session that ends mid-edit keeps the edit', () => {
  it('a grid value typed after the session ended is offered back after signing in again', async () => {
    await expireBrowserSession();
    await cell(FIRST, 8);
    await page.keyboard.type('77777');
    await page.keyboard.press('Enter');

    // Sent to sign in, told why, and the header no longer shows a user.
    await page.getByRole('heading', { level: 1, name: 'Pieteikšanās' }).waitFor();
    await page.getByText('Jūsu sesija ir beigusies').waitFor();
    expect(await page.getByRole('button', { name: 'Iziet' }).count()).toBe(0);
    expect(await page.getByText('SD nozares IKT vadītājs').count()).toBe(0);
    expect((await item(FIRST)).amounts['2027']).toBe('90000.00');

    await signInAgain();
    await itemRow(page, FIRST).waitFor();
    expect(new URL(page.url()).pathname).toBe(workspaceUrl);
    const kept = page.getByRole('region', { name: 'Nesaglabātās izmaiņas' });
    await kept.waitFor();
    expect(normalSpaces(await kept.textContent())).toContain(`${FIRST}: 2027. gada summa — 77 777,00 €`);
    expect.soft(await accessibilityViolations(page), 'the kept edits after signing in again').toEqual([]);
    await kept.getByRole('button', { name: 'Saglabāt' }).click();
    await kept.waitFor({ state: 'detached' });
    await expect.poll(async () => (await item(FIRST)).amounts['2027']).toBe('77777.00');
    expect((await amountsOf(itemRow(page, FIRST)))[0]).toBe('77 777,00 €');
  });

  it('the text typed in the side panel comes back in the panel after signing in again', async () => {
    const region = await openPanel(SECOND);
    const text = 'Atvērto datu portālam nepieciešama ikdienas datu kopa.';
    await region.getByLabel('Biznesa vajadzība').fill(text);
    await expireBrowserSession();
    await region.getByRole('button', { name: 'Saglabāt', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Pieteikšanās' }).waitFor();
    expect(await page.getByRole('button', { name: 'Iziet' }).count()).toBe(0);
    await signInAgain();

    const restored = panel(SECOND);
    await restored.getByLabel('Biznesa vajadzība').waitFor();
    expect(await restored.getByLabel('Biznesa vajadzība').inputValue()).toBe(text);
    await restored.getByText('Ir nesaglabātas izmaiņas.').waitFor();
    expect((await item(SECOND)).businessNeed).not.toBe(text);
    await restored.getByRole('button', { name: 'Saglabāt', exact: true }).click();
    await restored.getByText('Saglabāts.').waitFor();
    expect((await item(SECOND)).businessNeed).toBe(text);
  });
});
