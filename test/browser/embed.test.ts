// Embeds on other sites: an embed page inside an iframe of another origin (a second local server), filling any frame
// size without scrollbars, opening entity pages in the top window, setting no cookies and loading nothing from
// elsewhere; the "Embed" snippet is valid HTML and copies; oEmbed discovery; everything under a strict CSP.
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, watchErrors } from './browser.ts';
import { drawnPixels, nodePoint } from './graph-helpers.ts';
import { serveDir } from './static-server.ts';

const OUT = process.env.KG_OUT_DIR ?? 'dist';
const VIEW = 'the-october-2019-entity-list-additions--1';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors *";
let browser: Browser;
let context: BrowserContext;
let host: Server;
let hostUrl: string;
const site = () => inject('baseUrl');

/** A page on another origin that frames `src` at the given size (what a news site pasting the snippet does). */
function hostPage(src: string, width: number, height: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>A news article</h1><iframe id="embed" src="${src}" title="Graph" width="${width}" height="${height}"></iframe></body></html>`;
}

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(hostPage(url.searchParams.get('src') ?? '', Number(url.searchParams.get('w') ?? 800), Number(url.searchParams.get('h') ?? 500)));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', () => resolve()));
  const addr = host.address();
  hostUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => host.close(() => resolve()));
});

async function framed(view: string, width: number, height: number): Promise<{ page: Page; frame: Frame; errors: string[]; requests: string[] }> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests: string[] = [];
  page.on('request', (r) => { if (r.frame() !== page.mainFrame()) requests.push(r.url()); });
  await page.goto(`${hostUrl}/?src=${encodeURIComponent(`${site()}/embed/${view}/`)}&w=${width}&h=${height}`);
  const frame = (await (await page.waitForSelector('#embed')).contentFrame())!;
  await frame.waitForSelector('figure[data-live="ready"]');
  return { page, frame, errors, requests };
}

describe('embed pages', () => {
  it('work inside an iframe on another origin and draw the view', async () => {
    const { page, frame, errors, requests } = await framed(VIEW, 800, 480);
    const { drawn } = await drawnPixels(context, page.locator('#embed'));
    expect(drawn).toBeGreaterThan(1000);
    expect(await frame.locator('.kg-legend li').count()).toBeGreaterThan(1);
    expect(await frame.locator('.kg-embed-credit a').first().getAttribute('href')).toMatch(/^https?:\/\/.+\/entity\/the-october-2019-entity-list-additions\/#view-/);
    // Nothing from other origins, no cookies.
    expect(requests.filter((u) => !u.startsWith(site()))).toEqual([]);
    expect(await frame.evaluate(() => document.cookie)).toBe('');
    expect(await context.cookies()).toEqual([]);
    await screenshot(page, 'embed-in-host-page');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fill any frame size without scrollbars', async () => {
    for (const [w, h] of [[320, 240], [800, 500], [1200, 320], [400, 700]]) {
      const { page, frame } = await framed('entity-hikvision', w, h);
      const fit = await frame.evaluate(() => ({
        sh: document.documentElement.scrollHeight, ih: innerHeight, sw: document.documentElement.scrollWidth, iw: innerWidth,
        canvas: document.querySelector('.kg-view-canvas')!.getBoundingClientRect().height,
      }));
      expect(fit.sh, `${w}x${h} height`).toBeLessThanOrEqual(fit.ih);
      expect(fit.sw, `${w}x${h} width`).toBeLessThanOrEqual(fit.iw);
      expect(fit.canvas, `${w}x${h} canvas`).toBeGreaterThan(h * 0.5);
      if (w === 400) await screenshot(page, 'embed-portrait');
      await page.close();
    }
  });

  it('open the entity page in the top window when a node is clicked', async () => {
    const { page, frame, errors } = await framed(VIEW, 800, 480);
    const frameBox = (await page.locator('#embed').boundingBox())!;
    const p = await nodePoint(frame as unknown as Page, 'figure.kg-view', 'hikvision');
    await Promise.all([
      page.waitForURL(`${site()}/entity/hikvision/`),
      page.mouse.click(frameBox.x + p.x, frameBox.y + p.y),
    ]);
    expect(page.url()).toBe(`${site()}/entity/hikvision/`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('have no serious accessibility violations', async () => {
    const page = await context.newPage();
    await page.goto(`${site()}/embed/entity-hikvision/`);
    await page.waitForSelector('figure[data-live="ready"]');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });

  it('exist for the network and for neighbourhoods, with oEmbed discovery', async () => {
    for (const view of ['network', 'entity-hikvision', VIEW]) {
      const page = await context.newPage();
      await page.goto(`${site()}/embed/${view}/`);
      const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(new RegExp(`/embed/${view}/oembed\\.json$`));
      const res = await page.request.get(`${site()}${new URL(href).pathname}`);
      expect(res.status()).toBe(200);
      const doc = await res.json();
      expect(doc).toMatchObject({ version: '1.0', type: 'rich' });
      expect(doc.html).toContain(`/embed/${view}/`);
      expect(doc.width).toBeGreaterThan(0);
      expect(doc.height).toBeGreaterThan(0);
      expect(doc.title).toBe(await link.getAttribute('title'));
      await page.close();
    }
    // The pages that show views point at them too: the network view, and an article (its views and neighbourhood).
    const page = await context.newPage();
    await page.goto(`${site()}/graph/`);
    expect(await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href')).toMatch(/\/embed\/network\/oembed\.json$/);
    await page.goto(`${site()}/entity/the-october-2019-entity-list-additions/`);
    const hrefs = await page.locator('link[rel="alternate"][type="application/json+oembed"]').evaluateAll((ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(hrefs).toEqual([1, 2, 3].map((n) => `/embed/the-october-2019-entity-list-additions--${n}/oembed.json`).concat('/embed/entity-the-october-2019-entity-list-additions/oembed.json'));
    await page.close();
  });
});

describe('the Embed button', () => {
  it('shows a valid, ready-to-paste iframe snippet and copies it', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site() });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site()}/entity/the-october-2019-entity-list-additions/`);
    const details = page.locator(`details.kg-embed[data-embed="${VIEW}"]`);
    await details.locator('summary').click();
    const snippet = await details.locator('textarea').inputValue();
    expect(snippet).toMatch(/<iframe src="https?:\/\/[^"]+\/embed\/the-october-2019-entity-list-additions--1\/" title="[^"]+" loading="lazy"/);
    expect(snippet).toMatch(/aspect-ratio:\d+\/\d+/);
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } }).validateString(snippet);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    await details.locator('.kg-embed-copy').click();
    await expect.poll(() => details.locator('.kg-embed-copy').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await screenshot(page, 'embed-button-open');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe('graph views under a strict Content-Security-Policy', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => { ({ server, url: origin } = await serveDir(OUT, 0, { 'Content-Security-Policy': CSP })); });
  afterAll(async () => { await new Promise<void>((resolve) => server.close(() => resolve())); });

  it('network view, article views, local graph and embeds run without a single violation', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    for (const [path, ready] of [
      ['/graph/', '[data-network][data-ready]'],
      ['/entity/the-october-2019-entity-list-additions/', '.entity-body figure.kg-view[data-live="ready"]'],
      ['/entity/hikvision/', 'figure.kg-view-local[data-live="ready"]'],
      [`/embed/${VIEW}/`, 'figure[data-live="ready"]'],
      ['/embed/network/', 'figure[data-live="ready"]'],
    ] as const) {
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto(origin + path);
      await page.locator('figure.kg-view, [data-network]').first().scrollIntoViewIfNeeded();
      await page.waitForSelector(ready);
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), path).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.close();
    }
    await ctx.close();
  });
});
