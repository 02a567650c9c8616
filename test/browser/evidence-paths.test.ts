// Evidence on every edge and paths between two entities, in a real browser: the Paths panel on /graph/ lists the
// expected sentence and brings the path out in the graph (and keeps it in the URL); hovering a line shows its quote
// and source, a click pins the card; the side panel lists each relation with its citation; the local graph on an
// entity page has edge cards too; evidence files load on first use only; axe stays clean.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, watchErrors } from './browser.ts';
import { edgePoint, openNetwork as openNetworkAt } from './graph-helpers.ts';

const NETWORK = '[data-network]';
const ROSS = 'wilbur-ross', COMMERCE = 'us-department-of-commerce', HIKVISION = 'hikvision';
const SENTENCE = 'Wilbur Ross — leads → United States Department of Commerce — sanctions → Hangzhou Hikvision Digital Technology Co., Ltd.';
let browser: Browser;
let context: BrowserContext;
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
});
afterAll(async () => { await browser?.close(); });

const openNetwork = (hash = '', ctx = context) => openNetworkAt(ctx, base(), hash);

/** What the live network view shows for a node and an edge between two nodes. */
const nodeLook = (page: Page, node: string) => page.evaluate(([sel, n]) => {
  const v = (document.querySelector(sel) as any).kgView;
  const d = v.sigma.getNodeDisplayData(n);
  return { highlighted: Boolean(d.highlighted), color: d.color as string, label: d.label as string };
}, [NETWORK, node] as const);
const edgeSize = (page: Page, s: string, t: string) => page.evaluate(([sel, a, b]) => {
  const v = (document.querySelector(sel) as any).kgView;
  return v.sigma.getEdgeDisplayData(v.graph.edge(a, b)).size as number;
}, [NETWORK, s, t] as const);

