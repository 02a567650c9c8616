// A site built from hostile but valid notes (test/hostile/site: titles, aliases, summaries, quotes, bodies, tags and
// file names full of script, markup, script URLs, CSV formulas and XML breakers), served with the shipped _headers:
// no dialog opens, no CSP violation, nothing injected survives in any page, hostile text reads as text, exports parse.
import { DOMParser } from '@xmldom/xmldom';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, relative, sep } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/check-links.ts';
import { serveWithHeaders, shippedHeaders } from '../hostile/headers.ts';
import { unsafeParts } from '../hostile/html-safety.ts';
import { auditPage, auditPages } from '../hostile/page-audit.ts';
import { launch, screenshot } from './browser.ts';
import { searchIndexDifferences } from './search-index.ts';
import { filesUnder } from './files-under.ts';

const OUT = process.env.KG_HOSTILE_OUT ?? 'test-results/hostile-dist';
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
let browser: Browser;
let context: BrowserContext;
let server: Server;
let origin: string;
let buildLog = '';

const pagePath = (file: string) => `/${relative(OUT, file).split(sep).join('/')}`.replace(/index\.html$/, '');
const htmlPages = () => filesUnder(OUT).filter((f) => f.endsWith('.html')).map(pagePath).sort();

beforeAll(async () => {
  if (!(process.env.KG_SKIP_BUILD && existsSync(`${OUT}/index.html`))) {
    // The hostile notes link names that are markup on purpose (`[["><img …>]]`): built as a vault with dangling
    // links is, so those show as escaped plain text.
    buildLog = execFileSync('npx', ['astro', 'build'], {
      env: { ...process.env, KG_CONTENT_DIR: 'test/hostile/site', KG_OUT_DIR: OUT, KG_ON_BROKEN_LINKS: 'warn' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  ({ server, url: origin } = await serveWithHeaders(OUT, shippedHeaders()));
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('hostile site: build', () => {
  it('builds every note, with no stack trace in its output', () => {
    expect(buildLog).not.toMatch(STACK_TRACE);
    for (const id of ['evil-corp', 'victim', 'hostile-source', 'q-a-1-100', 'img-src-x-onerror-alert-file-name', 'ministry-of-b-markup', 'hostile-article', 'event-of-8-october']) {
      expect(existsSync(`${OUT}/entity/${id}/index.html`), id).toBe(true);
    }
  });

  it('resolves every internal link, even to pages named with &, #, %, ? and markup', () => {
    expect(checkLinks(OUT).broken).toEqual([]);
  });

  it('indexes hostile notes for search exactly as their built pages read', async () => {
    const { pages, differences } = await searchIndexDifferences(OUT);
    expect(pages).toBeGreaterThan(5);
    expect(differences).toEqual([]);
  }, 60_000);

  it('ships no unsafe markup and no inline style attribute in any HTML file', () => {
    const found = htmlPages().flatMap((p) => unsafeParts(readFileSync(join(OUT, p.endsWith('/') ? `${p}index.html` : p), 'utf8'), { page: true }).map((u) => `${p}: ${u}`));
    expect(found).toEqual([]);
  });
});

describe('hostile site: in the browser, under the shipped CSP', () => {
  it('no page opens a dialog, violates the policy, errors, or keeps an injected element or attribute', async () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(30);
    expect(await auditPages(context, origin, pages)).toEqual([]);
  }, 180_000);

  it('shows hostile titles, summaries and quotes as text', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/entity/evil-corp/`);
    const title = "</script><script>alert('title')</script><!-- Evil Corp";
    expect(await page.locator('h1').first().textContent()).toContain(title);
    expect(await page.title()).toContain(title);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain("<img src=x onerror=alert('summary')>");
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld.name).toBe(title);
    expect(ld.alternateName).toContain('</script>\u2028<!--');
    await screenshot(page, 'hostile-evil-corp');
    await page.goto(`${origin}/entity/victim/`);
    expect(await page.locator('.entity-body').textContent()).toContain('Directives stay text');
    expect(await page.locator('.entity-body table td').textContent()).toBe('cell');
    await screenshot(page, 'hostile-victim');
    await page.close();
  });

  it('the network view takes hostile URL state and hostile titles in its panel as text', async () => {
    const hostile = encodeURIComponent("<img src=x onerror=alert('hash')>");
    for (const path of [
      '/graph/#node=evil-corp',
      `/graph/#node=${hostile}&types=${hostile},%3Cscript%3E&rels=${hostile}&cam=NaN,1e999,-1`,
      `/graph/#${hostile}`,
      `/embed/network/#node=${hostile}`,
    ]) {
      const audit = await auditPage(context, `${origin}${path}`);
      expect(audit, path).toEqual({ dialogs: [], violations: [], errors: [], injected: [] });
    }
    const page = await context.newPage();
    await page.goto(`${origin}/graph/#node=evil-corp`, { waitUntil: 'networkidle' });
    expect(await page.locator('main').textContent()).toContain("</script><script>alert('title')</script>");
    await screenshot(page, 'hostile-network-panel');
    await page.close();
  });

  it('search for markup shows results as text, and opens no dialog', async () => {
    const audit = await auditPage(context, `${origin}/search/?q=${encodeURIComponent("<img src=x onerror=alert('q')> Evil")}`, async (page) => {
      await expect.poll(() => page.locator('.search-page__list .search-result__title').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    });
    expect(audit).toEqual({ dialogs: [], violations: [], errors: [], injected: [] });
  });
});

describe('hostile site: exports', () => {
  const fetchText = async (path: string) => (await fetch(`${origin}${path}`)).text();

  it('graph.gexf is well-formed XML with every title intact', async () => {
    const xml = await fetchText('/graph.gexf');
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xml, 'application/xml');
    expect(errors).toEqual([]);
    expect(doc.documentElement?.nodeName).toBe('gexf');
    const graph = parseGexf(MultiDirectedGraph, xml);
    expect(graph.getNodeAttribute('evil-corp', 'label')).toBe("</script><script>alert('title')</script><!-- Evil Corp");
    expect(graph.getNodeAttribute('hostile-source', 'summary')).toBe('XML breakers: ]]> </node> </gexf> & < > " \' and controls      end');
  });

  it('CSV cells cannot run as spreadsheet formulas', async () => {
    for (const path of ['/nodes.csv', '/edges.csv']) {
      const rows = parseCsv(await fetchText(path));
      expect(rows.length).toBeGreaterThan(5);
      for (const cell of rows.flat()) {
        if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
        expect(cell, `${path} cell`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    const nodes = await fetchText('/nodes.csv');
    expect(nodes).toContain("'=cmd|' /C calc'!A0");
    expect(nodes).toContain("'+cmd|' /C calc'!A0");
  });

  it('every XML file (sitemaps, GEXF) is well-formed', () => {
    const xml = filesUnder(OUT).filter((f) => /\.(xml|gexf)$/.test(f));
    expect(xml.length).toBeGreaterThanOrEqual(3);
    for (const f of xml) {
      const errors: string[] = [];
      new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(readFileSync(f, 'utf8'), 'application/xml');
      expect(errors, f).toEqual([]);
    }
  });

  it('every JSON file parses', async () => {
    const json = filesUnder(OUT).filter((f) => f.endsWith('.json')).map(pagePath);
    expect(json).toEqual(expect.arrayContaining(['/graph.json', '/graph-details.json']));
    for (const path of json) expect(() => JSON.parse(readFileSync(join(OUT, path), 'utf8')), path).not.toThrow();
  });
});

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
