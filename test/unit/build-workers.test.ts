// What the build's worker threads make from a site snapshot equals what the main thread makes from the site; embed
// pages are filled into the network's page exactly; Pagefind gets the indexed part of a page only.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/cli/load-config.ts';
import { buildSite, type Site } from '../../src/kg/build.ts';
import { embedPageParts, fillEmbedPage } from '../../src/kg/exports/embed-page.ts';
import { viewFile, viewFileGroups, viewFilePaths } from '../../src/kg/exports/view-files.ts';
import { siteFromSnapshot, siteSnapshot } from '../../src/kg/site-snapshot.ts';
import { NETWORK_ID } from '../../src/kg/view-catalog.ts';
import { ogCard, ogSvg } from '../../src/integration/og-image.ts';
import { indexedPart } from '../../src/integration/pagefind-middleware.ts';

let site: Site;
beforeAll(async () => {
  site = await buildSite(process.cwd(), await loadConfig(process.cwd()));
});

describe('site snapshot', () => {
  it('survives a structured clone and gives the same view files, embed parts and cards', () => {
    const copy = siteFromSnapshot(structuredClone(siteSnapshot(site)));
    const paths = viewFilePaths(site);
    expect(viewFilePaths(copy)).toEqual(paths);
    for (const path of paths) expect(viewFile(copy, '/', path), path).toBe(viewFile(site, '/', path));
    for (const id of ['network', 'entity-hikvision', 'entity-us-department-of-commerce']) expect(embedPageParts(copy, '/', id)).toEqual(embedPageParts(site, '/', id));
    expect(ogSvg(ogCard(copy, 'hikvision'))).toBe(ogSvg(ogCard(site, 'hikvision')));
  });

  it('leaves out the notes’ text and trees', () => {
    const snapshot = siteSnapshot(site);
    expect(snapshot.notes.every((n) => n.text === '' && n.tree.children.length === 0)).toBe(true);
  });
});

describe('view file groups', () => {
  it('give each view its files together, embed pages for all views but the network', () => {
    const groups = viewFileGroups(site, { embedPages: true });
    expect(groups.flat().filter((p) => !p.endsWith('index.html'))).toEqual(viewFilePaths(site));
    expect(groups).toContainEqual(['views/entity-hikvision.json', 'embed/entity-hikvision/index.html', 'embed/entity-hikvision/oembed.json']);
    expect(groups.flat()).not.toContain('embed/network/index.html');
  });
});

describe('embed pages from the network’s page', () => {
  it('swap the view’s head and body into the frame, keeping the rest', () => {
    const from = embedPageParts(site, '/', NETWORK_ID)!;
    const to = embedPageParts(site, '/', 'entity-hikvision')!;
    const frame = `<html><head><meta charset="utf-8">${from.head}<link rel="stylesheet" href="/_astro/a.css"></head><body>${from.body}<script src="/_astro/b.js"></script></body></html>`;
    expect(fillEmbedPage(frame, from, to)).toBe(`<html><head><meta charset="utf-8">${to.head}<link rel="stylesheet" href="/_astro/a.css"></head><body>${to.body}<script src="/_astro/b.js"></script></body></html>`);
    expect(to.head).toContain('<title>Connections of Hangzhou Hikvision');
    expect(to.body).toContain('data-view="entity-hikvision"');
  });

  it('refuse a frame that does not hold its parts exactly once', () => {
    const from = embedPageParts(site, '/', NETWORK_ID)!;
    const to = embedPageParts(site, '/', 'entity-hikvision')!;
    expect(() => fillEmbedPage('<html></html>', from, to)).toThrow(/exactly once/);
    expect(() => fillEmbedPage(`${from.head}${from.body}${from.body}`, from, to)).toThrow(/exactly once/);
  });
});

describe('the part of a page Pagefind reads', () => {
  it('ends before the first block Pagefind ignores after the indexed element', () => {
    const page = '<html><head><title>T</title></head><body><div data-pagefind-ignore="all">search</div><div data-pagefind-body><h1>T</h1></div><div class="s" data-pagefind-ignore="all">relations</div></body></html>';
    expect(indexedPart(page)).toBe('<html><head><title>T</title></head><body><div data-pagefind-ignore="all">search</div><div data-pagefind-body><h1>T</h1></div>');
  });

  it('is the whole page when there is nothing to leave out', () => {
    for (const page of ['<html><body><p>no body marker</p><div data-pagefind-ignore="all"></div></body></html>', '<html><body><div data-pagefind-body>x</div></body></html>']) expect(indexedPart(page)).toBe(page);
  });
});
