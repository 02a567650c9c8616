// The published site's pages in a real browser: home, entity pages (relations, inverse labels, backlinks, evidence),
// sortable index tables, Pagefind search (also under a strict CSP), the 404 page, accessibility (axe-core), screenshots.
import AxeBuilder from '@axe-core/playwright';
import { DOMParser } from '@xmldom/xmldom';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, watchErrors } from './browser.ts';
import { searchIndexDifferences } from './search-index.ts';
import { serveDir } from './static-server.ts';

const OUT = process.env.KG_OUT_DIR ?? 'dist';
const HIKVISION = 'hikvision';
const COMMERCE = 'us-department-of-commerce';
const GENG = 'geng-shuang';
const ARTICLE = 'the-october-2019-entity-list-additions';
// The policy the site promises to work under: no inline scripts or styles, no other origins.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'self'";

let browser: Browser;
let context: BrowserContext;
const base = () => inject('baseUrl');

/** Opens a page, runs `fn`, and fails the test on any console error or uncaught exception. */
async function visit(path: string, fn: (page: Page) => Promise<void>, ctx: BrowserContext = context, origin = base()): Promise<void> {
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  try {
    const res = await page.goto(origin + path, { waitUntil: 'networkidle' });
    expect(res?.status(), `${path} status`).toBe(200);
    await fn(page);
    expect(errors, `console errors on ${path}`).toEqual([]);
  } finally {
    await page.close();
  }
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Types the query in the header search box and returns the result URLs (paths) once results are listed. */
async function searchFor(page: Page, query: string): Promise<string[]> {
  const input = page.locator('.site-header .site-search__input');
  await input.fill(query);
  const status = page.locator('.site-header .site-search__status');
  // The status names the query it answers ("3 results for “q”."): an earlier query's results do not count.
  await expect.poll(async () => { const t = (await status.textContent()) ?? ''; return t.includes(`for “${query}”`) || t.includes('not available'); }, { timeout: 15_000 }).toBe(true);
  return page.locator('.site-header .search-result__title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
});

afterAll(async () => {
  await browser?.close();
});

describe('home', () => {
  it('says what the site covers and counts entries by type, matching graph.json', async () => {
    const graph = JSON.parse(readFileSync(`${OUT}/graph.json`, 'utf8')) as { types: { id: string }[]; nodes: { type: number[] } };
    const expected: Record<string, number> = {};
    for (const t of graph.nodes.type) expected[graph.types[t].id] = (expected[graph.types[t].id] ?? 0) + 1;
    await visit('/', async (page) => {
      await expect.poll(() => page.locator('h1').textContent()).toBe('The 2019 Entity List');
      const counts = await page.locator('[data-count]').evaluateAll((els) =>
        Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.count, Number(e.textContent)])));
      expect(counts).toEqual(expected);
      expect(counts.organization).toBeGreaterThan(5);
      // Latest articles, newest first, each linking to its page.
      const articles = await page.locator('.article-card__title a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(articles).toContain(`/entity/${ARTICLE}/`);
      await expect.poll(() => page.locator('.site-search--hero input[type="search"]').count()).toBe(1);
      // The site card: shared by pages without a card of their own.
      expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/og\.png$/);
      const card = readFileSync(`${OUT}/og.png`);
      expect([card.readUInt32BE(16), card.readUInt32BE(20)]).toEqual([1200, 630]);
      await expect.poll(() => page.locator('.kg-island, [data-island]').count()).toBeGreaterThan(0);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, 'site-home-desktop-light');
    });
  });
});

