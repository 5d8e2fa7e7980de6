import { Decimal } from 'decimal.js';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, normalSpaces, type Session } from './support/browser';
import { browserSuite } from './support/suite';
import { scenarioInput } from '../helpers/scenario';

/**
 * Issue #14, item 9: what the server refuses reaches people as words beside the field it is
 * about — never "body.target.value … Statusa kods: 422" — and an infeasible cut says how large a
 * cut is possible, as a percentage of the year's total and in euro.
 */
const e2e = browserSuite();

/** "1 234,56 €", as the app writes money (no-break spaces read as plain ones). */
function lvMoney(value: string): string {
  const [whole = '0', cents = '00'] = new Decimal(value).toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${cents} €`;
}

/** The accessible description of a field: what a screen reader says after its label. */
async function description(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const page = field.page();
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return normalSpaces(texts.join(' '));
}

async function expectNoRawError(scope: Locator): Promise<void> {
  const text = normalSpaces(await scope.textContent());
  expect(text).not.toMatch(/Statusa kods|body\.|\b(400|409|422)\b/);
}

describe('the scenario form (ITC finance)', () => {
  let session: Session;
  let page: Page;
  let largestPercent: string;

  beforeAll(async () => {
    session = await e2e.signIn('itc.finance@riga.example');
    page = session.page;
  });
  afterAll(() => session?.context.close());

  it('an infeasible cut says the largest possible cut as a percentage of the year and in euro', async () => {
    // What the server can cut at most in 2027 and the year's total (a zero cut reports both).
    const itc = await e2e.api('itc.finance@riga.example');
    const cycle = await itc.cycle(2027);
    const probe = (await itc.post(
      `/api/cycles/${cycle.id}/scenarios`,
      scenarioInput('Mērījums', 'uniform', 'amount', '0'),
    )) as { maxReduction: string; yearTotalBefore: string };
    await itc.dispose();
    const ratio = new Decimal(probe.maxReduction).div(probe.yearTotalBefore).times(100);
    largestPercent = ratio
      .toDecimalPlaces(2, Decimal.ROUND_DOWN)
      .toFixed(2)
      .replace(/\.?0+$/, '');
    const percentText = `${largestPercent.replace('.', ',')} %`;

    await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Scenāriji' }).click();
    const form = page.locator('form.scenario-form');
    await form.getByLabel('Finanšu gads').selectOption('2027');
    const percent = form.getByLabel('Samazināt par (%)');
    await percent.fill('100');
    await form.getByRole('button', { name: 'Aprēķināt abas metodes' }).click();

    // On the field: how far it can go.
    await expect.poll(() => percent.getAttribute('aria-invalid')).toBe('true');
    const onField = await description(percent);
    expect(onField).toContain(`Ne vairāk kā ${percentText}`);
    expect(onField).toContain(lvMoney(probe.maxReduction));
    // Above the form: the same in a sentence, with the year's total.
    const alert = form.getByRole('alert');
    const said = normalSpaces(await alert.textContent());
    expect(said).toContain(percentText);
    expect(said).toContain(lvMoney(probe.maxReduction));
    expect(said).toContain(lvMoney(probe.yearTotalBefore));
    await expectNoRawError(form);
    expect.soft(await accessibilityViolations(page), 'the scenario form with its problem').toEqual([]);
  });

  it('the largest possible cut it named can be computed', async () => {
    const form = page.locator('form.scenario-form');
    const percent = form.getByLabel('Samazināt par (%)');
    await percent.fill(largestPercent.replace('.', ','));
    await form.getByRole('button', { name: 'Aprēķināt abas metodes' }).click();
    await page.getByRole('heading', { name: 'Metožu salīdzinājums' }).waitFor();
    expect(await form.getByRole('alert').count()).toBe(0);
  });
});

describe('the new-user form (administrator)', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await e2e.signIn('admin@riga.example');
    page = session.page;
    await page.goto('/admin?tab=users');
  });
  afterAll(() => session?.context.close());

  async function newUserDialog(): Promise<Locator> {
    await page.getByRole('button', { name: 'Jauns lietotājs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Jauns lietotājs' });
    await dialog.waitFor();
    return dialog;
  }

  it('puts what the server says about the email and password beside those fields', async () => {
    const dialog = await newUserDialog();
    await dialog.getByLabel('Vārds, uzvārds').fill('Jana Bērziņa');
    await dialog.getByLabel('E-pasts').fill('jana.berzina');
    await dialog.getByLabel('Parole').fill('īsa');
    await dialog.getByRole('button', { name: 'Saglabāt' }).click();

    const email = dialog.getByLabel('E-pasts');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await description(email)).toMatch(/e-pasta adres/i);
    const password = dialog.getByLabel('Parole');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await description(password)).toMatch(/vismaz 12 rakstzīmes/i);
    // The cursor goes to the first field to correct.
    await expect.poll(() => email.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await expectNoRawError(dialog);
    expect.soft(await accessibilityViolations(page), 'the new-user form with its problems').toEqual([]);
  });

  it('an email that is taken is said on the email field; a correct form then saves', async () => {
    const dialog = page.getByRole('dialog', { name: 'Jauns lietotājs' });
    await dialog.getByLabel('E-pasts').fill('lead.sd@riga.example');
    await dialog.getByLabel('Parole').fill('pietiekami-gara-parole');
    await dialog.getByRole('button', { name: 'Saglabāt' }).click();
    const email = dialog.getByLabel('E-pasts');
    await expect.poll(async () => description(email)).toContain('Lietotājs ar šādu e-pastu jau ir');
    expect(await dialog.getByLabel('Parole').getAttribute('aria-invalid')).toBeNull();
    await expectNoRawError(dialog);

    await email.fill('jana.berzina@riga.example');
    await dialog.getByRole('button', { name: 'Saglabāt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Lietotāji' }).getByRole('rowheader', { name: 'Jana Bērziņa' }).waitFor();
  });
});

describe('a central item’s beneficiaries (ITC finance)', () => {
  let session: Session;
  let page: Page;
  let itemId: number;

  beforeAll(async () => {
    const itc = await e2e.api('itc.finance@riga.example');
    const central = await itc.subProgramme(2027, 'IKT.ITC.01');
    const [item] = await itc.lineItems(central.id);
    itemId = item!.id;
    await itc.dispose();
    session = await e2e.signIn('itc.finance@riga.example');
    page = session.page;
    await page.goto(`/sub-programmes/${central.id}?item=${itemId}`);
  });
  afterAll(() => session?.context.close());

  it('shows the sum as it is typed and the server’s problem on the row it names; a corrected list saves', async () => {
    const panel = page.locator('.item-panel');
    const beneficiaries = panel.getByRole('group', { name: 'Labuma guvēji' });
    await beneficiaries.getByRole('button', { name: 'Pievienot iestādi' }).click();
    await beneficiaries.getByLabel('Iestāde 1. rindā').selectOption('IKSD');
    await beneficiaries.getByLabel('Daļa 1. rindā, %').fill('60');
    await beneficiaries.getByRole('button', { name: 'Pievienot iestādi' }).click();
    await beneficiaries.getByLabel('Iestāde 2. rindā').selectOption('IKSD');
    await beneficiaries.getByLabel('Daļa 2. rindā, %').fill('40,5');
    await expect
      .poll(async () => normalSpaces(await beneficiaries.getByRole('status').textContent()))
      .toBe('Kopā: 100,5 % Daļām kopā jābūt tieši 100 %.');
    await beneficiaries.getByLabel('Daļa 2. rindā, %').fill('40');
    await panel.getByRole('button', { name: 'Saglabāt' }).click();

    // The same institution twice: said on the second row, where the cursor goes.
    const second = beneficiaries.getByLabel('Iestāde 2. rindā');
    await expect.poll(() => second.getAttribute('aria-invalid')).toBe('true');
    expect(await description(second)).toBe('Iestāde atkārtojas');
    await expect.poll(() => second.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    expect(await beneficiaries.getByLabel('Iestāde 1. rindā').getAttribute('aria-invalid')).toBeNull();
    await expectNoRawError(panel);
    expect.soft(await accessibilityViolations(page), 'the beneficiaries with a problem on a row').toEqual([]);

    await second.selectOption('LD');
    await panel.getByRole('button', { name: 'Saglabāt' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saglabāts.' }).waitFor();
    const itc = await e2e.api('itc.finance@riga.example');
    const saved = (await itc.bytes(`/api/line-items/${itemId}`)).toString('utf8');
    await itc.dispose();
    expect((JSON.parse(saved) as { beneficiaries: unknown }).beneficiaries).toEqual([
      { institutionCode: 'IKSD', share: '60.0000' },
      { institutionCode: 'LD', share: '40.0000' },
    ]);
  });
});
