import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ApiSession } from './api';
import { launchChromium, openWindow, signIn, type Session } from './browser';
import { startE2eApp, type E2eApp } from './e2e-app';

/** One test file's app and browser, and the ways in that its tests use. */
export interface BrowserSuite {
  /** The running app (started by the file's first `beforeAll`). */
  readonly app: E2eApp;
  readonly browser: Browser;
  /** A window of its own, not signed in. */
  openWindow(): Promise<Session>;
  /** A window signed in through the sign-in page, as a person would. */
  signIn(email: string): Promise<Session>;
  /** `run` in a window signed in as `email` (set to `viewport` once signed in), closed afterwards. */
  asUser(
    email: string,
    run: (page: Page) => Promise<void>,
    viewport?: { width: number; height: number },
  ): Promise<void>;
  /** The API as `email`, for setting the scene and reading what the server holds (`dispose()` it). */
  api(email: string): Promise<ApiSession>;
}

/**
 * Chromium and the real app for the test file that calls it (at its top, before its own hooks):
 * both start before the file's tests and close after them, after the file's own `afterAll`
 * hooks (vitest runs those in reverse order), so the file's sessions are closed first.
 */
export function browserSuite(): BrowserSuite {
  let started: { app: E2eApp; browser: Browser } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    started = { browser, app: await startE2eApp() };
  });
  afterAll(async () => {
    await browser?.close();
    await started?.app.close();
  });
  const running = () => {
    if (!started) throw new Error('browserSuite(): the app is not running (outside the tests and hooks?)');
    return started;
  };
  const suite: BrowserSuite = {
    get app() {
      return running().app;
    },
    get browser() {
      return running().browser;
    },
    openWindow: () => openWindow(running().browser, running().app.baseUrl),
    signIn: (email) => signIn(running().browser, running().app.baseUrl, email),
    async asUser(email, run, viewport) {
      const session = await suite.signIn(email);
      try {
        if (viewport) await session.page.setViewportSize({ width: viewport.width, height: viewport.height });
        await run(session.page);
      } finally {
        await session.context.close();
      }
    },
    api: (email) => ApiSession.signIn(running().app.baseUrl, email),
  };
  return suite;
}
