import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalSpaces, type Session } from './support/browser';
import { browserSuite } from './support/suite';

/**
 * The review and workflow journeys of issue #14, each as the role that hit it, in the browser:
 * ITC reviews item by item and returns the sub-programme as its own decision (1); the lead finds
 * the return comment and answers it where ITC reads it (7); submitting shows a summary and can be
 * withdrawn until ITC starts (6); a cycle with sub-programmes not accepted moves on only with a
 * reason that the workbook shows (2).
 */
const RETURNED = 'SOPA uzturēšana';
const OTHER = 'SOPA datu apmaiņa ar VSAA un Iedzīvotāju reģistru';
const ITEM_COMMENT = 'Lūdzu pamatojiet uzturēšanas izmaksu pieaugumu ar līguma grozījumiem.';
const SUB_PROGRAMME_COMMENT = 'Atgriežam: skatiet komentāru pie SOPA uzturēšanas.';
const REPLY = 'Līguma grozījumi pievienoti aprēķina pamatojumā; pieaugums ir indeksācija.';
const CONSOLIDATE_REASON = 'Padomes sēde 15. janvārī; trūkstošās apakšprogrammas tiks pievienotas grozījumos.';
const APPROVE_REASON = 'Domes lēmums Nr. 12: budžets jāapstiprina līdz termiņam.';

const e2e = browserSuite();
let itc: Session;
let lead: Session;
const ids: Record<string, number> = {};
let cycleId: number;

beforeAll(async () => {
  const api = await e2e.api('itc.finance@riga.example');
  const ld = await e2e.api('lead.ld@riga.example');
  try {
    cycleId = (await api.cycle(2027)).id;
    for (const code of ['IKT.LD.01', 'IKT.APC.01']) ids[code] = (await api.subProgramme(2027, code)).id;
    await ld.post(`/api/sub-programmes/${ids['IKT.LD.01']}/submit`);
  } finally {
    await Promise.all([api.dispose(), ld.dispose()]);
  }
});

const reviewRow = (page: Page, title: string): Locator =>
  page.getByRole('table', { name: 'Pozīcijas un lēmumi par tām' }).locator('tbody tr', {
    has: page.getByRole('link', { name: title, exact: true }),
  });

const headerStatus = (page: Page, status: string) => page.locator('.page-header').getByText(status, { exact: true });

