import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/browser';
import { browserSuite } from './support/suite';
import { scenarioInput } from '../helpers/scenario';

/**
 * Every page each role works with, at a 1280 px laptop and a 390 px phone (issue #14 item 8):
 * the page never scrolls sideways, no column header, amount or total of a table is cut off or
 * off-screen, and the header of a phone leaves room for the page. At 1280 px every important
 * column is in view as the page opens; at 390 px a table may scroll sideways inside its own
 * scroll container (overflow-x: auto), never be clipped by overflow: hidden. `LAYOUT_SCREENSHOTS=<dir>`
 * also writes a full-page picture of each page there, to look at.
 */
const WIDTHS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
type Width = (typeof WIDTHS)[number];
/** At most this high on a phone: the menu folds away behind a button. */
const PHONE_HEADER_MAX = 120;
const SCREENSHOTS = process.env.LAYOUT_SCREENSHOTS;

const e2e = browserSuite();
const ids: Record<string, number> = {};
let openCycleId: number;

beforeAll(async () => {
  if (SCREENSHOTS) await mkdir(SCREENSHOTS, { recursive: true });
  // Something on every page: APC submitted (ITC's review), a scenario to compare (scenarios,
  // the council's decision page), an audit log with entries.
  const itc = await e2e.api('itc.finance@riga.example');
  const apc = await e2e.api('lead.apc@riga.example');
  try {
    openCycleId = (await itc.cycle(2027)).id;
    for (const code of ['IKT.APC.01', 'IKT.IKSD.01', 'IKT.ITC.01']) {
      ids[code] = (await itc.subProgramme(2027, code)).id;
    }
    await apc.post(`/api/sub-programmes/${ids['IKT.APC.01']}/submit`);
    await itc.post(
      `/api/cycles/${openCycleId}/scenarios`,
      scenarioInput('Samazinājums 5 %', 'priority', 'percent', '5'),
    );
  } finally {
    await Promise.all([itc.dispose(), apc.dispose()]);
  }
});

/**
 * Runs in the page: what a user at this width would find cut off. Plain JavaScript, as the
 * browser runs it (this program is typed for Node, without the DOM).
 */
const LAYOUT_PROBE = String.raw`(({ wide, headerMax }) => {
  const problems = [];
  const viewport = document.documentElement.clientWidth;
  const describe = (element) => {
    const text = (element.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return '"' + text + '"';
  };
  const tableName = (table) => {
    const label = table.getAttribute('aria-label') || table.querySelector('caption')?.textContent ||
      (table.getAttribute('aria-labelledby') && document.getElementById(table.getAttribute('aria-labelledby'))?.textContent) || table.className;
    return (label || '').replace(/\s+/g, ' ').trim().slice(0, 50);
  };
  const shown = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const hiddenText = (element) => element.closest('.visually-hidden') !== null;
  // Where the text a user sees in an element lies (text for screen readers only left out).
  const visibleTextBox = (element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let box = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || hiddenText(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      box = box ? { left: Math.min(box.left, rect.left), right: Math.max(box.right, rect.right) } : { left: rect.left, right: rect.right };
    }
    return box;
  };

  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    // Named by what sticks out first (an element wider than the window whose parent is not).
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((element) => {
        const parent = element.parentElement;
        return shown(element) && element.getBoundingClientRect().right > viewport + 1 &&
          parent && parent.getBoundingClientRect().right <= viewport + 1;
      })
      .slice(0, 3)
      .map((element) => element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : '') +
        ' (' + Math.round(element.getBoundingClientRect().right) + ' px)');
    problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px wide in ' + window.innerWidth +
      (culprits.length ? ', first out: ' + culprits.join(', ') : ''));
  }
  const header = document.querySelector('header');
  if (headerMax !== null && header) {
    const height = Math.round(header.getBoundingClientRect().height);
    if (height > headerMax) problems.push('the header is ' + height + ' px high');
  }

  const tables = [...document.querySelectorAll('table, [role="grid"], [role="table"]')].filter(
    (table) => shown(table) && !table.closest('dialog:not([open])'),
  );
  for (const table of tables) {
    const cells = table.querySelectorAll(
      'thead th, [role="columnheader"], tfoot th, tfoot td, td.num, th.num, [role="gridcell"].num, [role="rowheader"].num',
    );
    for (const cell of cells) {
      if (!shown(cell) || hiddenText(cell) || !(cell.textContent || '').trim()) continue;
      const where = tableName(table) + ' ' + describe(cell);
      // Its text fits the cell (a cell that shortens it to "…" or clips it does not). A
      // right-aligned cell overflows to the left, which scrollWidth does not count: the text's
      // own box, measured with a range, tells.
      const clips = getComputedStyle(cell).overflowX !== 'visible';
      const text = visibleTextBox(cell);
      const inner = cell.getBoundingClientRect();
      const sticksOut = text !== null &&
        (text.left < inner.left + cell.clientLeft - 1 || text.right > inner.left + cell.clientLeft + cell.clientWidth + 1);
      if (clips && (cell.scrollWidth > cell.clientWidth + 1 || sticksOut)) {
        problems.push(where + ': the text is cut off in its cell (' + Math.round(text ? text.right - text.left : cell.scrollWidth) + ' px in ' + cell.clientWidth + ')');
        continue;
      }
      // Every clipping box around it shows it, or scrolls to it (only on a phone).
      let box = cell.getBoundingClientRect();
      let cut = false;
      for (let parent = cell.parentElement; parent && parent !== document.documentElement && !cut; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow === 'visible') continue;
        const outer = parent.getBoundingClientRect();
        const left = outer.left + parent.clientLeft;
        const right = left + parent.clientWidth;
        if (box.left >= left - 1 && box.right <= right + 1) continue;
        if (overflow === 'hidden' || overflow === 'clip') {
          problems.push(where + ': cut off by overflow: ' + overflow + ' of .' + parent.className);
          cut = true;
        } else if (wide) {
          problems.push(where + ': out of view until .' + parent.className + ' is scrolled sideways');
          cut = true;
        } else {
          // Reachable by scrolling this box: from here on, the box itself must be reachable.
          box = { left: Math.max(left, outer.left), right: Math.min(right, outer.right) };
        }
      }
      if (!cut && (box.right > viewport + 1 || box.left < -1)) {
        problems.push(where + ': off-screen (' + Math.round(box.left) + '–' + Math.round(box.right) + ' px of ' + viewport + ')');
      }
    }
  }
  return problems;
})`;

