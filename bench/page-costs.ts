// Where an entity page's and an embed page's own work goes, without Astro: runs the engine on a vault, then times each
// per-page step over every note (the steps Astro's page routes and the view-file writer call), slowest first.
// `npx node bench/page-costs.ts <vault dir>`
import { resolve } from 'node:path';
import { buildSite } from '../src/kg/build.ts';
import { resolveConfig } from '../src/kg/config.ts';
import { firstRing } from '../src/kg/neighbourhood.ts';
import { neighbourhoodEntry, viewEntry, viewIds } from '../src/kg/view-catalog.ts';
import { renderViewFigure, renderViewLegend, renderViewSvg } from '../src/kg/view-svg.ts';
import { hastToHtml } from '../src/kg/view-html.ts';
import { viewFile, viewFilePaths } from '../src/kg/exports/view-files.ts';
import { entityJsonLd } from '../src/kg/exports/json-ld.ts';
import { relationGroups } from '../src/components/model/relations.ts';
import { citedSources, mentionedIn, mentions } from '../src/components/model/links.ts';
import siteRelations from '../content/kg.relations.json' with { type: 'json' };

const [dir = 'bench/vaults/10000'] = process.argv.slice(2);
const config = { ...resolveConfig({ relations: siteRelations }), contentDir: resolve(dir) };
const site = await buildSite(process.cwd(), config, {});
const base = '/';
const ids = site.notes.map((n) => n.id);
const costs: Array<[string, number]> = [];
const time = (label: string, fn: () => void) => {
  const t0 = performance.now();
  fn();
  costs.push([label, performance.now() - t0]);
};
time('neighbourhood (catalog entry)', () => { for (const id of ids) neighbourhoodEntry(site, base, id); });
time('first ring', () => { for (const id of ids) { const e = neighbourhoodEntry(site, base, id); if (e) firstRing(e.view, site.graph); } });
time('view SVG (entity page; again in the embed page)', () => { for (const id of ids) { const e = neighbourhoodEntry(site, base, id); if (e) hastToHtml(renderViewSvg(firstRing(e.view, site.graph), site.graph, site.config, base)); } });
time('view figure (legend, list) to HTML', () => {
  for (const id of ids) {
    const e = neighbourhoodEntry(site, base, id);
    if (e) hastToHtml(renderViewFigure(e.view, site.graph, site.config, base, { drawn: firstRing(e.view, site.graph), svg: { type: 'raw', value: '' } }));
  }
});
time('legend (embed page)', () => { for (const id of ids) { const e = neighbourhoodEntry(site, base, id); if (e) hastToHtml(renderViewLegend(firstRing(e.view, site.graph), site.graph, site.config)); } });
time('relation groups', () => { for (const id of ids) relationGroups(site, base, id); });
time('mentions, mentioned in, sources', () => { for (const id of ids) { mentionedIn(site, base, id); mentions(site, base, id); citedSources(site, base, id); } });
time('JSON-LD', () => { for (const id of ids) entityJsonLd(site.graph, site.config, id, (n) => `/entity/${n}/`); });
const paths = viewFilePaths(site);
time(`view files (${paths.length}, content only)`, () => { for (const p of paths) viewFile(site, base, p); });
void viewEntry; void viewIds;
const total = costs.reduce((a, [, ms]) => a + ms, 0);
for (const [label, ms] of costs.sort((a, b) => b[1] - a[1])) console.log(`${ms.toFixed(0).padStart(7)} ms  ${(ms / ids.length).toFixed(3)} ms/note  ${label}`);
console.log(`${total.toFixed(0).padStart(7)} ms  in all, ${ids.length} notes`);