async function pick(page: Page, input: string, query: string, id: string): Promise<void> {
  if (!(await page.locator('details.kg-paths').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('details.kg-paths > summary').click();
  await page.locator(input).fill(query);
  await expect.poll(() => page.locator(`${input}-results [role=option]`).first().getAttribute('data-node')).toBe(id);
  await page.locator(input).press('Enter');
}

describe('paths between two entities', () => {
  it('picking two entities lists the shortest path as a sentence and highlights it in the graph', async () => {
    const { page, errors } = await openNetwork();
    await pick(page, '#kg-path-from', 'Wilbur Ross', ROSS);
    await expect.poll(() => page.locator('.kg-path-message').textContent()).toMatch(/second entity/);
    await pick(page, '#kg-path-to', 'Hikvision', HIKVISION);
    // Two paths of two steps (through the department, through the listing event), then longer ones.
    await expect.poll(() => page.locator('.kg-path-list .kg-path-sentence').allTextContents()).toContain(SENTENCE);
    const sentences = await page.locator('.kg-path-list .kg-path-sentence').allTextContents();
    expect(sentences).toHaveLength(3);
    expect(sentences.slice(0, 2)).toContain(SENTENCE);
    expect(await page.locator('.kg-path-message').textContent()).toBe('3 shortest paths (2–3 steps):');
    const viaCommerce = page.locator('.kg-path-list li', { hasText: SENTENCE });
    // Each entity of the sentence links to its page.
    expect(await viaCommerce.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([`/entity/${ROSS}/`, `/entity/${COMMERCE}/`, `/entity/${HIKVISION}/`]);
    // The path's nodes stand out, the rest fades; its edges are drawn thicker.
    for (const n of [ROSS, COMMERCE, HIKVISION]) expect((await nodeLook(page, n)).highlighted, n).toBe(true);
    const other = await nodeLook(page, 'huawei');
    expect(other.highlighted).toBe(false);
    expect(other.label).toBe('');
    expect(await edgeSize(page, ROSS, COMMERCE)).toBeGreaterThan(3);
    expect(await edgeSize(page, COMMERCE, HIKVISION)).toBeGreaterThan(3);
    expect(page.url()).toContain(`from=${ROSS}&to=${HIKVISION}`);
    await screenshot(page, 'graph-paths');
    const axe = await new AxeBuilder({ page }).include('[data-paths]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // "Highlight" brings out one path only: the listing event of the other path fades.
    const event = 'entity-list-additions-of-7-october-2019';
    expect((await nodeLook(page, event)).highlighted).toBe(true);
    await viaCommerce.locator('.kg-path-only').click();
    expect(await viaCommerce.locator('.kg-path-only').getAttribute('aria-pressed')).toBe('true');
    expect((await nodeLook(page, event)).highlighted).toBe(false);
    expect((await nodeLook(page, COMMERCE)).highlighted).toBe(true);
    await screenshot(page, 'graph-paths-one');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores the paths from the URL, filters by relation type and says when there is no path', async () => {
    const { page, errors } = await openNetwork(`#from=${HIKVISION}&to=${ROSS}`);
    // Walked the other way, each relation reads with its inverse label.
    await expect.poll(() => page.locator('.kg-path-list .kg-path-sentence').allTextContents())
      .toContain('Hangzhou Hikvision Digital Technology Co., Ltd. — sanctioned by → United States Department of Commerce — led by → Wilbur Ross');
    expect(await page.locator('#kg-path-from').inputValue()).toBe('Hangzhou Hikvision Digital Technology Co., Ltd.');
    // Only through "leads": no path; the message names both ends.
    await page.locator('.kg-path-via summary').click();
    for (const box of await page.locator('input[data-path-relation]').all()) if (await box.getAttribute('data-path-relation') !== 'leads') await box.uncheck();
    await expect.poll(() => page.locator('.kg-path-message').textContent()).toBe(
      'No path between Hangzhou Hikvision Digital Technology Co., Ltd. and Wilbur Ross within 6 steps through the chosen relation types.');
    expect(await page.locator('.kg-path-list').count()).toBe(0);
    expect(page.url()).toContain('via=leads');
    expect((await nodeLook(page, HIKVISION)).highlighted).toBe(false);
    // Clear empties both ends and the URL.
    await page.locator('[data-action=clear-path]').click();
    expect(await page.locator('#kg-path-from').inputValue()).toBe('');
    expect(page.url()).not.toContain('from=');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('evidence on every edge', () => {
  it('hovering a line on /graph/ shows its relation, quote and source; a click pins the card with a working link', async () => {
    const { page, errors } = await openNetwork();
    const requested: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/evidence/')) requested.push(new URL(r.url()).pathname); });
    // Zoom onto the relation so its line is long and clear of other nodes.
    const at = await edgePoint(page, NETWORK, ROSS, COMMERCE, { zoom: true });
    expect(requested).toEqual([]); // loaded on first use only
    await page.mouse.move(at.x, at.y);
    const card = page.locator('.kg-tooltip.kg-tooltip-edge:not([hidden])');
    await expect.poll(() => card.locator('.kg-ev-quote').textContent()).toBe('“said Secretary of Commerce Wilbur Ross”');
    expect(await card.locator('.kg-ev-head').textContent()).toBe('Wilbur Ross leads United States Department of Commerce');
    expect(await card.locator('.kg-ev-sources li').first().textContent()).toMatch(/^China signals it will hit back .* — The Straits Times, 8 October 2019$/);
    expect(requested).toEqual(['/evidence/0.json']); // one small file, on first use
    expect(await edgeSize(page, ROSS, COMMERCE)).toBeGreaterThan(3);
    await screenshot(page, 'graph-edge-card');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => card.evaluate((el) => el.classList.contains('is-pinned'))).toBe(true);
    expect(await card.locator('.kg-ev-sources a').first().getAttribute('href')).toMatch(/^https:\/\/www\.straitstimes\.com\//);
    await card.locator('.kg-tooltip-close').click();
    expect(await page.locator('.kg-tooltip').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the side panel lists every relation with its citation; a focused row marks its line', async () => {
    const { page, errors } = await openNetwork(`#node=${ROSS}`);
    const row = page.locator('.kg-panel-relations li', { has: page.locator(`button[data-node="${COMMERCE}"]`) }).first();
    await expect.poll(() => row.locator('.kg-ev-sources').textContent()).toMatch(/The Straits Times, 8 October 2019/);
    expect(await row.locator('.kg-ev-quote').textContent()).toBe('“said Secretary of Commerce Wilbur Ross”');
    const rows = page.locator('.kg-panel > ul.kg-panel-relations > li');
    expect(await rows.count()).toBeGreaterThan(1);
    expect(await rows.evaluateAll((lis) => lis.every((li) => li.querySelector('.kg-ev-sources, .kg-ev-nosource')))).toBe(true);
    await row.locator('button').focus();
    await expect.poll(() => edgeSize(page, ROSS, COMMERCE)).toBeGreaterThan(3);
    await screenshot(page, 'graph-panel-evidence');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the local graph on an entity page shows an edge card with quote and source (from its own view file)', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const requested: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/evidence/')) requested.push(new URL(r.url()).pathname); });
    await page.goto(`${base()}/entity/${ROSS}/`);
    const figure = page.locator('figure.kg-view-local');
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-live')).toBe('ready');
    await page.waitForTimeout(400);
    // Nearer Wilbur Ross than the department (the department's own lines meet near its end).
    const at = await edgePoint(page, 'figure.kg-view-local', ROSS, COMMERCE, { at: 0.3 });
    expect(requested).toEqual([]);
    await page.mouse.move(at.x, at.y);
    const card = figure.locator('.kg-tooltip.kg-tooltip-edge:not([hidden])');
    await expect.poll(() => card.locator('.kg-ev-quote').textContent()).toBe('“said Secretary of Commerce Wilbur Ross”');
    expect(await card.locator('.kg-ev-sources').textContent()).toMatch(/The Straits Times/);
    expect(requested).toEqual(['/evidence/0.json']);
    await screenshot(page, 'graph-entity-edge-card');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without JavaScript, each line of a static view has a title with its quote and source', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${base()}/entity/${ROSS}/`);
    const titles = await page.locator('figure.kg-view-local svg.kg-view-svg path.kg-edge > title').allTextContents();
    expect(titles).toContain('Wilbur Ross leads United States Department of Commerce. “said Secretary of Commerce Wilbur Ross” Source: China signals it will hit back over US tech blacklist, says will protect its sovereign security.');
    await ctx.close();
  });
});
