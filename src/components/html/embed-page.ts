// An embed page's two parts that differ per view, as HTML: its head (title, canonical address, oEmbed link) and its
// figure (the static drawing, legend, depth switch, credit). `embed/[view]/index.astro` is the shell around them; the
// build fills it once per entity neighbourhood (src/integration/page-shell.ts).
import { h } from '../../kg/hast-element.ts';
import type { Element, Root } from 'hast';
import type { Site } from '../../kg/build.ts';
import { firstRing } from '../../kg/neighbourhood.ts';
import { embedPath, oembedLink, absoluteUrl } from '../../kg/view-embed.ts';
import type { CatalogEntry } from '../../kg/view-catalog.ts';
import { networkPreview } from '../../kg/view-island-figure.ts';
import { hastToHtml } from '../../kg/view-html.ts';
import { depthSwitch } from './parts.ts';
import { renderViewLegend, viewSvgHtml } from '../../kg/view-svg.ts';

export function embedHead(site: Site, base: string, entry: CatalogEntry): Root {
  return { type: 'root', children: [
    h('title', `${entry.title} · ${site.config.title}`),
    h('link', { rel: 'canonical', href: absoluteUrl(site.config, base, embedPath(entry.id)) }),
    h('link', { rel: 'icon', href: `${base}favicon.svg`, type: 'image/svg+xml' }),
    h('link', oembedLink(entry, site.config, base)),
    h('base', { target: '_top' }),
  ] };
}

export function embedFigure(site: Site, base: string, entry: CatalogEntry): Element {
  const drawn = entry.kind === 'network' ? networkPreview(site.graph, entry.height) : entry.kind === 'entity' ? firstRing(entry.view, site.graph) : entry.view;
  const legendOf = entry.kind === 'directive' ? entry.view : drawn;
  const pageUrl = absoluteUrl(site.config, base, entry.page.slice(base.length));
  return h('figure', { className: ['kg-view', 'kg-embed-view'], dataView: entry.id, dataHeight: String(entry.height) }, [
    h('div', { className: 'kg-view-canvas' }, [{ type: 'raw', value: viewSvgHtml(drawn, site.graph, site.config, base) } as never]),
    h('figcaption', [
      // Neighbourhoods start at depth 1 (like on entity pages), with a switch to depth 2.
      ...(entry.kind === 'entity' ? depthSwitch(entry.view) : []),
      renderViewLegend(legendOf, site.graph, site.config),
      h('p', { className: 'kg-embed-credit' }, [h('a', { href: pageUrl }, entry.title), ' · ', h('a', { href: absoluteUrl(site.config, base, '') }, site.config.title)]),
    ]),
  ]);
}

export const embedPageHead = (site: Site, base: string, entry: CatalogEntry): string => hastToHtml(embedHead(site, base, entry));
export const embedPageBody = (site: Site, base: string, entry: CatalogEntry): string => hastToHtml(embedFigure(site, base, entry));