async function layoutProblems(page: Page, width: Width): Promise<string[]> {
  const problems = (await page.evaluate(
    `${LAYOUT_PROBE}(${JSON.stringify({ wide: width.width >= 1280, headerMax: width.width < 600 ? PHONE_HEADER_MAX : null })})`,
  )) as string[];
  // A table of 40 rows cut off the same way says it once, with its first cell and the count.
  const grouped = new Map<string, { example: string; count: number }>();
  for (const problem of problems) {
    const key = problem.replace(/"[^"]*"/, '…').replace(/\(\d+ px in \d+\)|\(-?\d+–-?\d+ px of \d+\)/, '');
    const seen = grouped.get(key);
    if (seen) seen.count += 1;
    else grouped.set(key, { example: problem, count: 1 });
  }
  return [...grouped.values()].map(({ example, count }) =>
    count > 1 ? `${example} (and ${count - 1} more)` : example,
  );
}

/** Waits until the page has its data: the first heading is there and nothing says "Ielādē…". */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.getByText('Ielādē…').first().waitFor({ state: 'detached' });
}

async function check(page: Page, width: Width, what: string): Promise<void> {
  await settled(page);
  if (SCREENSHOTS) {
    const file = `${width.width}-${what.replace(/[^\p{L}\d]+/gu, '-')}.png`;
    await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true, animations: 'disabled' });
  }
  expect.soft(await layoutProblems(page, width), `${what} at ${width.width} px`).toEqual([]);
}

async function visit(page: Page, width: Width, url: string, what: string): Promise<void> {
  await page.goto(url);
  await check(page, width, what);
}

/** Signed in as a person would (at the default window), then the window set to the width. */
const asUser = (email: string, width: Width, run: (page: Page) => Promise<void>) => e2e.asUser(email, run, width);

