// A graph view as static, trusted markup: an SVG readable without JavaScript (print, RSS, search engines), a caption,
// and the same nodes and relations as a list (the text alternative). The browser upgrades it to a sigma view.
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { allRelations, type KgConfig } from './config.ts';
import type { KnowledgeGraph } from './graph.ts';
import { viewPositions } from './view-positions.ts';
import type { GraphView } from './views.ts';

const WIDTH = 800;
const PAD = 60;
const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '6 4', dotted: '2 3' };

/** Node label shown next to a circle: short enough not to collide in a 800-px-wide drawing. */
function shortLabel(title: string): string {
  return title.length > 28 ? `${title.slice(0, 26)}…` : title;
}

export function renderViewSvg(view: GraphView, graph: KnowledgeGraph, config: KgConfig, base: string): Element {
  const pos = viewPositions(graph, view, config.seed);
  const height = view.options.height;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const { x, y } of pos.values()) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  const scale = Math.min((WIDTH - 2 * PAD) / (maxX - minX || 1), (height - 2 * PAD) / (maxY - minY || 1));
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  // Graph y grows upwards (sigma's convention); SVG y grows downwards.
  const px = (id: string) => {
    const p = pos.get(id)!;
    return { x: Math.round((WIDTH / 2 + (p.x - cx) * scale) * 10) / 10, y: Math.round((height / 2 - (p.y - cy) * scale) * 10) / 10 };
  };
  const relations = allRelations(config);
  const focus = new Set(view.options.focus);
  const maxSize = Math.max(...view.nodes.map((n) => graph.getNodeAttribute(n, 'size')));
  const radius = (n: string) => (focus.has(n) ? 14 : 6 + 6 * (graph.getNodeAttribute(n, 'size') / maxSize));
  const markerId = `arrow-${view.id}`;

  const edges = view.edges.map((e) => {
    const a = graph.getEdgeAttributes(e);
    const from = px(graph.source(e)), to = px(graph.target(e));
    // Stop the line at the target circle's edge so the arrowhead shows.
    const dx = to.x - from.x, dy = to.y - from.y, len = Math.hypot(dx, dy) || 1, r = radius(graph.target(e)) + 2;
    const spec = relations[a.type];
    return s('line', {
      x1: from.x, y1: from.y, x2: Math.round((to.x - (dx / len) * r) * 10) / 10, y2: Math.round((to.y - (dy / len) * r) * 10) / 10,
      class: `kg-edge kg-edge-${a.type}`, stroke: spec?.color ?? '#777777', 'stroke-dasharray': DASH[spec?.style ?? 'solid'], 'marker-end': `url(#${markerId})`,
    }, [s('title', `${graph.getNodeAttribute(graph.source(e), 'title')} ${spec?.label ?? a.type} ${graph.getNodeAttribute(graph.target(e), 'title')}`)]);
  });
  const nodes = view.nodes.map((n) => {
    const a = graph.getNodeAttributes(n);
    const p = px(n);
    const r = radius(n);
    const left = p.x > WIDTH - 200;
    return s('a', { href: `${base}entity/${encodeURIComponent(n)}/`, class: focus.has(n) ? 'kg-node kg-focus' : 'kg-node', 'data-id': n }, [
      s('title', a.summary ? `${a.title}: ${a.summary}` : a.title),
      s('circle', { cx: p.x, cy: p.y, r: Math.round(r * 10) / 10, fill: a.color }),
      s('text', { x: Math.round((left ? p.x - r - 4 : p.x + r + 4) * 10) / 10, y: p.y + 4, 'text-anchor': left ? 'end' : 'start' }, shortLabel(a.title)),
    ]);
  });
  return s('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', role: 'img', class: 'kg-view-svg',
    'aria-label': view.options.caption ?? `Graph of ${view.nodes.length} entities and ${view.edges.length} relations`,
    preserveAspectRatio: 'xMidYMid meet',
  }, [
    s('defs', [s('marker', { id: markerId, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [s('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#777777' })])]),
    s('g', { class: 'kg-edges' }, edges),
    s('g', { class: 'kg-nodes' }, nodes),
  ]);
}

/** The text alternative: each relation of the view as a sentence with links. */
export function renderViewList(view: GraphView, graph: KnowledgeGraph, config: KgConfig, base: string): Element {
  const relations = allRelations(config);
  const link = (n: string) => h('a', { href: `${base}entity/${encodeURIComponent(n)}/` }, graph.getNodeAttribute(n, 'title'));
  return h('ul', { class: 'kg-view-list' }, view.edges.map((e) => {
    const a = graph.getEdgeAttributes(e);
    return h('li', [link(graph.source(e)), ` ${relations[a.type]?.label ?? a.type} `, link(graph.target(e)), a.date ? ` (${a.date})` : '']);
  }));
}

/** The whole figure for a view in a note's body; an empty element when the directive was invalid. */
export function renderViewFigure(view: GraphView | undefined, graph: KnowledgeGraph, config: KgConfig, base: string): ElementContent {
  if (!view) return h('span', { hidden: true });
  const caption = view.options.caption;
  return h('figure', { class: 'kg-view', id: `view-${view.id}`, 'data-view': view.id, 'data-height': view.options.height }, [
    h('div', { class: 'kg-view-canvas' }, [renderViewSvg(view, graph, config, base)]),
    h('figcaption', [caption ?? `${view.nodes.length} entities, ${view.edges.length} relations`]),
    h('details', { class: 'kg-view-alt' }, [h('summary', 'The graph as a list'), renderViewList(view, graph, config, base)]),
  ]);
}
