import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite';
import { itemRow } from './support/workspace';

/**
 * The add-item dialog with the mouse: an amount that cannot be read says so when the field is
 * left, and that message must not move the button away from under a click already under way —
 * one click on "Pievienot pozīciju" is one submit.
 */
const e2e = browserSuite();
let page: Page;

beforeAll(async () => {
  ({ page } = await e2e.signIn('lead.sd@riga.example'));
  await page.getByRole('link', { name: 'IKT.SD.01' }).click();
  await page.getByRole('button', { name: 'Pievienot pozīciju' }).click();
});

describe('the add-item dialog', () => {
  it('takes the first click on its button, even as an amount field shows its problem', async () => {
    const dialog = page.getByRole('dialog', { name: 'Jauna pozīcija' });
    const amount = dialog.getByLabel('2027. gada summa');
    const submit = dialog.getByRole('button', { name: 'Pievienot pozīciju' });

    // No title, and an amount that could be 1.234 or 1234: the one click submits, so the form
    // says what is missing and puts the focus on the title.
    await amount.fill('1,234');
    await submit.click();
    await expect.poll(() => dialog.getByText('Ievadiet pozīcijas nosaukumu.').isVisible()).toBe(true);
    expect(await dialog.getByLabel('Nosaukums').evaluate((field) => field === field.ownerDocument.activeElement)).toBe(
      true,
    );
    expect(await dialog.getByText(/Nav skaidrs, vai tā ir decimāldaļa vai tūkstoši/).isVisible()).toBe(true);

    // Corrected, one click adds the item.
    await dialog.getByLabel('Nosaukums').fill('Klikšķa pārbaude');
    await dialog.getByLabel('EKK').selectOption('2251');
    await amount.fill('1 234,00');
    await submit.click();
    await dialog.waitFor({ state: 'hidden' });
    await itemRow(page, 'Klikšķa pārbaude').waitFor();
  });
});
