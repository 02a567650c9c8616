// The figure a featured view (GraphIsland) starts as: for the network, a static drawing of its hubs; for other views,
// the same figure as in articles. Scripts then upgrade it in place to the interactive view.
import type { ElementContent } from 'hast';
import { h } from './hast-element.ts';
import type { Site } from './build.ts';
import type { KnowledgeGraph } from './graph.ts';
import type { CatalogEntry } from './view-catalog.ts';
import { firstRing } from './neighbourhood.ts';
import { renderViewFigure } from './view-svg.ts';
import type { GraphView } from './views.ts';

/** Most nodes the static network preview draws: the hubs, by size. */
const PREVIEW_NODES = 36;

/** The network's hubs and the relations among them (all edge kinds when they have no relations at all). */
export function networkPreview(graph: KnowledgeGraph, height: number, max = PREVIEW_NODES): GraphView {
  const nodes = graph.nodes().sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size') || (a < b ? -1 : a > b ? 1 : 0)).slice(0, max);
  const keep = new Set(nodes);
  const among = graph.edges().filter((e) => keep.has(graph.source(e)) && keep.has(graph.target(e)));
  const relations = among.filter((e) => graph.getEdgeAttribute(e, 'kind') === 'relation');
  return {
    id: 'network', index: 0, noteId: '', nodes: nodes.sort(), edges: (relations.length ? relations : among).sort(),
    options: { focus: [], nodes: [], depth: 0, layout: 'global', height, caption: undefined },
  };
}

export function islandFigure(site: Site, base: string, entry: CatalogEntry, o: { caption?: string; height?: number }): ElementContent {
  const height = o.height ?? entry.height;
  if (entry.kind === 'network') {
    const preview = networkPreview(site.graph, height);
    const figure = renderViewFigure(preview, site.graph, site.config, base, {
      caption: o.caption ?? `${site.graph.order} entities and ${site.graph.size} connections. Hover a node for its summary, click to open its page.`,
      className: 'kg-island',
    });
    // The full network view is one click away, with search, filters and a side panel.
    if (figure.type === 'element') {
      const caption = figure.children.find((c) => c.type === 'element' && c.tagName === 'figcaption');
      if (caption && caption.type === 'element') caption.children.splice(1, 0, h('p', { class: 'kg-island-more' }, [h('a', { href: `${base}graph/` }, 'Open the full network view')]));
    }
    return figure;
  }
  const view = { ...entry.view, options: { ...entry.view.options, height } };
  return renderViewFigure(view, site.graph, site.config, base, {
    caption: o.caption,
    className: 'kg-island',
    drawn: entry.kind === 'entity' ? firstRing(entry.view, site.graph) : undefined,
  });
}
