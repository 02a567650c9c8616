// Shared browser-test helpers: Debian's Chromium through playwright-core, console-error capture, screenshots.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = 'test-results/screenshots';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // This machine has no network beyond loopback: stop Chromium from trying (DESIGN's env notes).
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

/** Collects console errors and page errors so a test can assert there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Saves a full-page PNG for people to look at. A page that reloads during the capture (the dev server's live reload)
 *  fails it ("Unable to capture screenshot") or leaves it hanging: it is tried again once the page has loaded, up to
 *  three times, each bounded. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true, timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3 || !/Unable to capture screenshot|Timeout/.test(String(error))) throw error;
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
    }
  }
}