describe('entity page', () => {
  it('lists Hikvision’s relations grouped by type, with labels, dates, quotes and sources', async () => {
    await visit(`/entity/${HIKVISION}/`, async (page) => {
      expect(await page.locator('h1').textContent()).toContain('Hikvision');
      expect(await page.locator('.entity-header .type-badge').textContent()).toBe('Organization');
      // Aliases in every script, the Chinese ones marked as such.
      expect(await page.locator('.alias[lang="zh"]').allTextContents()).toContain('海康威视');

      const group = page.locator('.relation-group[data-relation="sanctions"][data-direction="in"]');
      expect(await group.locator('h3').textContent()).toMatch(/^\s*Sanctioned by\s*\d/);
      const targets = await group.locator('.relation .entity-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(targets).toContain(`/entity/${COMMERCE}/`);
      const listed = page.locator('.relation-group[data-relation="listed_on"][data-direction="out"]');
      expect(await listed.locator('h3').textContent()).toMatch(/Listed on/);
      // Evidence: the quote looks like a quote, the sources carry publisher and date and link to the source page.
      const first = group.locator('.relation').first();
      expect(await first.locator('blockquote.quote').count()).toBe(1);
      expect(await first.locator('time').first().getAttribute('datetime')).toBe('2019-10-07');
      const citation = first.locator('.citation').first();
      expect(await citation.textContent()).toMatch(/South China Morning Post|Straits Times/);
      expect(await citation.getAttribute('href')).toMatch(/^\/entity\/[^/]+\/$/);
      expect(await first.locator('.citation__date').first().textContent()).toMatch(/October 2019/);
    });
  });

  it('shows backlinks, mentions, sources, JSON-LD and a 1200x630 preview image', async () => {
    await visit(`/entity/${HIKVISION}/`, async (page) => {
      const mentionedIn = await page.locator('[aria-labelledby="mentioned-in-heading"] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(mentionedIn).toContain(`/entity/${ARTICLE}/`);
      const sources = await page.locator('.source-list .source__publisher').allTextContents();
      expect(sources.length).toBeGreaterThan(0);
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
      expect(ld['@type']).toBe('Organization');
      expect(ld.name).toContain('Hikvision');
      expect(ld.alternateName).toContain('海康威视');
      const og = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(og).toMatch(/\/entity\/hikvision\/og\.png$/);
      const png = readFileSync(`${OUT}/entity/${HIKVISION}/og.png`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      // The local graph sits with a pointer to its text version.
      expect(await page.locator('.local-graph-wrap__note a').getAttribute('href')).toBe(`#relations-${HIKVISION}`);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, 'site-entity-hikvision-desktop-light');
    });
  });

  it('shows a relation from the other end with its inverse label', async () => {
    await visit(`/entity/${COMMERCE}/`, async (page) => {
      const group = page.locator('.relation-group[data-relation="sanctions"][data-direction="out"]');
      expect(await group.locator('h3').textContent()).toMatch(/^\s*Sanctions\s*\d/);
      const targets = await group.locator('.relation .entity-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(targets).toContain(`/entity/${HIKVISION}/`);
    });
    await visit('/entity/entity-list/', async (page) => {
      const group = page.locator('.relation-group[data-relation="listed_on"][data-direction="in"]');
      expect(await group.locator('h3').textContent()).toMatch(/^\s*Lists\s*\d/);
      expect(await group.locator(`a[href="/entity/${HIKVISION}/"]`).count()).toBe(1);
    });
  });

  it('renders a person, an article and a source page', async () => {
    await visit(`/entity/${GENG}/`, async (page) => {
      expect(await page.locator('.alias[lang="zh"]').allTextContents()).toContain('耿爽');
      expect(await page.locator('.relation-group[data-relation="spokesperson_for"] h3').textContent()).toMatch(/Spokesperson for/);
      await screenshot(page, 'site-entity-geng-shuang-desktop-light');
    });
    await visit(`/entity/${ARTICLE}/`, async (page) => {
      expect(await page.locator('article.entity--article .entity-body h2').count()).toBeGreaterThan(0);
      expect(await page.locator('[aria-labelledby="mentions-heading"] h2').textContent()).toMatch(/In this article/);
      await screenshot(page, 'site-article-desktop-light');
    });
    await visit('/entity/straits-times-2019-10-08/', async (page) => {
      expect(await page.locator('.facts [data-field="publisher"] dd').textContent()).toBe('The Straits Times');
      expect(await page.locator('.evidence-list .relation').count()).toBeGreaterThan(0);
      expect(await page.locator('[aria-labelledby="cited-by-heading"] a').count()).toBeGreaterThan(0);
    });
  });
});

describe('index pages', () => {
  it('sorts the type table by connections with the header buttons, keyboard included', async () => {
    await visit('/types/organization/', async (page) => {
      const numbers = () => page.locator('tbody tr td.col-num').evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
      const names = () => page.locator('tbody tr td:first-child a').allTextContents();
      const before = await names();
      expect(before.length).toBeGreaterThan(5);
      // Complete without JS: one row per organization, in name order.
      expect([...before].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))).toEqual(before);

      const header = page.locator('th', { hasText: 'Connections' });
      await header.locator('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      const desc = await numbers();
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      expect(desc[0]).toBeGreaterThan(desc[desc.length - 1]);
      expect(await page.locator('th', { hasText: 'Name' }).getAttribute('aria-sort')).toBeNull();

      await header.locator('button').focus();
      await page.keyboard.press('Enter');
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      const asc = await numbers();
      expect(asc).toEqual([...asc].sort((a, b) => a - b));

      // Back to names: first click ascending (the server order), second click descending.
      const nameButton = page.locator('th', { hasText: 'Name' }).locator('button');
      await nameButton.click();
      expect(await names()).toEqual(before);
      await nameButton.click();
      expect(await names()).toEqual(before.slice().reverse());
      expect(await axe(page)).toEqual([]);
      await screenshot(page, 'site-types-organization-desktop-light');
    });
  });

  it('lists every type and every tag with links that work', async () => {
    await visit('/types/', async (page) => {
      const links = await page.locator('a.type-name').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(links).toContain('/types/organization/');
      expect(links).toContain('/types/article/');
    });
    await visit('/tags/', async (page) => {
      expect(await page.locator('a.tag[href="/tags/entity-list-2019/"]').count()).toBe(1);
    });
    await visit('/tags/entity-list-2019/', async (page) => {
      expect(await page.locator(`tbody a[href="/entity/${HIKVISION}/"]`).count()).toBe(1);
      expect(await page.locator('thead th', { hasText: 'Type' }).count()).toBe(1);
    });
  });
});

describe('changes page', () => {
  // What git says the page should list: the last commits that changed the notes (the demo has no tags).
  const commits = (() => {
    try {
      if (execFileSync('git', ['rev-parse', '--is-shallow-repository'], { encoding: 'utf8' }).trim() === 'true') return undefined;
      if (execFileSync('git', ['tag', '--merged=HEAD'], { encoding: 'utf8' }).trim()) return undefined;
      return execFileSync('git', ['log', '--first-parent', '--max-count=10', '--format=%H %ct', 'HEAD', '--', 'content'], { encoding: 'utf8' })
        .trim().split('\n').filter(Boolean).map((l) => { const [sha, t] = l.split(' '); return { anchor: `commit-${sha.slice(0, 7)}`, date: new Date(Number(t) * 1000).toISOString().replace('.000Z', 'Z') }; });
    } catch {
      return undefined;
    }
  })();

  it('lists the versions of the notes from git, linking what changed to its page, with a feed', async () => {
    await visit('/changes/', async (page) => {
      expect(await page.locator('h1').textContent()).toBe('Changes');
      expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe('/changes.xml');
      expect(await page.locator('.site-footer a[href="/changes/"]').count()).toBe(1);
      if (!commits) {
        // A shallow clone or a tagged history: at least the page says what it shows.
        expect(await page.locator('.changes-empty, .version').count()).toBeGreaterThan(0);
      } else {
        const sections = await page.locator('section.version').evaluateAll((els) => els.map((el) => ({ anchor: el.id, date: el.querySelector('time')!.getAttribute('datetime') })));
        // Committed notes: the working copy matches HEAD here, so no "not committed yet" section comes first.
        expect(sections.filter((s) => s.anchor !== 'unreleased')).toEqual(commits);
        // The commit that wrote the story added Hikvision and its listing; the root commit is counted, not listed.
        const seed = page.locator('#commit-038cc30');
        if (await seed.count()) {
          expect(await seed.locator('[id$="-entities-added"] + ul a[href="/entity/hikvision/"]').count()).toBe(1);
          expect(await seed.locator('[id$="-relations-added"] + ul li', { hasText: 'listed on' }).count()).toBeGreaterThan(5);
        }
        const links = await page.locator('.change a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
        expect(links.length).toBeGreaterThan(0);
        for (const l of links) expect(l).toMatch(/^\/entity\/[^/]+\/$/);
      }
      expect(await axe(page)).toEqual([]);
      await screenshot(page, 'site-changes-desktop-light');
    });
    const xml = readFileSync(`${OUT}/changes.xml`, 'utf8');
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xml, 'application/xml');
    expect(errors).toEqual([]);
    expect(doc.documentElement!.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    if (commits) expect(doc.getElementsByTagName('entry').length).toBe(commits.length);
  });
});

describe('network view page in the site frame', () => {
  it('has no serious accessibility violations and the site header', async () => {
    await visit('/graph/', async (page) => {
      expect(await page.locator('.site-header .site-search__input').count()).toBe(1);
      expect(await page.locator('.skip-link').getAttribute('href')).toBe('#main');
      expect(await axe(page)).toEqual([]);
    });
  });
});

describe('sitemap', () => {
  it('lists entity and index pages, without dates, embeds or the search page', () => {
    const xml = readFileSync(`${OUT}/sitemap-0.xml`, 'utf8');
    expect(xml).toContain(`/entity/${HIKVISION}/</loc>`);
    expect(xml).toContain('/types/organization/</loc>');
    expect(xml).not.toContain('<lastmod>');
    expect(xml).not.toContain('/embed/');
    expect(xml).not.toContain('/search/');
  });
});

describe('search', () => {
  it('finds Hikvision by name and by its Chinese name', async () => {
    await visit('/', async (page) => {
      expect(await searchFor(page, 'Hikvision')).toContain(`/entity/${HIKVISION}/`);
      expect(await searchFor(page, '海康威视')).toContain(`/entity/${HIKVISION}/`);
      await screenshot(page, 'site-search-open');
    });
  });

  it('serves the full results page for the header form', async () => {
    await visit('/search/?q=Geng', async (page) => {
      await expect.poll(() => page.locator('.search-page__list .search-result__title').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const urls = await page.locator('.search-page__list .search-result__title').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(urls).toContain(`/entity/${GENG}/`);
    });
  });

  it('ships the index Pagefind makes from the built pages themselves, file for file', async () => {
    // The build indexes documents made from the engine's result before the pages exist; they must say what the pages say.
    const { pages, files, differences } = await searchIndexDifferences(OUT);
    expect(pages).toBeGreaterThan(40);
    expect(files).toBeGreaterThan(pages);
    expect(differences).toEqual([]);
  }, 60_000);
});

describe('under a strict Content-Security-Policy', () => {
  let server: Server;
  let origin: string;
  let cspContext: BrowserContext;
  beforeAll(async () => {
    ({ server, url: origin } = await serveDir(OUT, 0, { 'Content-Security-Policy': CSP }));
    cspContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await cspContext?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('pages run without violations and search still works', async () => {
    for (const path of ['/', `/entity/${HIKVISION}/`, '/types/organization/', '/tags/', '/changes/', '/404.html']) {
      await visit(path, async (page) => {
        // Inline styles attributes would be blocked (and reported) under style-src 'self'.
        expect(await page.locator('[style]').count(), `style attributes on ${path}`).toBe(0);
        expect(await page.locator('script:not([src]):not([type="application/ld+json"])').count(), `inline scripts on ${path}`).toBe(0);
      }, cspContext, origin);
    }
    await visit('/', async (page) => {
      expect(await searchFor(page, 'Hikvision')).toContain(`/entity/${HIKVISION}/`);
    }, cspContext, origin);
  });
});

describe('404 and small screens', () => {
  it('serves the 404 page for an unknown URL', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const res = await page.goto(`${base()}/entity/no-such-entity/`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    // The 404 status is logged by Chromium as a failed resource load; nothing else may be.
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    await screenshot(page, 'site-404-desktop-light');
    await page.close();
  });

  it('sends the old address of a renamed note (an old id kept as an alias) to its page', async () => {
    // content/organizations/Xiamen Meiya Pico.md lists `meiya-pico` among its aliases.
    await visit('/entity/meiya-pico/', async (page) => {
      await page.waitForURL(/\/entity\/xiamen-meiya-pico\/$/);
      expect(await page.locator('h1').textContent()).toBe('Xiamen Meiya Pico Information Co., Ltd.');
      // An old id is an address, not a name: the page does not list it.
      expect(await page.locator('.entity-header .alias').allTextContents()).toEqual(['Meiya Pico', 'Xiamen Meiya Pico Information', '美亚柏科']);
    });
  });

  it('fits a 320 px phone without sideways scrolling, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const phone = await browser.newContext({ viewport: { width: 320, height: 700 }, colorScheme, deviceScaleFactor: 1 });
      for (const path of ['/', `/entity/${HIKVISION}/`, '/types/organization/', `/entity/${ARTICLE}/`, '/changes/']) {
        await visit(path, async (page) => {
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(width, `scroll width of ${path}`).toBeLessThanOrEqual(320);
        }, phone);
      }
      await phone.close();
    }
  });

  it('takes screenshots at 1280 and 375 px, light and dark', async () => {
    const pages: Record<string, string> = {
      home: '/', hikvision: `/entity/${HIKVISION}/`, 'geng-shuang': `/entity/${GENG}/`, article: `/entity/${ARTICLE}/`,
      'types-organization': '/types/organization/', '404': '/404.html',
    };
    for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 800 }]] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const ctx = await browser.newContext({ viewport, colorScheme });
        for (const [name, path] of Object.entries(pages)) {
          await visit(path, (page) => screenshot(page, `site-${name}-${device}-${colorScheme}`), ctx);
        }
        await ctx.close();
      }
    }
  });
});
