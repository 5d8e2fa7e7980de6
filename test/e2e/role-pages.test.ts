import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asciiLower } from '@ikt/seeds/demo-users.seed';
import type { ApiSession, SubProgrammeInfo } from './support/api';
import { normalSpaces } from './support/browser';
import { browserSuite } from './support/suite';
import { scenarioInput } from '../helpers/scenario';

/**
 * Each role finds its own actions on its own pages (issue #14): the council approves the budget
 * and adopts scenarios on its decision page, ITC moves the cycle from its home page and reads the
 * audit log, a lead sees what changed since it submitted and its own row of the institution × EKK
 * table, the Finance Department downloads the open data. The tests run in order on one app: the
 * cycle moves on as the roles act.
 */
const e2e = browserSuite();
let itcApi: ApiSession;
let cycleId: number;
const STALE_SCENARIO = 'Padomes pārbaude 3 %';
const ADDED_ITEM = 'Skolu Wi-Fi piekļuves punktu nomaiņa';

interface SubProgrammeRow extends SubProgrammeInfo {
  institutionCode: string;
  kind: 'institution' | 'central';
}

beforeAll(async () => {
  itcApi = await e2e.api('itc.finance@riga.example');
  cycleId = (await itcApi.cycle(2027)).id;
  // Computed now, this scenario is stale by the time the council sees it: items change below.
  await itcApi.post(`/api/cycles/${cycleId}/scenarios`, scenarioInput(STALE_SCENARIO, 'priority', 'percent', '3'));
});

