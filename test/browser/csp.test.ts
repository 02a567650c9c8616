// The site under the policy we ship (public/_headers, served by test/hostile/headers.ts exactly as a host would):
// every page gets the strict policy and the right frame-ancestors, no built page needs inline script or style or a
// third-party origin, pages of every kind run without a violation, search (WebAssembly) works, embeds can be framed
// by other sites and the rest cannot.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, relative, sep } from 'node:path';
import { parse } from 'parse5';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, serveWithHeaders, shippedHeaders } from '../hostile/headers.ts';
import { auditPage, auditPages } from '../hostile/page-audit.ts';
import { launch } from './browser.ts';
import { filesUnder } from './files-under.ts';

const OUT = process.env.KG_OUT_DIR ?? 'dist';
const RULES = shippedHeaders();
const BASE_POLICY = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];

const urlPath = (file: string) => `/${relative(OUT, file).split(sep).join('/')}`.replace(/index\.html$/, '');
const HTML = filesUnder(OUT).filter((f) => f.endsWith('.html'));

/** The policies a response carries: hosts join repeated headers with ", ", and each part is its own policy. */
const policies = (path: string) => (headersFor(RULES, path)['Content-Security-Policy'] ?? '').split(/,\s*/).filter(Boolean);

describe('the shipped _headers', () => {
  it('is copied into the built site unchanged', () => {
    expect(readFileSync(join(OUT, '_headers'), 'utf8')).toBe(readFileSync('public/_headers', 'utf8'));
  });

  it('gives every file the strict policy, and every page its frame-ancestors', () => {
    expect(HTML.length).toBeGreaterThan(20);
    for (const file of filesUnder(OUT)) {
      const path = urlPath(file);
      const all = policies(path);
      expect(all[0]?.split(/;\s*/), path).toEqual(expect.arrayContaining(BASE_POLICY));
      expect(all.join(';'), path).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*\./);
      if (!file.endsWith('.html')) continue;
      const framing = all.flatMap((p) => p.split(/;\s*/)).filter((d) => d.startsWith('frame-ancestors'));
      expect(framing, path).toEqual([path.startsWith('/embed/') ? 'frame-ancestors *' : "frame-ancestors 'self'"]);
    }
  });
});

describe('built pages need nothing the policy forbids', () => {
  it('no inline script, style element, style attribute or third-party resource in any HTML file', () => {
    const found: string[] = [];
    for (const file of HTML) {
      const stack = [parse(readFileSync(file, 'utf8')) as unknown as { nodeName: string; attrs?: Array<{ name: string; value: string }>; childNodes?: unknown[] }];
      while (stack.length) {
        const node = stack.pop()!;
        const attr = (n: string) => node.attrs?.find((a) => a.name === n)?.value;
        const where = `${urlPath(file)} <${node.nodeName}>`;
        if (node.nodeName === 'script' && attr('src') === undefined && attr('type') !== 'application/ld+json') found.push(`${where} inline script`);
        if (node.nodeName === 'style') found.push(`${where} style element`);
        if (attr('style') !== undefined) found.push(`${where} style attribute`);
        // Resources the page loads (not links a reader may follow) come from the site itself.
        const resource = node.nodeName === 'script' || node.nodeName === 'img' || node.nodeName === 'iframe' || (node.nodeName === 'link' && /stylesheet|icon|preload|modulepreload/.test(attr('rel') ?? ''))
          ? attr('src') ?? attr('href') : undefined;
        if (resource && /^(https?:)?\/\//.test(resource)) found.push(`${where} loads ${resource}`);
        for (const c of node.childNodes ?? []) stack.push(c as typeof node);
        const content = (node as { content?: unknown }).content;
        if (content) stack.push(content as typeof node);
      }
    }
    expect(found).toEqual([]);
  });

  it('every HTML file names the site icon, so no browser asks for a /favicon.ico the site does not have', () => {
    const missing = HTML.filter((file) => !/<link rel="icon" href="[^"]*favicon\.svg"/.test(readFileSync(file, 'utf8'))).map(urlPath);
    expect(missing).toEqual([]);
  });
});

describe('in the browser, under the shipped headers', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: Server;
  let origin: string;
  let other: Server;
  let otherOrigin: string;

  beforeAll(async () => {
    ({ server, url: origin } = await serveWithHeaders(OUT, RULES));
    // Another origin: a news site framing the views.
    other = createServer((req, res) => {
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><iframe id="f" src="${src}" title="view" width="800" height="500"></iframe></body></html>`);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', () => resolve()));
    const addr = other.address();
    otherOrigin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  it('pages of every kind run without a violation, error or dialog', async () => {
    const pick = (prefix: string, n: number) => HTML.map(urlPath).filter((p) => p.startsWith(prefix) && p !== prefix).sort().slice(0, n);
    const pages = ['/', '/graph/', '/types/', '/tags/', '/search/', '/404.html', ...pick('/types/', 2), ...pick('/tags/', 2), ...pick('/entity/', 4), ...pick('/embed/', 3)];
    expect(pages.length).toBeGreaterThan(12);
    expect(await auditPages(context, origin, pages)).toEqual([]);
  }, 120_000);

  it('search works (Pagefind compiles WebAssembly under wasm-unsafe-eval)', async () => {
    let results = 0;
    const audit = await auditPage(context, `${origin}/search/?q=Hikvision`, async (page) => {
      await expect.poll(() => page.locator('.search-page__list .search-result__title').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      results = await page.locator('.search-page__list .search-result__title').count();
    });
    expect(results).toBeGreaterThan(0);
    expect(audit).toEqual({ dialogs: [], violations: [], errors: [], injected: [] });
  });

  it('another site can frame an embed page, but not an entity page', async () => {
    const embed = HTML.map(urlPath).find((p) => p.startsWith('/embed/'))!;
    const entity = HTML.map(urlPath).find((p) => p.startsWith('/entity/'))!;
    const framed = async (path: string) => {
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (m) => { if (/frame-ancestors|Refused to frame/i.test(m.text())) refused.push(m.text()); });
      await page.goto(`${otherOrigin}/?src=${encodeURIComponent(origin + path)}`, { waitUntil: 'load' });
      const frame = await (await page.waitForSelector('#f')).contentFrame();
      await page.waitForTimeout(300);
      // A refused frame shows the browser's error page instead of ours.
      const main = await frame?.evaluate(() => document.querySelectorAll('main, figure').length).catch(() => 0) ?? 0;
      const url = frame?.url() ?? '';
      await page.close();
      return { main, url, refused };
    };
    const ok = await framed(embed);
    expect(ok.refused).toEqual([]);
    expect(ok.url).toBe(origin + embed);
    expect(ok.main).toBeGreaterThan(0);
    const blocked = await framed(entity);
    expect(blocked.refused.length).toBeGreaterThan(0);
    expect(blocked.url).not.toBe(origin + entity);
    expect(blocked.main).toBe(0);
  });
});
