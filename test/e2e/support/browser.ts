import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './e2e-app';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium (never a downloaded browser), with the flags it needs in a container. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` ` +
        '(Playwright never downloads a browser here).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
}

/** A browser window of its own (own cookies), at the app's address, in Latvian as users see it. */
export async function openWindow(browser: Browser, baseUrl: string): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'lv-LV',
    timezoneId: 'Europe/Riga',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** Signs in through the sign-in page, as a person would, and waits for the home page. */
export async function signIn(browser: Browser, baseUrl: string, email: string): Promise<Session> {
  const session = await openWindow(browser, baseUrl);
  const { page } = session;
  await page.goto('/login');
  await page.getByLabel('E-pasts').fill(email);
  await page.getByLabel('Parole').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Pieteikties' }).click();
  await page.getByRole('heading', { level: 1, name: 'IKT budžets' }).waitFor();
  await page.getByRole('button', { name: 'Iziet' }).waitFor();
  return session;
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's findings on the page as it is now, one line per violation and element, for a readable failure. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
    ),
  );
}

/** The text as a reader sees it: every kind of space (money uses no-break spaces) as a plain one. */
export function normalSpaces(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
