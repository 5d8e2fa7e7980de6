import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalSpaces, type Session } from './support/browser';
import { browserSuite } from './support/suite';

/**
 * The main pages as the README shows them, taken on the demo data. Every run takes them (so a page
 * that stops rendering fails here); `UPDATE_SCREENSHOTS=1` writes them to docs/screenshots/,
 * otherwise they go to a scratch folder — the pages show times, so each run's files differ a little.
 */
const DOCS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The browser's clock, so "days left until the deadline" reads the same in every picture. */
const PICTURE_TIME = new Date('2026-11-26T10:00:00+02:00');

const e2e = browserSuite();
let folder: string;
let scratch: string | undefined;
const ids: Record<string, number> = {};

beforeAll(async () => {
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    folder = DOCS;
    await mkdir(folder, { recursive: true });
  } else {
    scratch = await mkdtemp(path.join(tmpdir(), 'ikt-screenshots-'));
    folder = scratch;
  }

  // Something to review: the traffic department has submitted its sub-programme.
  const lead = await e2e.api('lead.sd@riga.example');
  const itc = await e2e.api('itc.finance@riga.example');
  try {
    for (const code of ['IKT.SD.01', 'IKT.IKSD.01']) ids[code] = (await itc.subProgramme(2027, code)).id;
    ids.previousCycle = (await itc.cycle(2026)).id;
    await lead.post(`/api/sub-programmes/${ids['IKT.SD.01']}/submit`);
  } finally {
    await Promise.all([lead.dispose(), itc.dispose()]);
  }
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function open(email: string): Promise<Session> {
  const session = await e2e.signIn(email);
  await session.page.clock.setFixedTime(PICTURE_TIME);
  return session;
}

/** Once the page has its data, a picture of the window; answers the file written. */
async function picture(page: Page, name: string, size: [number, number] = [1366, 900]): Promise<string> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.getByText('Ielādē…').first().waitFor({ state: 'detached' });
  const file = path.join(folder, `${name}.png`);
  await writeFile(file, await page.screenshot({ animations: 'disabled', caret: 'hide' }));
  const png = await readFile(file);
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), `${name}.png is a PNG`).toBe(true);
  // The window's size in pixels (1366 × 900 unless a phone's); the width and height are in the IHDR chunk.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${name}.png size`).toEqual(size);
  expect(png.length, `${name}.png has content`).toBeGreaterThan(20_000);
  return file;
}

describe('screenshots of the main pages', { timeout: 180_000 }, () => {
  it('ITC finance: home, review, consolidation, scenarios, indicators', async () => {
    const { page, context } = await open('itc.finance@riga.example');
    try {
      await picture(page, 'home');

      await page.goto(`/review/${ids['IKT.SD.01']}`);
      await page.getByRole('heading', { level: 1, name: 'Izskatīšana: IKT.SD.01' }).waitFor();
      await picture(page, 'review');

      await page.goto('/consolidation');
      await page.getByRole('table', { name: /^Konsolidācija pēc/ }).waitFor();
      await picture(page, 'consolidation');

      await page.goto('/scenarios');
      await page.getByLabel('Samazināt par (%)').fill('5');
      await page.getByRole('button', { name: 'Aprēķināt abas metodes' }).click();
      const comparison = page.getByRole('heading', { name: 'Metožu salīdzinājums' });
      await comparison.waitFor();
      await comparison.evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await picture(page, 'scenarios');

      await page.goto(`/indicators?cycle=${ids.previousCycle}`);
      await page.getByRole('heading', { name: 'Ievaddati' }).waitFor();
      await picture(page, 'indicators');

      await page.goto('/consolidation/cross');
      await page.locator('.cross-table thead').waitFor();
      await picture(page, 'institution-ekk');

      await page.goto('/audit');
      await page.getByRole('table').first().waitFor();
      await picture(page, 'audit-log');
    } finally {
      await context.close();
    }
  });

  it('institution lead: the sub-programme workspace with an item open', async () => {
    const { page, context } = await open('lead.iksd@riga.example');
    try {
      await page.goto(`/sub-programmes/${ids['IKT.IKSD.01']}`);
      await page.getByRole('grid').getByRole('rowheader').first().waitFor();
      const first = normalSpaces(await page.getByRole('grid').getByRole('rowheader').first().textContent());
      await page.getByRole('button', { name: `Atvērt pozīciju “${first}”` }).click();
      await page.getByRole('heading', { level: 2, name: first }).waitFor();
      await picture(page, 'sub-programme');
    } finally {
      await context.close();
    }
  });

  it('administrator: users', async () => {
    const { page, context } = await open('admin@riga.example');
    try {
      await page.goto('/admin?tab=users');
      await page.getByRole('table', { name: 'Lietotāji' }).waitFor();
      await picture(page, 'admin');
    } finally {
      await context.close();
    }
  });

  it('institution lead on a phone: home with the menu open', async () => {
    const { page, context } = await open('lead.iksd@riga.example');
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/');
      await page.getByRole('button', { name: 'Izvēlne' }).click();
      await picture(page, 'phone', [390, 844]);
    } finally {
      await context.close();
    }
  });

  // Last: it moves the cycle on to review, which the other pictures show still open.
  it('council: the decision page of a cycle in review', async () => {
    const itc = await e2e.api('itc.finance@riga.example');
    try {
      await itc.post(`/api/cycles/${(await itc.cycle(2027)).id}/transition`, { to: 'review' });
    } finally {
      await itc.dispose();
    }
    const { page, context } = await open('council@riga.example');
    try {
      await page.goto('/decision');
      await page
        .getByRole('button', { name: /^Pieņemt padomei/ })
        .first()
        .waitFor();
      await picture(page, 'decision');
    } finally {
      await context.close();
    }
  });
});
