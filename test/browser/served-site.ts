// A built site served over HTTP with Chromium open on it, for the test files that build a site of their own.
import type { Server } from 'node:http';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch } from './browser.ts';

export interface ServedSite { origin: string; browser: Browser; context: BrowserContext; close(): Promise<void> }

/** Waits for the server, launches Chromium with a 1280×900 context; `close` stops both. */
export async function openServedSite(served: Promise<{ server: Server; url: string }>): Promise<ServedSite> {
  const { server, url } = await served;
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return {
    origin: url, browser, context,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
