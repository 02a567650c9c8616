// An Obsidian vault as the content folder, through the real `astro build`: every note gets a page, attachments are
// copied and their embeds load under the shipped CSP, Markdown links and wiki-links lead to the right pages, and
// .obsidian/, .trash/ and the templates folder publish nothing.
import { existsSync, readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/check-links.ts';
import { serveWithHeaders, shippedHeaders } from '../hostile/headers.ts';
import { astroBuild, type AstroBuild } from './astro-build.ts';
import { openServedSite, type ServedSite } from './served-site.ts';
import { screenshot, watchErrors } from './browser.ts';

const VAULT = 'test/fixtures/obsidian-vault';
const OUT = 'test-results/obsidian-dist';
const BUILD_LIMIT = 300_000;

let build: AstroBuild;
let browser: Browser;
let site: ServedSite | undefined;
let origin: string;

beforeAll(async () => {
  build = await astroBuild({ KG_CONTENT_DIR: VAULT, KG_OUT_DIR: OUT }, BUILD_LIMIT);
  site = await openServedSite(serveWithHeaders(OUT, shippedHeaders()));
  ({ origin, browser } = site);
}, BUILD_LIMIT + 30_000);

afterAll(() => site?.close());

describe('an Obsidian vault through astro build', () => {
  it('builds with no diagnostic, one page per note and nothing from .obsidian, .trash or Templates', () => {
    expect(build.code, build.output.slice(-2000)).toBe(0);
    expect(build.output).not.toMatch(/\] (error|warning) /);
    expect(readdirSync(`${OUT}/entity`).sort()).toEqual(['2019-10-08', 'acme-café', 'field-notes', 'zhang-wei-张伟']);
    expect(existsSync(`${OUT}/attachments/assets/maps/Map of Xinjiang.png`)).toBe(true);
    expect(existsSync(`${OUT}/attachments/assets/chart 2019.png`)).toBe(true);
    expect(build.output).toMatch(/wrote \d+ note pages and view files \(\d+ ms\), 2 attachments, \d+ preview cards/);
  });

  it('has no broken internal link, image or script', () => {
    expect(checkLinks(OUT).broken).toEqual([]);
  });

  it('shows embedded images under the strict CSP and follows Markdown links', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${origin}/entity/acme-caf%C3%A9/`, { waitUntil: 'networkidle' });
    const images = await page.locator('.entity-body img').evaluateAll((els) => els.map((el) => {
      const img = el as HTMLImageElement;
      return { alt: img.alt, loaded: img.complete && img.naturalWidth > 0, width: img.width };
    }));
    expect(images).toEqual([{ alt: 'Map of the region', loaded: true, width: 40 }, { alt: 'Map of Xinjiang', loaded: true, width: 120 }]);
    await screenshot(page, 'obsidian-acme');
    await page.goto(`${origin}/entity/2019-10-08/`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'its history' }).click();
    await page.waitForURL(/\/entity\/acme-caf%C3%A9\/#history$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