afterAll(async () => {
  await itcApi?.dispose();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Galvenā navigācija' });

async function subProgrammes(): Promise<SubProgrammeRow[]> {
  return (await itcApi.get(`/api/cycles/${cycleId}/sub-programmes`)) as SubProgrammeRow[];
}

/** Every sub-programme submitted by its owner and accepted by ITC: nothing stands in approval's way. */
async function submitAndAcceptEverything(): Promise<void> {
  for (const subProgramme of await subProgrammes()) {
    if (subProgramme.status !== 'submitted' && subProgramme.status !== 'accepted') {
      const owner =
        subProgramme.kind === 'central'
          ? itcApi
          : await e2e.api(`lead.${asciiLower(subProgramme.institutionCode)}@riga.example`);
      await owner.post(`/api/sub-programmes/${subProgramme.id}/submit`, {});
      if (owner !== itcApi) await owner.dispose();
    }
    if (subProgramme.status !== 'accepted') await itcApi.post(`/api/sub-programmes/${subProgramme.id}/accept`, {});
  }
  expect((await subProgrammes()).map((s) => s.status)).toEqual((await subProgrammes()).map(() => 'accepted'));
}

/** The text of a table's cells, row by row, as a reader sees them. */
async function tableText(table: Locator): Promise<string[][]> {
  return table
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );
}

describe('every role reaches its own actions from its own menu', () => {
  it('a lead sees what it changed since it submitted, on its own sub-programme', async () => {
    const iksd = await e2e.api('lead.iksd@riga.example');
    const subProgramme = await iksd.subProgramme(2027, 'IKT.IKSD.01');
    await iksd.post(`/api/sub-programmes/${subProgramme.id}/submit`);
    await itcApi.post(`/api/sub-programmes/${subProgramme.id}/return`, {
      comment: 'Lūdzu papildiniet ar skolu tīkla atjaunošanu.',
    });
    await iksd.post(`/api/sub-programmes/${subProgramme.id}/line-items`, {
      title: ADDED_ITEM,
      ekkCode: '5238',
      costNature: 'development',
      priority: 'high',
      amounts: { '2027': '18000.00' },
      businessNeed: 'Mācību procesam vajadzīgs stabils bezvadu tīkls.',
      impactIfCut: 'Skolās paliek novecojuši piekļuves punkti.',
      goalCodes: ['M1'],
    });
    await iksd.dispose();

    await e2e.asUser('lead.iksd@riga.example', async (page) => {
      await page.getByRole('link', { name: 'IKT.IKSD.01' }).click();
      await page.getByRole('heading', { level: 1, name: /IKT\.IKSD\.01/ }).waitFor();
      await page.getByRole('link', { name: 'Izmaiņas kopš iesniegšanas' }).click();
      await page.getByRole('heading', { level: 1, name: 'Izmaiņas kopš iesniegšanas: IKT.IKSD.01' }).waitFor();
      const changes = page.getByRole('region', { name: 'Izmaiņas kopš iepriekšējās iesniegšanas' });
      await changes.getByRole('heading', { name: /^Pievienotas/ }).waitFor();
      await changes.getByRole('link', { name: ADDED_ITEM }).click();
      // The link leads back to the item in the lead's own workspace.
      await page.getByRole('region', { name: ADDED_ITEM }).waitFor();
    });
  });

  it('a lead sees the institution × EKK table of its own institution only', async () => {
    await e2e.asUser('lead.iksd@riga.example', async (page) => {
      await nav(page).getByRole('link', { name: 'Konsolidācija' }).click();
      await page.getByRole('link', { name: 'Iestādes × EKK' }).click();
      const table = page.getByRole('table', { name: /^Iestādes × EKK, 2027\. gads/ });
      await table.waitFor();
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('IKSD');
      const shown = normalSpaces(await page.locator('main').textContent());
      for (const other of ['APC', 'DzMPK', 'RPP', 'ITC']) expect(shown).not.toContain(other);
    });
  });

  it('ITC sees every institution in the cross table, with the consolidation’s total to the cent', async () => {
    await e2e.asUser('itc.finance@riga.example', async (page) => {
      await nav(page).getByRole('link', { name: 'Konsolidācija' }).click();
      const summary = page.getByRole('table', { name: /^Konsolidācija pēc: Iestādes/ });
      await summary.waitFor();
      const total2027 = normalSpaces(await summary.locator('tfoot tr').first().locator('td').nth(1).textContent());
      expect(total2027).toMatch(/^[\d ]+,\d\d €$/);
      // An open cycle has no open data yet: the download is not offered.
      expect(await page.getByRole('button', { name: 'Lejupielādēt atvērtos datus (ZIP)' }).count()).toBe(0);

      await page.getByRole('link', { name: 'Iestādes × EKK' }).click();
      const table = page.getByRole('table', { name: /^Iestādes × EKK, 2027\. gads/ });
      await table.waitFor();
      const text = await tableText(table);
      const body = text.slice(1, -1);
      expect(body.length).toBeGreaterThan(10);
      expect(body.map((row) => row[0]!.split(' ')[0])).toEqual(expect.arrayContaining(['APC', 'IKSD', 'ITC']));
      const footer = text[text.length - 1]!;
      expect(footer[0]).toBe('Kopā');
      expect(footer[footer.length - 1]).toBe(total2027);

      await page.getByLabel('EKK līmenis').selectOption('4');
      await table.locator('thead').getByText('2251', { exact: false }).waitFor();
      const deeper = await tableText(table);
      expect(deeper[deeper.length - 1]!.at(-1)).toBe(total2027);
    });
  });

  it('the Finance Department downloads the open data of the approved cycle', async () => {
    await e2e.asUser('fd@riga.example', async (page) => {
      // The only cycle it may read is last year's approved one.
      await nav(page).getByRole('link', { name: 'Konsolidācija' }).click();
      await page.getByRole('table', { name: /^Konsolidācija pēc: Iestādes — IKT budžets 2026/ }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Lejupielādēt atvērtos datus (ZIP)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.zip$/);
      const zip = await JSZip.loadAsync(await readFile(await download.path()));
      expect(Object.keys(zip.files).sort()).toEqual(['budget.csv', 'datapackage.json']);
      await page.getByText(`Fails ${download.suggestedFilename()} lejupielādēts.`).waitFor();
    });
  });

  it('ITC moves the cycle to review and to consolidated from its home page', async () => {
    await submitAndAcceptEverything();
    await e2e.asUser('itc.finance@riga.example', async (page) => {
      const cyclePanel = page.getByRole('region', { name: 'IKT budžets 2027–2029' });
      for (const status of ['Izskatīšanā', 'Konsolidēts']) {
        await cyclePanel.getByRole('button', { name: `Uz: ${status}` }).click();
        const confirm = page.getByRole('dialog', { name: 'Mainīt cikla statusu?' });
        await confirm.getByRole('button', { name: 'Jā, mainīt' }).click();
        await confirm.waitFor({ state: 'hidden' });
        await cyclePanel.locator('.facts').getByText(status, { exact: true }).waitFor();
      }
      expect(((await itcApi.get(`/api/cycles/${cycleId}`)) as { status: string }).status).toBe('consolidated');
      // Approving is the council's: ITC is offered no such move.
      expect(await cyclePanel.getByRole('button', { name: 'Uz: Apstiprināts' }).count()).toBe(0);
    });
  });

  it('ITC reads the audit log: Latvian action names, before and after, a filter and pages', async () => {
    await e2e.asUser('itc.finance@riga.example', async (page) => {
      await nav(page).getByRole('link', { name: 'Audita žurnāls' }).click();
      await page.getByRole('heading', { level: 1, name: 'Audita žurnāls' }).waitFor();
      const table = page.getByRole('table', { name: /^Audita ieraksti/ });
      await table.waitFor();
      const firstPage = await table.locator('tbody tr').count();
      expect(firstPage).toBe(25);

      await page.getByLabel('Darbība').selectOption({ label: 'Cikla statusa maiņa' });
      await page.getByRole('button', { name: 'Atlasīt' }).click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
      const rows = await tableText(table);
      expect(rows.slice(1).map((row) => row[2])).toEqual(['Cikla statusa maiņa', 'Cikla statusa maiņa']);
      // The newest first, its change in words.
      // (A screen reader hears "kļūst" where the eye sees the arrow.)
      expect(rows[1]!.join(' | ')).toMatch(/Statuss: Izskatīšanā → ?(kļūst )?Konsolidēts/);
      expect(rows[2]!.join(' | ')).toMatch(/Statuss: Atvērts → ?(kļūst )?Izskatīšanā/);

      await page.getByLabel('Darbība').selectOption({ label: 'Visas' });
      await page.getByRole('button', { name: 'Atlasīt' }).click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(25);
      const newest = normalSpaces(await table.locator('tbody tr').first().textContent());
      await page.getByRole('button', { name: 'Vecāki ieraksti' }).click();
      await page.getByText('Lapa 2').waitFor();
      await expect
        .poll(async () => normalSpaces(await table.locator('tbody tr').first().textContent()))
        .not.toBe(newest);
      await page.getByRole('button', { name: 'Jaunāki ieraksti' }).click();
      await page.getByText('Lapa 1').waitFor();
      await expect.poll(async () => normalSpaces(await table.locator('tbody tr').first().textContent())).toBe(newest);
    });
  });

  it('an administrator reads the audit log too, one person’s actions at a time', async () => {
    await e2e.asUser('admin@riga.example', async (page) => {
      await nav(page).getByRole('link', { name: 'Audita žurnāls' }).click();
      const table = page.getByRole('table', { name: /^Audita ieraksti/ });
      await table.waitFor();
      await page.getByLabel('Darbība').selectOption({ label: 'Apakšprogramma atgriezta' });
      await page.getByRole('button', { name: 'Atlasīt' }).click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      await table.getByRole('link', { name: /IKT\.IKSD\.01|Apakšprogramma/ }).waitFor();

      await page.getByLabel('Darbība').selectOption({ label: 'Visas' });
      await page.getByRole('button', { name: 'Atlasīt' }).click();
      await table.getByRole('button', { name: 'Tikai ITC finanšu speciāliste' }).first().click();
      await page.getByText('Lietotājs: ITC finanšu speciāliste').waitFor();
      const actors = () =>
        table
          .locator('tbody tr td:nth-child(2)')
          .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()));
      await expect
        .poll(async () => (await actors()).every((actor) => actor.endsWith('ITC finanšu speciāliste')))
        .toBe(true);
      expect((await actors()).length).toBeGreaterThan(0);
    });
  });

  it('a lead has no audit log in its menu and is told so at its address', async () => {
    await e2e.asUser('lead.iksd@riga.example', async (page) => {
      expect(await nav(page).getByRole('link', { name: 'Audita žurnāls' }).count()).toBe(0);
      await page.goto('/audit');
      await page.getByText('Audita žurnāls pieejams ITC finansēm un administratoram.').waitFor();
    });
  });

  it('the council recomputes a stale scenario, adopts it and approves the budget on its own page', async () => {
    const consolidation = (await itcApi.get(`/api/cycles/${cycleId}/consolidation?by=institution`)) as {
      total: { amounts: Record<string, string> };
    };
    await e2e.asUser('council@riga.example', async (page) => {
      await nav(page).getByRole('link', { name: 'Apstiprināšana' }).click();
      await page.getByRole('heading', { level: 1, name: 'Budžeta apstiprināšana' }).waitFor();

      // The consolidated totals the council decides on.
      const totals = page.getByRole('table', { name: /^Konsolidētais budžets pa iestādēm/ });
      await totals.waitFor();
      const total2027 = normalSpaces(await totals.locator('tfoot tr').first().locator('td').nth(1).textContent());
      expect(total2027.replace(/[ €]/g, '').replace(',', '.')).toBe(consolidation.total.amounts['2027']);

      // The stale scenario says why it cannot be adopted and offers to compute it again.
      const scenarios = page.getByRole('table', { name: /^Scenāriji — / });
      const stale = scenarios.locator('tbody tr', { hasText: 'Novecojis' });
      await stale.getByText('kopš aprēķina cikla pozīcijas ir mainījušās').waitFor();
      expect(await stale.getByRole('button', { name: /^Pieņemt/ }).count()).toBe(0);
      await stale.getByRole('button', { name: `Pārrēķināt ${STALE_SCENARIO}` }).click();

      const current = scenarios.locator('tbody tr', { hasText: 'Aktuāls' });
      await current.getByRole('button', { name: `Pieņemt padomei ${STALE_SCENARIO}` }).click();
      const adopt = page.getByRole('dialog', { name: 'Pieņemt scenāriju?' });
      await adopt.getByRole('button', { name: 'Jā, pieņemt' }).click();
      await adopt.waitFor({ state: 'hidden' });
      await scenarios.locator('tbody tr', { hasText: 'Pieņemts' }).waitFor();

      await page.getByRole('button', { name: 'Apstiprināt budžetu' }).click();
      const approve = page.getByRole('dialog', { name: 'Apstiprināt budžetu?' });
      await approve.getByRole('button', { name: 'Jā, apstiprināt' }).click();
      await approve.waitFor({ state: 'hidden' });
      await page.getByText('Budžets ir apstiprināts.').waitFor();
      expect(((await itcApi.get(`/api/cycles/${cycleId}`)) as { status: string }).status).toBe('approved');
      // Once approved, its open data is one click away.
      await page.getByRole('button', { name: 'Lejupielādēt atvērtos datus (ZIP)' }).waitFor();
    });
  });
});
