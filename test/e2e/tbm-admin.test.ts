import { describe, expect, it } from 'vitest';
import { accessibilityViolations, normalSpaces } from './support/browser';
import { browserSuite } from './support/suite';

/**
 * An administrator maintains the TBM towers and maps an ICT service to one where services are
 * edited; the indicators page shows each institution's cost per user on its full cost.
 */
const e2e = browserSuite();

describe('TBM reference data (administrator)', () => {
  it('adds a tower, renames it, and maps a service to it', async () => {
    const { page, context } = await e2e.signIn('admin@riga.example');
    try {
      await page.goto('/admin?tab=tbmTowers');
      await page.getByRole('button', { name: 'Jauns TBM tornis' }).click();
      let dialog = page.getByRole('dialog', { name: 'Jauns TBM tornis' });
      await dialog.getByLabel('Kods').fill('QUANTUM');
      await dialog.getByLabel('Nosaukums latviski').fill('Kvantu skaitļošana');
      await dialog.getByLabel('Nosaukums angliski').fill('Quantum computing');
      await dialog.getByRole('button', { name: 'Saglabāt' }).click();
      const towers = page.getByRole('table', { name: /TBM tehnoloģiju resursu torņi/ });
      const row = towers.getByRole('row', { name: /QUANTUM/ });
      await row.waitFor();

      // The rename sends the version it was read at (If-Match); the list then shows the new name.
      await row.getByRole('button', { name: /QUANTUM/ }).click();
      dialog = page.getByRole('dialog', { name: 'Labot: QUANTUM' });
      await dialog.getByLabel('Nosaukums latviski').fill('Kvantu datori');
      await dialog.getByRole('button', { name: 'Saglabāt' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(async () => normalSpaces(await row.textContent())).toContain('Kvantu datori');

      await page.getByRole('tab', { name: 'IKT pakalpojumi' }).click();
      const services = page.getByRole('table', { name: 'IKT pakalpojumi' });
      await services.getByRole('row', { name: /^DC\b/ }).getByRole('button').click();
      dialog = page.getByRole('dialog', { name: 'Labot: DC' });
      await dialog.getByLabel('TBM tornis').selectOption('QUANTUM');
      await dialog.getByRole('button', { name: 'Saglabāt' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect
        .poll(async () => normalSpaces(await services.getByRole('row', { name: /^DC\b/ }).textContent()))
        .toContain('QUANTUM');
      expect.soft(await accessibilityViolations(page), 'admin: services with their towers').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('M6 on the full cost', () => {
  it('the indicators page shows each institution’s full cost per user beside the median', async () => {
    const { page, context } = await e2e.signIn('itc.finance@riga.example');
    try {
      await page.goto('/indicators');
      const table = page.getByRole('table', { name: /^IKT izmaksas pa iestādēm pēc pilnajām izmaksām/ });
      await table.waitFor();
      const text = normalSpaces(await table.textContent());
      expect(text).toContain('Pilnās IKT izmaksas uz vienu lietotāju');
      expect(text).toContain('Iestāžu mediāna');
      expect(text).toContain('IKSD');
      expect.soft(await accessibilityViolations(page), 'itc: indicators on the full cost').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
