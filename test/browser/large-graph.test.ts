// The network view of a big graph (the bench's generated vault of 1,000 notes, 5,725 relations: past the level-of-
// detail threshold) through the real `astro build`: the first frame shows the nodes alone, the edges follow, and
// everything that needs them (a shared selection's relations, filters, search, the time control) works once they are
// in, on the network page and in the embedded whole network.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeVault } from '../../bench/vault/generate.ts';
import { LARGE_EDGES, MOVING_SCALE } from '../../src/client/view-graph.ts';
import { astroBuild, type AstroBuild } from './astro-build.ts';
import { openServedSite, type ServedSite } from './served-site.ts';
import { screenshot, watchErrors } from './browser.ts';
import { drawnPixels, nodeBufferDuringMotion } from './graph-helpers.ts';
import { serveDir } from './static-server.ts';

const VAULT = 'test-results/large-vault';
const OUT = 'test-results/large-dist';
const BUILD_LIMIT = 300_000;
const NETWORK = '[data-network]';

let build: AstroBuild;
let context: BrowserContext;
let site: ServedSite | undefined;
let origin: string;
let hub: { id: string; title: string; degree: number };

beforeAll(async () => {
  await writeVault(VAULT, { notes: 1000, seed: 1 });
  // No preview cards: they are not what this file tests, and would triple the build's time.
  build = await astroBuild({ KG_CONTENT_DIR: VAULT, KG_OUT_DIR: OUT, KG_OG_LIMIT: '0' }, BUILD_LIMIT);
  site = await openServedSite(serveDir(OUT));
  ({ origin, context } = site);
}, BUILD_LIMIT + 30_000);

afterAll(() => site?.close());

async function open(hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${origin}/graph/${hash}`);
  await page.waitForSelector(`${NETWORK}[data-ready]`, { timeout: 60_000 });
  return { page, errors };
}

const edgesIn = (page: Page) => page.evaluate((sel) => (document.querySelector(sel) as any).kgView.graph.size as number, NETWORK);

describe('a big network view', () => {
  it('builds, with more relations than the level-of-detail threshold', () => {
    expect(build.code, build.output.slice(-2000)).toBe(0);
    const data = JSON.parse(readFileSync(`${OUT}/graph.json`, 'utf8'));
    expect(data.edges.source.length).toBeGreaterThan(LARGE_EDGES);
    // The most connected entity, for the tests below.
    const degree = new Map<number, number>();
    for (const end of [...data.edges.source, ...data.edges.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const [i, d] = [...degree].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    hub = { id: data.nodes.id[i], title: data.nodes.label[i], degree: d };
  });

  it('draws the nodes first and the edges in a later frame, then is ready', async () => {
    const { page, errors } = await open();
    const mark = (name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1, name);
    // The nodes' frame was painted (first-paint: the animation frame after it) before the edges were even built.
    expect(await mark('kg:first-frame')).toBeGreaterThan(0);
    expect(await page.evaluate(() => (performance.getEntriesByName('kg:first-frame')[0] as PerformanceMark).detail)).toEqual({ edges: 0 });
    expect(await mark('kg:first-paint')).toBeGreaterThan(await mark('kg:first-frame'));
    expect(await mark('kg:edges')).toBeGreaterThan(await mark('kg:first-paint'));
    expect(await edgesIn(page)).toBeGreaterThan(LARGE_EDGES / 2);
    const { drawn, colours, total } = await drawnPixels(context, page.locator('.kg-network-stage'));
    expect(drawn).toBeGreaterThan(total * 0.02);
    expect(colours).toBeGreaterThan(4);
    await screenshot(page, 'large-network');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the discs at reduced resolution while the camera moves, and in full once it rests', async () => {
    const { page, errors } = await open();
    await page.waitForFunction(() => performance.getEntriesByName('kg:edges').length > 0);
    const { full, moving, rested } = await nodeBufferDuringMotion(page, NETWORK);
    expect(moving.length).toBeGreaterThan(2);
    expect(new Set(moving)).toEqual(new Set([Math.round(full * MOVING_SCALE)]));
    expect(rested).toBe(full);
    const { drawn, total } = await drawnPixels(context, page.locator('.kg-network-stage'));
    expect(drawn).toBeGreaterThan(total * 0.02);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a shared selection shows every relation of the entity, and the time control is there', async () => {
    const { page, errors } = await open(`#node=${hub.id}`);
    await expect.poll(() => page.locator('.kg-panel:not([hidden]) .kg-panel-title').textContent()).toBe(hub.title);
    expect(await page.locator('.kg-panel-relations li').count()).toBeGreaterThan(5);
    // The generated relations have dates: the control is made once the edges are in.
    expect(await page.locator('.kg-time').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the embedded whole network also draws its nodes first, then its edges and time control', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${origin}/embed/network/`);
    const figure = page.locator('figure[data-view="network"]');
    await expect.poll(() => figure.getAttribute('data-live'), { timeout: 60_000 }).toBe('ready');
    expect(await figure.evaluate((el) => (el as any).kgView.graph.size)).toBeGreaterThan(LARGE_EDGES / 2);
    expect(await figure.locator('.kg-time').count()).toBe(1);
    const { drawn, total } = await drawnPixels(context, figure.locator('.kg-view-canvas'));
    expect(drawn).toBeGreaterThan(total * 0.02);
    await screenshot(page, 'large-embed-network');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search and a relation filter work on the full graph', async () => {
    const { page, errors } = await open();
    await page.locator('#kg-search-input').fill(hub.title);
    await expect.poll(() => page.locator('#kg-search-results [role=option]').first().getAttribute('data-node')).toBe(hub.id);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`#node=${hub.id}`);
    const first = await page.locator('input[data-filter-relation]:checked').first();
    const rel = await first.getAttribute('data-filter-relation');
    await first.uncheck();
    await expect.poll(() => page.url()).toContain(rel!);
    expect(errors).toEqual([]);
    await page.close();
  });
});
