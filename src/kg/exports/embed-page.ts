// What differs between one embed page (`/embed/<view id>/`) and the next: its head entries (title, canonical URL,
// oEmbed discovery) and its body (the drawing, legend and credit line). The Astro route wraps them in the page's
// fixed markup and assets; a build then writes every other view's page from that one page (see fillEmbedPage), so
// ten thousand near-identical pages do not each go through Astro's page pipeline.
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SiteData } from '../build.ts';
import { firstRing } from '../neighbourhood.ts';
import { viewEntry } from '../view-catalog.ts';
import { absoluteUrl, embedPath, oembedLink } from '../view-embed.ts';
import { hastToHtml } from '../view-html.ts';
import { networkPreview } from '../view-island-figure.ts';
import { renderViewLegend, renderViewSvg } from '../view-svg.ts';

export interface EmbedPageParts {
  /** `<title>`, canonical and oEmbed `<link>`s. */
  head: string;
  /** The figure: drawing, depth switch (neighbourhoods), legend and the credit line linking back. */
  body: string;
}

/** The view's own parts of its embed page; undefined when there is no such view. */
export function embedPageParts(site: SiteData, base: string, id: string): EmbedPageParts | undefined {
  const entry = viewEntry(site, base, id);
  if (!entry) return undefined;
  const { graph, config } = site;
  const drawn = entry.kind === 'network' ? networkPreview(graph, entry.height) : entry.kind === 'entity' ? firstRing(entry.view, graph) : entry.view;
  // Neighbourhoods start at depth 1 (like on entity pages), with a switch to depth 2; the legend covers what is drawn.
  const legendOf = entry.kind === 'directive' ? entry.view : drawn;
  const hasSecondRing = entry.kind === 'entity' && entry.view.nodes.some((n) => entry.view.distance.get(n) === 2);
  const oembed = oembedLink(entry, config, base);
  const head: ElementContent[] = [
    h('title', `${entry.title} · ${config.title}`),
    h('link', { rel: 'canonical', href: absoluteUrl(config, base, embedPath(entry.id)) }),
    h('link', { rel: oembed.rel, type: oembed.type, href: oembed.href, title: oembed.title }),
  ];
  const depthSwitch = h('div', { class: 'kg-depth', role: 'group', 'aria-label': 'How far to look', hidden: true }, [
    h('button', { type: 'button', 'data-depth': '1', 'aria-pressed': 'true' }, 'Direct connections'),
    h('button', { type: 'button', 'data-depth': '2', 'aria-pressed': 'false' }, 'Two steps away'),
  ]);
  const pageUrl = absoluteUrl(config, base, entry.page.slice(base.length));
  const body = h('figure', { class: 'kg-view kg-embed-view', 'data-view': entry.id, 'data-height': entry.height }, [
    h('div', { class: 'kg-view-canvas' }, [renderViewSvg(drawn, graph, config, base)]),
    h('figcaption', [
      ...(hasSecondRing ? [depthSwitch] : []),
      renderViewLegend(legendOf, graph, config),
      h('p', { class: 'kg-embed-credit' }, [h('a', { href: pageUrl }, entry.title), ' · ', h('a', { href: absoluteUrl(config, base, '') }, config.title)]),
    ]),
  ]);
  return { head: head.map(hastToHtml).join(''), body: hastToHtml(body) };
}

/**
 * Another view's embed page from a built one: `page` is the HTML Astro made for the view whose parts are `from`;
 * its parts are swapped for `to`'s, keeping everything Astro added (stylesheets, the module script).
 */
export function fillEmbedPage(page: string, from: EmbedPageParts, to: EmbedPageParts): string {
  const swap = (html: string, a: string, b: string) => {
    const at = html.indexOf(a);
    if (at < 0 || html.indexOf(a, at + 1) >= 0) throw new Error('The embed page template does not contain its own parts exactly once');
    return html.slice(0, at) + b + html.slice(at + a.length);
  };
  return swap(swap(page, from.head, to.head), from.body, to.body);
}