describe.each(WIDTHS)('every page is usable at $width px ($name)', { timeout: 240_000 }, (width) => {
  it('the sign-in page', async () => {
    const { page, context } = await e2e.openWindow();
    try {
      await page.setViewportSize({ width: width.width, height: width.height });
      await visit(page, width, '/login', 'sign-in');
    } finally {
      await context.close();
    }
  });

  it('institution lead: home, its grid (also with the item panel open), consolidation, account', async () => {
    await asUser('lead.iksd@riga.example', width, async (page) => {
      await visit(page, width, '/', 'lead home');
      await visit(page, width, `/sub-programmes/${ids['IKT.IKSD.01']}`, 'lead grid');
      await page
        .getByRole('button', { name: /^Atvērt pozīciju/ })
        .first()
        .click();
      await page.locator('.item-panel').waitFor();
      await check(page, width, 'lead grid with the item panel open');
      await visit(page, width, '/consolidation', 'lead consolidation');
      await visit(page, width, '/consolidation/cross', 'lead institution × EKK');
      await visit(page, width, '/reference', 'lead reference data');
      await visit(page, width, '/account', 'lead account');
    });
  });

  it('ITC finance: home, review, a grid, consolidation, scenarios, indicators, audit log, admin', async () => {
    await asUser('itc.finance@riga.example', width, async (page) => {
      await visit(page, width, '/', 'itc home');
      await visit(page, width, '/review', 'itc review queue');
      await visit(page, width, `/review/${ids['IKT.APC.01']}`, 'itc review of a sub-programme');
      await visit(page, width, `/sub-programmes/${ids['IKT.ITC.01']}`, 'itc central grid');
      await page
        .getByRole('button', { name: /^Atvērt pozīciju/ })
        .first()
        .click();
      await page.locator('.item-panel').waitFor();
      await check(page, width, 'itc grid with the item panel open');
      for (const by of ['institution', 'ekk', 'goal']) {
        await visit(page, width, `/consolidation?cycle=${openCycleId}&by=${by}`, `itc consolidation by ${by}`);
      }
      await visit(page, width, `/consolidation/cross?cycle=${openCycleId}`, 'itc institution × EKK');
      await visit(page, width, '/scenarios', 'itc scenarios');
      await page.getByLabel('Samazināt par (%)').fill('5');
      await page.getByRole('button', { name: 'Aprēķināt abas metodes' }).click();
      await page.getByRole('heading', { name: 'Metožu salīdzinājums' }).waitFor();
      await check(page, width, 'itc scenario comparison');
      await visit(page, width, '/indicators', 'itc indicators');
      await visit(page, width, '/audit', 'itc audit log');
      await visit(page, width, '/admin', 'itc admin');
      await visit(page, width, '/account', 'itc account');
    });
  });

  it('council: decision page, scenarios, consolidation', async () => {
    await asUser('council@riga.example', width, async (page) => {
      await visit(page, width, '/', 'council home');
      await visit(page, width, `/decision?cycle=${openCycleId}`, 'council decision');
      await visit(page, width, '/scenarios', 'council scenarios');
      await visit(page, width, `/consolidation?cycle=${openCycleId}`, 'council consolidation');
      await visit(page, width, '/indicators', 'council indicators');
    });
  });

  it('administrator: admin tabs, audit log', async () => {
    await asUser('admin@riga.example', width, async (page) => {
      await visit(page, width, '/', 'admin home');
      await visit(page, width, '/admin', 'admin cycles');
      for (const tab of ['Lietotāji', 'Iestādes', 'EKK kodi', 'IKT pakalpojumi', 'Informācijas sistēmas']) {
        await page.getByRole('tab', { name: tab }).click();
        await check(page, width, `admin ${tab}`);
      }
      await visit(page, width, '/audit', 'admin audit log');
    });
  });

  it('Finance Department: consolidation of the approved cycle', async () => {
    await asUser('fd@riga.example', width, async (page) => {
      await visit(page, width, '/', 'fd home');
      await visit(page, width, '/consolidation', 'fd consolidation');
      await visit(page, width, '/consolidation/cross', 'fd institution × EKK');
    });
  });
});

describe('the menu on a phone', () => {
  it('folds behind "Izvēlne": opens, leads to a page and closes, Esc closes it too', async () => {
    const phone = WIDTHS[1];
    await asUser('itc.finance@riga.example', phone, async (page) => {
      const menuButton = page.getByRole('button', { name: 'Izvēlne' });
      const nav = page.getByRole('navigation', { name: 'Galvenā navigācija' });
      await nav.waitFor({ state: 'hidden' });
      expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
      expect.soft(await accessibilityViolations(page), 'axe, menu closed').toEqual([]);

      await menuButton.click();
      expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
      expect.soft(await accessibilityViolations(page), 'axe, menu open').toEqual([]);
      // Every way out of the header is there: the pages, the language, the account, signing out.
      await page.getByRole('button', { name: 'Iziet' }).waitFor();
      await page.getByRole('link', { name: 'Mans konts' }).waitFor();
      await page.getByRole('group', { name: 'Valoda' }).waitFor();
      await nav.getByRole('link', { name: 'Konsolidācija' }).click();
      await page.getByRole('heading', { level: 1, name: 'Konsolidētais IKT budžets' }).waitFor();
      await nav.waitFor({ state: 'hidden' });
      expect(await menuButton.getAttribute('aria-expanded')).toBe('false');

      await menuButton.click();
      await nav.getByRole('link', { name: 'Audita žurnāls' }).focus();
      await page.keyboard.press('Escape');
      await nav.waitFor({ state: 'hidden' });
      expect(await page.evaluate('document.activeElement?.textContent')).toBe('Izvēlne');
    });
  });

  it('is not there on a laptop: the navigation is shown as it is', async () => {
    await asUser('itc.finance@riga.example', WIDTHS[0], async (page) => {
      await page
        .getByRole('navigation', { name: 'Galvenā navigācija' })
        .getByRole('link', { name: 'Konsolidācija' })
        .waitFor();
      expect(await page.getByRole('button', { name: 'Izvēlne' }).isVisible()).toBe(false);
    });
  });
});
