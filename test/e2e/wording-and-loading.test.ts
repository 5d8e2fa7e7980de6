import ExcelJS from 'exceljs';
import { request, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from './support/api';
import { accessibilityViolations, normalSpaces } from './support/browser';
import { TEST_PASSWORD } from './support/e2e-app';
import { browserSuite } from './support/suite';
import { itemGrid, pasteText } from './support/workspace';

/**
 * Issue #14, items 10 and 11: counts in correct Latvian (CLDR zero / one / other), a submit
 * checklist that follows the items as they are fixed, an empty grid that can be read, download
 * progress that says what it knows, a lead told plainly that scenarios are not theirs, benchmark
 * sources in plain words, a loading state while a view's data is replaced, and the scenario
 * results brought into view once computed.
 */
const e2e = browserSuite();
let itcApi: ApiSession;
let cycleId: number;

beforeAll(async () => {
  itcApi = await e2e.api('itc.finance@riga.example');
  cycleId = (await itcApi.cycle(2027)).id;
});

afterAll(async () => {
  await itcApi?.dispose();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Galvenā navigācija' });

async function openSubProgramme(page: Page, code: string): Promise<void> {
  await page.getByRole('link', { name: code, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor();
  await itemGrid(page).waitFor();
}

const gridCaption = async (page: Page) => normalSpaces(await page.locator('.sheet__caption').textContent());

describe('counts in Latvian take the form their number needs', () => {
  it('one item is "1 pozīcija", and pasting one row offers "Saglabāt 1 pozīciju"', async () => {
    await e2e.asUser('lead.iksd@riga.example', async (page) => {
      await openSubProgramme(page, 'IKT.IKSD.02');
      expect(await gridCaption(page)).toMatch(/\(1 pozīcija\)$/);

      await itemGrid(page).locator('[tabindex="0"]').focus();
      await pasteText(page, 'Bibliotēku datoru licences\t2259\tUzturēšana\tVidēja\t1 200,00\t1 200,00\t1 200,00\r\n');
      const dialog = page.getByRole('dialog', { name: 'Ielīmēt rindas no Excel' });
      await dialog.getByRole('table', { name: 'Priekšskatījums' }).waitFor();
      await dialog.getByRole('button', { name: 'Saglabāt 1 pozīciju', exact: true }).waitFor();
      await dialog.getByRole('button', { name: 'Atcelt' }).click();
    });
  });

  it('three items are "3 pozīcijas"; ten are "10 pozīciju"', async () => {
    await e2e.asUser('lead.iksd@riga.example', async (page) => {
      await openSubProgramme(page, 'IKT.IKSD.01');
      expect(await gridCaption(page)).toMatch(/\(3 pozīcijas\)$/);

      const rows = Array.from(
        { length: 10 },
        (_, index) => `Skolu planšetdatori, ${index + 1}. partija\t5238\tAttīstība\tZema\t1 000,00\t0,00\t0,00`,
      );
      await itemGrid(page).locator('[tabindex="0"]').focus();
      await pasteText(page, rows.join('\r\n') + '\r\n');
      const dialog = page.getByRole('dialog', { name: 'Ielīmēt rindas no Excel' });
      await dialog.getByRole('table', { name: 'Priekšskatījums' }).waitFor();
      await dialog.getByRole('button', { name: 'Saglabāt 10 pozīciju', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => gridCaption(page)).toMatch(/\(13 pozīciju\)$/);
    });
  });
});

describe('the submit checklist follows the items', () => {
  it('fixing every problem it listed takes the "cannot submit yet" box away', async () => {
    const lead = await e2e.api('lead.apc@riga.example');
    const subProgramme = await lead.subProgramme(2027, 'IKT.APC.01');
    const title = 'Arhīva skenēšanas stacija';
    await lead.post(`/api/sub-programmes/${subProgramme.id}/line-items`, {
      title,
      ekkCode: '5238',
      costNature: 'development',
      priority: 'medium',
      amounts: { '2027': '4200.00' },
      goalCodes: ['M1'],
    });
    await lead.dispose();

    await e2e.asUser('lead.apc@riga.example', async (page) => {
      await openSubProgramme(page, 'IKT.APC.01');
      await page.getByRole('button', { name: 'Pārbaudīt un iesniegt' }).click();
      const problems = page.getByRole('region', { name: /^Iesniegt vēl nevar — jānovērš/ });
      await problems.getByRole('heading', { name: 'Iesniegt vēl nevar — jānovērš 2' }).waitFor();

      await problems.getByRole('link', { name: `${title}: Nav norādīta biznesa vajadzība` }).click();
      const panel = page.getByRole('region', { name: title });
      await panel.getByLabel('Biznesa vajadzība').fill('Arhīva dokumentu digitalizācijai vajadzīga jauna stacija.');
      await panel.getByRole('button', { name: 'Saglabāt', exact: true }).click();
      await panel.getByText('Saglabāts.').waitFor();
      // One left: the box says so, and lists only that one.
      await problems.getByRole('heading', { name: 'Iesniegt vēl nevar — jānovērš 1' }).waitFor();
      expect(await problems.getByRole('link').count()).toBe(1);

      await panel.getByLabel('Ietekme, ja netiek finansēts').fill('Dokumenti paliek tikai papīra formā.');
      await panel.getByRole('button', { name: 'Saglabāt', exact: true }).click();
      await panel.getByText('Saglabāts.').waitFor();

      await page.getByText('Visas pozīcijas ir gatavas iesniegšanai.').waitFor();
      await problems.waitFor({ state: 'detached' });
      expect.soft(await accessibilityViolations(page), 'the workspace once every problem is fixed').toEqual([]);
    });
  });
});

describe('an empty grid can be read', () => {
  it('the "no items yet" text is not under the total row', async () => {
    const lead = await request.newContext({ baseURL: e2e.app.baseUrl });
    await lead.post('/api/auth/login', { data: { email: 'lead.mvd@riga.example', password: TEST_PASSWORD } });
    const list = (await (await lead.get(`/api/cycles/${cycleId}/sub-programmes`)).json()) as {
      id: number;
      code: string;
    }[];
    const subProgramme = list.find((candidate) => candidate.code === 'IKT.MVD.01');
    if (!subProgramme) throw new Error('no IKT.MVD.01');
    const items = (await (await lead.get(`/api/sub-programmes/${subProgramme.id}/line-items`)).json()) as {
      id: number;
      version: number;
    }[];
    for (const item of items) {
      const deleted = await lead.delete(`/api/line-items/${item.id}`, { headers: { 'if-match': `"${item.version}"` } });
      expect(deleted.status()).toBe(204);
    }
    await lead.dispose();

    await e2e.asUser('lead.mvd@riga.example', async (page) => {
      await openSubProgramme(page, 'IKT.MVD.01');
      const empty = itemGrid(page).getByText('Pozīciju vēl nav. Pievienojiet pozīciju vai ielīmējiet rindas no Excel.');
      await empty.waitFor();
      const box = await empty.boundingBox();
      if (!box) throw new Error('the empty-state text has no box');
      // What a click (or an eye) at the middle of the text meets: the text itself, not the total row.
      const hit = await page.evaluate(
        ({ x, y }) => {
          const doc = (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown } })
            .document;
          const element = doc.elementFromPoint(x, y) as { textContent: string | null } | null;
          return element?.textContent ?? '';
        },
        { x: box.x + Math.min(box.width / 2, 60), y: box.y + box.height / 2 },
      );
      expect(hit).toContain('Pozīciju vēl nav.');
      expect(await gridCaption(page)).toMatch(/\(0 pozīciju\)$/);
    });
  });
});

describe('download progress says what it knows', () => {
  it('shows an indeterminate bar while the workbook is made, then kB of a known size', async () => {
    const size = (await itcApi.bytes(`/api/cycles/${cycleId}/export.xlsx?lang=lv`)).byteLength;
    expect(size).toBeLessThan(1024 * 1024);

    await e2e.asUser('itc.finance@riga.example', async (page) => {
      await nav(page).getByRole('link', { name: 'Konsolidācija' }).click();
      const button = page.getByRole('button', { name: 'Lejupielādēt konsolidēto Excel' });
      await button.waitFor();
      // A slow line: the answer starts after 2 s, then the file takes about 8 s to arrive.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 2000,
        downloadThroughput: Math.ceil(size / 8),
        uploadThroughput: -1,
      });
      await button.click();
      const status = page.locator('.download__status');
      const progress = status.locator('progress');

      // Nothing known yet: a bar without a value (indeterminate) and no made-up figures.
      await progress.waitFor();
      expect(await progress.getAttribute('value')).toBeNull();
      const early = normalSpaces(await status.textContent());
      expect(early).not.toMatch(/0,0/);
      expect(early).toContain('Gatavo failu');

      // The size is known: received of total in kB, the bar's value matching.
      await expect
        .poll(async () => normalSpaces(await status.textContent()), { timeout: 20_000 })
        .toMatch(/Saņemti \d+ no \d+ kB/);
      const text = normalSpaces(await status.textContent());
      expect(text).not.toMatch(/0,0 no 0,0/);
      const total = Number(/no (\d+) kB/.exec(text)?.[1]);
      expect(Math.abs(total - size / 1024)).toBeLessThanOrEqual(1);
      // The workbook says when it was exported: two exports may differ by a few bytes.
      expect(Math.abs(Number(await progress.getAttribute('max')) - size)).toBeLessThan(64);
      expect.soft(await accessibilityViolations(page), 'the consolidation page during a download').toEqual([]);

      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await status.getByText(/^Fails .* lejupielādēts\.$/).waitFor({ timeout: 30_000 });
    });
  });
});

describe('a lead at /scenarios', () => {
  it('is told scenarios are the council’s and ITC’s, not that a cycle is missing', async () => {
    await e2e.asUser('lead.sd@riga.example', async (page) => {
      expect(await nav(page).getByRole('link', { name: 'Samazinājuma scenāriji' }).count()).toBe(0);
      await page.goto('/scenarios');
      await page.getByRole('heading', { level: 1, name: 'Samazinājuma scenāriji' }).waitFor();
      const notice = page.getByText(/IKT attīstības padomes un ITC finanšu/);
      await notice.waitFor();
      const main = normalSpaces(await page.locator('main').textContent());
      expect(main).not.toMatch(/nav atrasts|404|Statusa kods/);
      // Where a lead's own figures are.
      await page.locator('main').getByRole('link', { name: 'Konsolidācija' }).waitFor();
      expect.soft(await accessibilityViolations(page), 'a lead at /scenarios').toEqual([]);
    });
  });
});

const PLAIN_SOURCE = 'Rīgas IKT attīstības pamatnostādnes 2016–2020, I6: 2015. gada dati';

describe('benchmark sources in plain words', () => {
  it('the indicators page names the source document, with no internal notes', async () => {
    await e2e.asUser('itc.finance@riga.example', async (page) => {
      await nav(page).getByRole('link', { name: 'Rādītāji', exact: true }).click();
      const table = page.getByRole('table', { name: /^Rādītāji, 2027\. gads/ });
      await table.waitFor();
      const text = normalSpaces(await table.textContent());
      expect(text).toContain(PLAIN_SOURCE);
      expect(text).not.toMatch(/seed|2015 data|no figure given/);
    });
  });

  it('the workbook’s "Avots" column reads the same', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await itcApi.bytes(`/api/cycles/${cycleId}/export.xlsx?lang=lv`);
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Rādītāji');
    if (!sheet) throw new Error('no Rādītāji sheet');
    let sourceColumn = 0;
    const sources: string[] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).map((value) => (typeof value === 'string' ? value : ''));
      if (sourceColumn <= 0) {
        sourceColumn = values.indexOf('Avots');
        return;
      }
      const source = values[sourceColumn];
      if (source) sources.push(source);
    });
    expect(sourceColumn).toBeGreaterThan(0);
    expect(sources).toContain(PLAIN_SOURCE);
    for (const source of sources) expect(source).not.toMatch(/seed|2015 data|no figure given/);
  });
});