describe('reviewing and the workflow around it', () => {
  it('1. ITC returns one item and goes on reviewing; returning the sub-programme is its own decision', async () => {
    itc = await e2e.signIn('itc.finance@riga.example');
    const { page } = itc;
    await page.goto(`/review/${ids['IKT.LD.01']}`);
    await page.getByRole('heading', { level: 1, name: 'Izskatīšana: IKT.LD.01' }).waitFor();

    await page.getByRole('button', { name: `Atgriezt ${RETURNED}` }).click();
    const dialog = page.getByRole('dialog', { name: `Atgriezt pozīciju “${RETURNED}”` });
    await dialog.getByLabel('Kas iestādei jālabo').fill(ITEM_COMMENT);
    await dialog.getByRole('button', { name: 'Atgriezt pozīciju' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await reviewRow(page, RETURNED).getByText('Atgriezta', { exact: true }).waitFor();

    // The sub-programme is still under review: the other item can still be accepted.
    await headerStatus(page, 'Iesniegta').waitFor();
    await page.getByRole('button', { name: `Pieņemt ${OTHER}` }).click();
    await reviewRow(page, OTHER).getByText('Pieņemta', { exact: true }).waitFor();
    await headerStatus(page, 'Iesniegta').waitFor();

    // Accepting the whole while an item is returned is refused, and the page says why.
    expect(await page.getByRole('button', { name: 'Pieņemt apakšprogrammu' }).count()).toBe(0);
    await page
      .getByText('Apakšprogrammu pieņemt nevar, kamēr tajā ir atgrieztas pozīcijas', { exact: false })
      .waitFor();

    // Returning the sub-programme: a summary of what goes back and why, before it is done.
    await page.getByLabel('Komentārs iestādei').fill(SUB_PROGRAMME_COMMENT);
    await page.getByRole('button', { name: 'Atgriezt apakšprogrammu' }).click();
    const confirm = page.getByRole('dialog', { name: 'Atgriezt apakšprogrammu IKT.LD.01?' });
    await confirm.getByText(ITEM_COMMENT).waitFor();
    const summary = normalSpaces(await confirm.innerText());
    expect(summary).toContain(RETURNED);
    expect(summary).toContain(ITEM_COMMENT);
    expect(summary).toContain(SUB_PROGRAMME_COMMENT);
    expect(summary).not.toContain(OTHER);
    await confirm.getByRole('button', { name: 'Jā, atgriezt' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await headerStatus(page, 'Atgriezta').waitFor();
    expect(await page.getByRole('button', { name: `Pieņemt ${RETURNED}` }).count()).toBe(0);
  });

  it('7. the lead sees the comment in the banner, opens the item at its comments and answers; ITC reads the answer', async () => {
    lead = await e2e.signIn('lead.ld@riga.example');
    const { page } = lead;
    await page.goto(`/sub-programmes/${ids['IKT.LD.01']}`);
    const notice = page.getByRole('region', { name: 'ITC atgrieza apakšprogrammu labošanai' });
    // What ITC said about the whole, and about the item, both in the banner (they load after it).
    await notice.getByText(SUB_PROGRAMME_COMMENT).waitFor();
    await notice.getByText(ITEM_COMMENT).waitFor();

    await notice.getByRole('link', { name: RETURNED }).click();
    const panel = page.getByRole('region', { name: RETURNED });
    const commentsTab = panel.getByRole('tab', { name: 'Komentāri' });
    await expect.poll(() => commentsTab.getAttribute('aria-selected')).toBe('true');
    await panel.getByRole('tabpanel').getByText(ITEM_COMMENT).waitFor();

    await panel.getByLabel('Jauns komentārs').fill(REPLY);
    await panel.getByRole('button', { name: 'Pievienot komentāru' }).click();
    await panel.getByRole('tabpanel').getByText(REPLY).waitFor();

    await itc.page.reload();
    await reviewRow(itc.page, RETURNED).getByText(REPLY).waitFor();
    expect(normalSpaces(await reviewRow(itc.page, RETURNED).innerText())).toContain(ITEM_COMMENT);
  });

  it('6. the lead submits again after a summary of what changed', async () => {
    const { page } = lead;
    const panel = page.getByRole('region', { name: RETURNED });
    await panel.getByRole('tab', { name: 'Aizstāvība' }).click();
    await panel.getByLabel('Aprēķina pamatojums').fill('Līgums Nr. 2026/14 ar grozījumiem (indeksācija 4 %).');
    await panel.getByRole('button', { name: 'Saglabāt', exact: true }).click();
    await panel.getByText('Saglabāts.').waitFor();

    await page.getByRole('button', { name: 'Pārbaudīt un iesniegt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Iesniegt apakšprogrammu?' });
    await dialog.getByText('Mainītas (1)').waitFor();
    const text = normalSpaces(await dialog.innerText());
    expect(text).toContain('Pozīciju skaits 2');
    expect(text).toContain(RETURNED);
    expect(text).toMatch(/2027 [\d ]+,\d\d €/);
    await dialog.getByRole('button', { name: 'Iesniegt', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Apakšprogramma iesniegta izskatīšanai.').first().waitFor();
    await headerStatus(page, 'Iesniegta').waitFor();
  });

  it('6. a lead withdraws a submission ITC has not started on, and cannot once ITC has', async () => {
    const apc = await e2e.signIn('lead.apc@riga.example');
    try {
      const { page } = apc;
      await page.goto(`/sub-programmes/${ids['IKT.APC.01']}`);
      await page.getByRole('button', { name: 'Pārbaudīt un iesniegt' }).click();
      const dialog = page.getByRole('dialog', { name: 'Iesniegt apakšprogrammu?' });
      await dialog.getByText('Šī ir pirmā iesniegšana', { exact: false }).waitFor();
      const text = normalSpaces(await dialog.innerText());
      expect(text).toContain('Pozīciju skaits 2');
      for (const year of ['2027', '2028', '2029']) expect(text).toMatch(new RegExp(`${year} [\\d ]+,\\d\\d €`));
      await dialog.getByRole('button', { name: 'Iesniegt', exact: true }).click();
      await headerStatus(page, 'Iesniegta').waitFor();

      const withdraw = async () => {
        await page.getByRole('button', { name: 'Atsaukt iesniegšanu' }).click();
        const confirm = page.getByRole('dialog', { name: 'Atsaukt iesniegšanu?' });
        await confirm.getByRole('button', { name: 'Jā, atsaukt' }).click();
        return confirm;
      };
      const first = await withdraw();
      await first.waitFor({ state: 'hidden' });
      await headerStatus(page, 'Melnraksts').waitFor();
      await page.getByRole('button', { name: 'Pievienot pozīciju' }).waitFor();

      // Submitted again, and ITC starts: a comment on an item. Now the lead cannot withdraw.
      await page.getByRole('button', { name: 'Pārbaudīt un iesniegt' }).click();
      await dialog.getByRole('button', { name: 'Iesniegt', exact: true }).click();
      await headerStatus(page, 'Iesniegta').waitFor();
      const api = await e2e.api('itc.finance@riga.example');
      const [item] = await api.lineItems(ids['IKT.APC.01']!);
      await api.post(`/api/line-items/${item!.id}/comments`, { body: 'Skatāmies.' });
      await api.dispose();

      const second = await withdraw();
      await second.getByText('ITC jau ir sākusi izskatīšanu', { exact: false }).waitFor();
      await page.keyboard.press('Escape');
      await page.reload();
      await headerStatus(page, 'Iesniegta').waitFor();
    } finally {
      await apc.context.close();
    }
  });

  it('2. ITC consolidates and the council approves a cycle with sub-programmes not accepted only with a reason, shown in the workbook', async () => {
    const { page } = itc;
    await page.goto('/admin');
    const cycleRow = page.getByRole('table', { name: 'Budžeta cikli' }).locator('tbody tr', {
      hasText: 'IKT budžets 2027–2029',
    });
    // open → review stays free.
    await cycleRow.getByRole('button', { name: /^Uz: Izskatīšanā/ }).click();
    let dialog = page.getByRole('dialog', { name: 'Mainīt cikla statusu?' });
    expect(await dialog.getByLabel(/^Iemesls/).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Jā, mainīt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await cycleRow.getByText('Izskatīšanā', { exact: true }).waitFor();

    // review → consolidated: the list of what is not accepted, and a reason is asked for.
    await cycleRow.getByRole('button', { name: /^Uz: Konsolidēts/ }).click();
    dialog = page.getByRole('dialog', { name: 'Mainīt cikla statusu?' });
    const pending = dialog.getByRole('table', { name: /^Nav pieņemtas/ });
    await pending.waitFor();
    const pendingText = normalSpaces(await pending.innerText());
    for (const code of ['IKT.LD.01', 'IKT.APC.01', 'IKT.FD.01', 'IKT.ITC.01']) expect(pendingText).toContain(code);
    await dialog.getByRole('button', { name: 'Jā, mainīt' }).click();
    await dialog.getByText('Norādiet iemeslu', { exact: false }).first().waitFor();
    await dialog.getByLabel(/^Iemesls/).fill(CONSOLIDATE_REASON);
    await dialog.getByRole('button', { name: 'Jā, mainīt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await cycleRow.getByText('Konsolidēts', { exact: true }).waitFor();

    const council = await e2e.signIn('council@riga.example');
    try {
      await council.page.goto('/admin');
      const row = council.page.getByRole('table', { name: 'Budžeta cikli' }).locator('tbody tr', {
        hasText: 'IKT budžets 2027–2029',
      });
      await row.getByRole('button', { name: /^Uz: Apstiprināts/ }).click();
      const approve = council.page.getByRole('dialog', { name: 'Mainīt cikla statusu?' });
      await approve.getByRole('table', { name: /^Nav pieņemtas/ }).waitFor();
      await approve.getByLabel(/^Iemesls/).fill(APPROVE_REASON);
      await approve.getByRole('button', { name: 'Jā, mainīt' }).click();
      await approve.waitFor({ state: 'hidden' });
      await row.getByText('Apstiprināts', { exact: true }).waitFor();
    } finally {
      await council.context.close();
    }

    const response = await page.request.get(`/api/cycles/${cycleId}/export.xlsx`);
    expect(response.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    workbook.getWorksheet('Kopsavilkums')!.eachRow((row) => texts.push(normalSpaces(row.getCell(1).text)));
    expect(texts).toContain(`Konsolidēts ar izņēmumu: ${CONSOLIDATE_REASON}`);
    expect(texts).toContain(`Apstiprināts ar izņēmumu: ${APPROVE_REASON}`);
    const notAccepted = texts.find((text) => text.startsWith('Nebija pieņemtas'));
    expect(notAccepted).toContain('IKT.APC.01');
    expect(notAccepted).toContain('IKT.FD.01');
  });
});
