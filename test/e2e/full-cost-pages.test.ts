import { formatMoneyLv } from '@ikt/shared/money';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ApiSession } from './support/api';
import { accessibilityViolations, normalSpaces } from './support/browser';
import { browserSuite } from './support/suite';

/**
 * The full cost of ICT in the browser (issue #16): ITC records what a service is counted in and
 * how much each institution consumes, and the full cost follows; a lead opens its bill of IT
 * from its home page.
 */
const e2e = browserSuite();

/** What ITC's API answers, read in a session of its own. */
async function asItc<T>(read: (api: ApiSession) => Promise<T>): Promise<T> {
  const api = await e2e.api('itc.finance@riga.example');
  try {
    return await read(api);
  } finally {
    await api.dispose();
  }
}

/** What the full cost of 2027 allocates to an institution, as the API says. */
const allocatedTo = (code: string) =>
  asItc(async (api) => {
    const { id } = await api.cycle(2027);
    const answer = (await api.get(`/api/cycles/${id}/full-cost?fiscalYear=2027`)) as {
      institutions: { institutionCode: string; allocated: string }[];
    };
    return answer.institutions.find((row) => row.institutionCode === code)!.allocated;
  });

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.getByText('Ielādē…').first().waitFor({ state: 'detached' });
}

const focusedLabel = async (page: Page) => (await page.locator(':focus').getAttribute('aria-label')) ?? '';

describe('the full cost pages', () => {
  it('ITC records drivers: sets a unit, enters quantities, saves, and the full cost follows', async () => {
    const before = await allocatedTo('IKSD');
    const { page, context } = await e2e.signIn('itc.finance@riga.example');
    try {
      await page
        .getByRole('navigation', { name: 'Galvenā navigācija' })
        .getByRole('link', { name: 'Uzskaites vienības un patēriņš' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Pakalpojumu uzskaites vienības un patēriņš' }).waitFor();
      await settled(page);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The printing service is counted in printed pages from now on.
      const unitLv = page.getByRole('textbox', { name: /^PRINT .*: Vienība latviski$/ });
      await unitLv.fill('drukātās lapas');
      await page.getByRole('textbox', { name: /^PRINT .*: Vienība angliski$/ }).fill('printed pages');
      await page.getByRole('button', { name: 'Saglabāt uzskaites vienības' }).click();
      await page.getByText('Saglabāts.').first().waitFor();

      // IKSD prints far more than before; Enter goes down the column as in Excel.
      const cell = page.getByRole('textbox', { name: 'IKSD, PRINT (drukātās lapas)' });
      await cell.fill('900000');
      await cell.press('Enter');
      expect(await focusedLabel(page)).toMatch(/^(?!IKSD)\S+, PRINT \(drukātās lapas\)$/);
      await page.getByRole('button', { name: 'Saglabāt patēriņu' }).click();
      await page.getByRole('status').filter({ hasText: 'Saglabāts.' }).last().waitFor();

      await page.reload();
      await settled(page);
      await expect.poll(() => unitLv.inputValue()).toBe('drukātās lapas');
      expect(await page.getByRole('textbox', { name: 'IKSD, PRINT (drukātās lapas)' }).inputValue()).toBe('900000');

      // Someone saves in another tab meanwhile: this tab's save is refused, says so, and keeps the edit.
      const other = await context.newPage();
      await other.goto(page.url());
      await other.getByRole('textbox', { name: 'LD, PRINT (drukātās lapas)' }).fill('5000');
      await other.getByRole('button', { name: 'Saglabāt patēriņu' }).click();
      await other.getByRole('status').filter({ hasText: 'Saglabāts.' }).last().waitFor();
      await other.close();
      await cell.fill('900001');
      await page.getByRole('button', { name: 'Saglabāt patēriņu' }).click();
      await page.getByRole('alert').filter({ hasText: 'kāds cits saglabāja izmaiņas' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'LD, PRINT (drukātās lapas)' }).inputValue()).toBe('5000');
      expect(await cell.inputValue()).toBe('900001');
      await cell.fill('900000');
      await page.getByRole('button', { name: 'Saglabāt patēriņu' }).click();
      await page.getByRole('status').filter({ hasText: 'Saglabāts.' }).last().waitFor();

      const after = await allocatedTo('IKSD');
      expect(after).not.toBe(before);
      await page
        .getByRole('navigation', { name: 'Galvenā navigācija' })
        .getByRole('link', { name: 'Pilnās izmaksas' })
        .click();
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: /IKSD/ }) })
        .first();
      await expect
        .poll(async () => normalSpaces(await row.textContent()))
        .toContain(normalSpaces(formatMoneyLv(after)));
      expect(normalSpaces(await row.textContent())).not.toContain(normalSpaces(formatMoneyLv(before)));
      // The chart of own vs allocated beside the table: an image with its words.
      await page.getByRole('img', { name: /^Pilnās izmaksas pa iestādēm, 2027/ }).waitFor();
      await settled(page);
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a lead opens its bill of IT from its home page, and the page passes axe', async () => {
    const { page, context } = await e2e.signIn('lead.iksd@riga.example');
    try {
      const summary = page.getByRole('region', { name: 'Mūsu IKT pilnās izmaksas, 2027' });
      await summary.getByRole('link', { name: 'Atvērt IT rēķinu' }).click();
      await page.getByRole('heading', { level: 1, name: 'IT rēķins: IKSD' }).waitFor();
      const services = page.getByRole('table', { name: 'Patērētie ITC pakalpojumi, 2027' });
      await services.waitFor();
      await settled(page);
      expect(await services.getByRole('row').count()).toBeGreaterThan(2);
      await page.getByRole('button', { name: 'Lejupielādēt rēķinu (Excel)' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      // Another institution's bill is not there for a lead.
      const cycleId = (await asItc((api) => api.cycle(2027))).id;
      await page.goto(`/full-cost/LD?cycle=${cycleId}&year=2027`);
      await page.getByRole('alert').first().waitFor();
      expect(await page.getByRole('table', { name: 'Patērētie ITC pakalpojumi, 2027' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