describe('a view whose data is being replaced says so', () => {
  it('changing the grouping shows a loading state, not the old EKK table', async () => {
    await e2e.asUser('itc.finance@riga.example', async (page) => {
      await page.goto('/consolidation?by=ekk');
      const ekkTable = page.getByRole('table', { name: /^Konsolidācija pēc: EKK/ });
      await ekkTable.waitFor();

      // The next answer takes its time.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/api\/cycles\/\d+\/consolidation\?by=goal/, async (route) => {
        await held;
        await route.continue();
      });
      await page.getByLabel('Grupēt pēc').selectOption('goal');

      await page.locator('main').getByRole('status').filter({ hasText: 'Ielādē' }).waitFor();
      expect(await ekkTable.count()).toBe(0);
      expect.soft(await accessibilityViolations(page), 'consolidation while the grouping loads').toEqual([]);

      release();
      await page.getByRole('table', { name: /^Konsolidācija pēc: Mērķa/ }).waitFor();
      expect(await page.locator('main').getByRole('status').filter({ hasText: 'Ielādē' }).count()).toBe(0);
    });
  });
});

describe('computing a scenario', () => {
  it('brings the comparison into view and puts the focus on it', async () => {
    await e2e.asUser(
      'itc.finance@riga.example',
      async (page) => {
        await nav(page).getByRole('link', { name: 'Samazinājuma scenāriji' }).click();
        const form = page.locator('form.scenario-form');
        await form.getByLabel('Finanšu gads').selectOption('2027');
        await form.getByLabel('Samazināt par (%)').fill('2');
        await form.getByRole('button', { name: 'Aprēķināt abas metodes' }).click();

        const heading = page.getByRole('heading', { level: 2, name: 'Metožu salīdzinājums' });
        await heading.waitFor();
        await expect
          .poll(() => heading.evaluate((element) => element === element.ownerDocument.activeElement), {
            timeout: 5_000,
          })
          .toBe(true);
        await expect
          .poll(
            () =>
              heading.evaluate((element) => {
                const rect = element.getBoundingClientRect();
                const height = element.ownerDocument.defaultView?.innerHeight ?? 0;
                // At the top of the screen (to a pixel: scrolling lands on fractions).
                return rect.top > -1 && rect.bottom <= height;
              }),
            { timeout: 5_000 },
          )
          .toBe(true);
      },
      { width: 1280, height: 600 },
    );
  });
});
