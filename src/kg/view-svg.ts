// A graph view as static, trusted markup: an SVG readable without JavaScript (print, RSS, search engines), a caption,
// a legend, and the same nodes and relations as a list (the text alternative). The browser upgrades it to a sigma view.
import type { Element, ElementContent } from 'hast';
import { h, s } from './hast-element.ts';
import { allRelations, type KgConfig, type RelationTypeSpec } from './config.ts';
import type { KnowledgeGraph } from './graph.ts';
import { type Box, type LabelRequest, placeLabels } from './label-placement.ts';
import { renderEmbedDetails } from './view-embed.ts';
import { hastToHtml } from './view-html.ts';
import { viewPositions } from './view-positions.ts';
import { edgeTimeNote, viewTime } from './view-time.ts';
import type { GraphView } from './views.ts';
import { sharedWeakMap } from './shared-memo.ts';
import { formatDate } from './dates.ts';

export const SVG_WIDTH = 800;
const PAD_X = 40;
const PAD_Y = 28;
/** Line styles; `unsourced` is the sparse dash of a relation without a source (drawn lighter, whatever its type). */
export const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '7 4', dotted: '2 3', unsourced: '4 6' };
const UNSOURCED_OPACITY = 0.5;
const GREY = '#777777';
const r1 = (v: number) => Math.round(v * 10) / 10;
const href = (base: string, id: string) => `${base}entity/${encodeURIComponent(id)}/`;

interface Point { x: number; y: number }

/** Node positions in SVG units: the view's positions fitted into the drawing, y flipped (graph y grows upwards). */
function fitPositions(graph: KnowledgeGraph, view: GraphView, seed: number, width: number, height: number): Map<string, Point> {
  const pos = viewPositions(graph, view, seed);
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const { x, y } of pos.values()) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  let sx = (width - 2 * PAD_X) / (maxX - minX || 1);
  let sy = (height - 2 * PAD_Y) / (maxY - minY || 1);
  // Fill the wide box a little more than the layout's own shape allows: more room for labels, mild distortion.
  sx = Math.min(sx, sy * 1.6);
  sy = Math.min(sy, sx * 1.6);
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  const out = new Map<string, Point>();
  for (const [id, p] of pos) out.set(id, { x: r1(width / 2 + (p.x - cx) * sx), y: r1(height / 2 - (p.y - cy) * sy) });
  return out;
}

/** Circle radius (also the interactive views' node size): the focus is largest, hubs (large global size) larger than leaves. */
export function viewNodeSize(graph: KnowledgeGraph, focus: Set<string>, id: string): number {
  const r = 5 + 7 * Math.max(0, (graph.getNodeAttribute(id, 'size') - 3) / 12); // size is 3..15, from global degree
  return r1(focus.has(id) ? Math.max(13, r + 2) : r);
}

function radiusOf(graph: KnowledgeGraph, view: GraphView): (id: string) => number {
  const focus = new Set(view.options.focus);
  return (id) => viewNodeSize(graph, focus, id);
}

/** Parallel edges between the same two nodes bend apart, so each one stays visible. */
function bends(graph: KnowledgeGraph, edges: string[]): Map<string, number> {
  const groups = new Map<string, string[]>();
  for (const e of edges) {
    const [a, b] = [graph.source(e), graph.target(e)].sort();
    const key = `${a}\u0000${b}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out = new Map<string, number>();
  for (const group of groups.values()) {
    group.forEach((e, i) => {
      const offset = (i - (group.length - 1) / 2) * 18;
      // Keep the bend on the same side whichever way the edge points.
      const flip = graph.source(e) < graph.target(e) ? 1 : -1;
      out.set(e, offset * flip);
    });
  }
  return out;
}

/** Path of an edge from the source's rim to just outside the target's rim (room for the arrowhead), and its midpoint. */
function edgeGeometry(from: Point, to: Point, rFrom: number, rTo: number, bend: number): { d: string; mid: Point } {
  const dx = to.x - from.x, dy = to.y - from.y, len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len, ny = dx / len;
  const c = { x: (from.x + to.x) / 2 + nx * bend * 2, y: (from.y + to.y) / 2 + ny * bend * 2 };
  const towards = (p: Point, q: Point, d: number) => {
    const l = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    return { x: r1(p.x + ((q.x - p.x) / l) * d), y: r1(p.y + ((q.y - p.y) / l) * d) };
  };
  const start = towards(from, bend ? c : to, rFrom + 1);
  const end = towards(to, bend ? c : from, rTo + 3);
  const mid = bend ? { x: r1(0.25 * from.x + 0.5 * c.x + 0.25 * to.x), y: r1(0.25 * from.y + 0.5 * c.y + 0.25 * to.y) } : { x: r1((from.x + to.x) / 2), y: r1((from.y + to.y) / 2) };
  const d = bend ? `M${start.x} ${start.y}Q${r1(c.x)} ${r1(c.y)} ${end.x} ${end.y}` : `M${start.x} ${start.y}L${end.x} ${end.y}`;
  return { d, mid };
}

/** A short, stable id fragment (FNV-1a, base 36): marker ids unique per view without repeating long view ids per edge. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Label for a relation type, falling back to its id. */
const relLabel = (relations: Record<string, RelationTypeSpec>, type: string) => relations[type]?.label ?? type.replace(/_/g, ' ');

/** Opacity of relations not in force on a view's fixed date, and of entities left without any. */
const OUT_OF_TIME_OPACITY = 0.2;

/**
 * An edge's tooltip in the static drawing (and what screen readers announce): the claim, its dates, its quote and its
 * sources, e.g. "Wilbur Ross leads US Department of Commerce (2017–2021). “…” Source: China signals …". `note` follows the
 * claim (a view's fixed date: ", no longer in force on …"). hastscript escapes it as text.
 */
export function edgeTitle(graph: KnowledgeGraph, edge: string, relations: Record<string, RelationTypeSpec>, note = ''): string {
  const a = graph.getEdgeAttributes(edge);
  const t = (id: string) => graph.getNodeAttribute(id, 'title');
  const when = a.date ? formatDate(a.date) : a.start || a.end ? [a.start ? formatDate(a.start) : '', a.end ? formatDate(a.end) : ''].join('–') : '';
  let out = `${t(graph.source(edge))} ${relLabel(relations, a.type)} ${t(graph.target(edge))}${when ? ` (${when})` : ''}${note}.`;
  if (a.kind !== 'relation') return out;
  if (a.quote) out += ` “${a.quote}”`;
  const sources = a.sources.filter((s) => graph.hasNode(s)).map((s) => t(s));
  out += sources.length ? ` ${sources.length === 1 ? 'Source' : 'Sources'}: ${sources.join('; ')}.` : ' No source given.';
  return out;
}

/** Edge labels are drawn only in small views; larger ones rely on the legend, line styles and the list. */
const MAX_EDGE_LABELS = 16;

export function renderViewSvg(view: GraphView, graph: KnowledgeGraph, config: KgConfig, base: string): Element {
  const height = view.options.height;
  const width = view.options.width ?? SVG_WIDTH;
  const pos = fitPositions(graph, view, config.seed, width, height);
  const radius = radiusOf(graph, view);
  const relations = allRelations(config);
  const focus = new Set(view.options.focus);
  const colourOf = (type: string) => relations[type]?.color ?? GREY;
  const colours = [...new Set(view.edges.map((e) => colourOf(graph.getEdgeAttribute(e, 'type'))))].sort();
  const markerId = (colour: string) => `kg-a${shortHash(view.id)}-${colours.indexOf(colour)}`;
  const bend = bends(graph, view.edges);
  // A view with a fixed date: relations not in force then, and entities left with none, are drawn faint.
  const time = viewTime(graph, view);
  const faint = (out: boolean | undefined) => (out ? { opacity: OUT_OF_TIME_OPACITY } : {});

  const title = (id: string) => graph.getNodeAttribute(id, 'title');
  const mids = new Map<string, Point>();
  const edges = view.edges.map((e) => {
    const a = graph.getEdgeAttributes(e);
    const src = graph.source(e), tgt = graph.target(e);
    const { d, mid } = edgeGeometry(pos.get(src)!, pos.get(tgt)!, radius(src), radius(tgt), bend.get(e) ?? 0);
    mids.set(e, mid);
    const colour = colourOf(a.type);
    const out = time?.edges.has(e);
    const unsourced = a.kind === 'relation' && a.sources.length === 0;
    return s('path', {
      d, class: `kg-edge kg-edge-${a.type}${unsourced ? ' kg-edge-unsourced' : ''}${out ? ' kg-out-of-time' : ''}`, stroke: colour,
      'stroke-dasharray': DASH[unsourced ? 'unsourced' : relations[a.type]?.style ?? 'solid'], 'stroke-opacity': unsourced ? UNSOURCED_OPACITY : undefined,
      'marker-end': `url(#${markerId(colour)})`, ...faint(out),
    }, [s('title', edgeTitle(graph, e, relations, edgeTimeNote(graph, time, e)))]);
  });

  // Labels: focus first, then hubs, then the rest by name; nodes' circles are obstacles for every label.
  const order = [...view.nodes].sort((a, b) =>
    Number(focus.has(b)) - Number(focus.has(a)) || radius(b) - radius(a) || (title(a) < title(b) ? -1 : title(a) > title(b) ? 1 : 0));
  const circles: Array<Box & { id: string }> = view.nodes.map((n) => {
    const p = pos.get(n)!, r = radius(n);
    return { id: n, x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r };
  });
  const requests: LabelRequest[] = order.map((n) => ({ id: n, text: title(n), ...pos.get(n)!, r: radius(n), fontSize: focus.has(n) ? 15 : 13, bold: focus.has(n) }));
  const nodeLabels = placeLabels(requests, circles, width, height);
  const labelOf = new Map(nodeLabels.map((l) => [l.id, l]));
  const edgeLabels = view.edges.length <= MAX_EDGE_LABELS
    ? placeLabels(
      view.edges.filter((e) => !time?.edges.has(e)).map((e) => ({ id: e, text: relLabel(relations, graph.getEdgeAttribute(e, 'type')), ...mids.get(e)!, r: 0, fontSize: 11 })),
      [...circles, ...nodeLabels.map((l) => ({ ...l.box, id: '' }))], width, height)
    : [];

  const nodes = view.nodes.map((n) => {
    const a = graph.getNodeAttributes(n);
    const p = pos.get(n)!;
    const label = labelOf.get(n);
    const out = time?.nodes.has(n);
    return s('a', { href: href(base, n), class: `kg-node${focus.has(n) ? ' kg-focus' : ''}${out ? ' kg-out-of-time' : ''}`, 'data-id': n, tabindex: -1, ...faint(out) }, [
      s('title', a.summary ? `${a.title}: ${a.summary}` : a.title),
      s('circle', { cx: p.x, cy: p.y, r: radius(n), fill: a.color }),
      label ? s('text', { x: r1(label.x), y: r1(label.y), 'text-anchor': label.anchor, ...(focus.has(n) ? { 'font-size': 15, 'font-weight': 600 } : {}) }, label.text) : undefined,
    ].filter((c): c is Element => c !== undefined));
  });

  // role=group, not img: the nodes are links, and an img may not contain interactive content (axe: nested-interactive).
  return s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'group', class: 'kg-view-svg',
    'aria-label': `${view.options.caption ?? `Graph of ${view.nodes.length} entities and ${view.edges.length} relations`}${time ? `, as of ${time.label}` : ''}`,
    preserveAspectRatio: 'xMidYMid meet',
    // Presentation attributes: readable where no stylesheet applies (RSS readers, print of the bare SVG).
    'font-family': 'system-ui, sans-serif', 'font-size': 13,
  }, [
    s('defs', colours.map((c) => s('marker', { id: markerId(c), viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' }, [s('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: c })]))),
    s('g', { class: 'kg-edges', fill: 'none', 'stroke-width': 1.4 }, edges),
    s('g', { class: 'kg-edge-labels', 'font-size': 11, fill: '#666666' }, edgeLabels.map((l) => s('text', { x: r1(l.x), y: r1(l.y), 'text-anchor': l.anchor }, l.text))),
    s('g', { class: 'kg-nodes' }, nodes),
  ]);
}

const svgHtml = sharedWeakMap<KnowledgeGraph, Map<string, string>>('view-svg-html');

/**
 * The drawing as HTML text, made once for the two pages that show it (an entity's page and its embed page):
 * serialising SVG elements is the costliest part of those pages at scale. Kept until its second use only, so a
 * 50k-note build does not hold every drawing.
 */
export function viewSvgHtml(view: GraphView, graph: KnowledgeGraph, config: KgConfig, base: string): string {
  let perGraph = svgHtml.get(graph);
  if (!perGraph) svgHtml.set(graph, (perGraph = new Map()));
  const key = `${base}|${view.id}|${view.options.depth}|${view.nodes.length}|${view.edges.length}`;
  const kept = perGraph.get(key);
  if (kept !== undefined) {
    perGraph.delete(key);
    return kept;
  }
  const out = hastToHtml(renderViewSvg(view, graph, config, base));
  perGraph.set(key, out);
  return out;
}

/** Legend: entity types and relation types present in the view, each with its colour and line style. */
export function renderViewLegend(view: GraphView, graph: KnowledgeGraph, config: KgConfig): Element {
  const types = new Set(view.nodes.map((n) => graph.getNodeAttribute(n, 'type')));
  const rels = new Set(view.edges.map((e) => graph.getEdgeAttribute(e, 'type')));
  const unsourced = view.edges.some((e) => graph.getEdgeAttribute(e, 'kind') === 'relation' && graph.getEdgeAttribute(e, 'sources').length === 0);
  const relations = allRelations(config);
  const typeItems = Object.entries(config.types).filter(([id]) => types.has(id)).map(([id, t]) =>
    h('li', { class: 'kg-legend-type', 'data-type': id }, [
      s('svg', { class: 'kg-swatch', viewBox: '0 0 12 12', width: 12, height: 12, 'aria-hidden': 'true' }, [s('circle', { cx: 6, cy: 6, r: 5.5, fill: t.color })]),
      t.plural,
    ]));
  const relItems = Object.entries(relations).filter(([id]) => rels.has(id)).map(([id, r]) =>
    h('li', { class: 'kg-legend-relation', 'data-relation': id }, [
      s('svg', { class: 'kg-swatch kg-swatch-line', viewBox: '0 0 28 12', width: 28, height: 12, 'aria-hidden': 'true' }, [
        s('line', { x1: 1, y1: 6, x2: 27, y2: 6, stroke: r.color ?? GREY, 'stroke-width': 2, 'stroke-dasharray': DASH[r.style ?? 'solid'] }),
      ]),
      r.label,
    ]));
  const unsourcedItem = unsourced
    ? [h('li', { class: 'kg-legend-unsourced' }, [
      s('svg', { class: 'kg-swatch kg-swatch-line', viewBox: '0 0 28 12', width: 28, height: 12, 'aria-hidden': 'true' }, [
        s('line', { x1: 1, y1: 6, x2: 27, y2: 6, stroke: GREY, 'stroke-width': 2, 'stroke-dasharray': DASH.unsourced, 'stroke-opacity': UNSOURCED_OPACITY }),
      ]),
      'no source given',
    ])]
    : [];
  return h('ul', { class: 'kg-legend', 'aria-label': 'Legend' }, [...typeItems, ...relItems, ...unsourcedItem]);
}

/** The text alternative: each relation of the view as a sentence with links. */
export function renderViewList(view: GraphView, graph: KnowledgeGraph, config: KgConfig, base: string): Element {
  const relations = allRelations(config);
  const link = (n: string) => h('a', { href: href(base, n) }, graph.getNodeAttribute(n, 'title'));
  const time = viewTime(graph, view);
  return h('ul', { class: 'kg-view-list' }, view.edges.map((e) => {
    const a = graph.getEdgeAttributes(e);
    const when = a.date ?? (a.start || a.end ? `${a.start ?? ''}–${a.end ?? ''}` : '');
    const note = edgeTimeNote(graph, time, e);
    return h('li', note ? { class: 'kg-out-of-time' } : {}, [link(graph.source(e)), ` ${relLabel(relations, a.type)} `, link(graph.target(e)), when ? ` (${when}${note})` : '']);
  }));
}

/** The default caption: what the view shows, in words. */
export function viewCaption(view: GraphView, graph: KnowledgeGraph): string {
  if (view.options.caption) return view.options.caption;
  const focus = view.options.focus.map((n) => graph.getNodeAttribute(n, 'title'));
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const count = `${plural(view.nodes.length, 'entity', 'entities')}, ${plural(view.edges.length, 'relation', 'relations')}`;
  return focus.length ? `Around ${focus.join(', ')}: ${count}` : count;
}

export interface FigureParts {
  /** The view drawn and listed, when it differs from the one loaded interactively (a neighbourhood's first ring). */
  drawn?: GraphView;
  caption?: string;
  /** Elements before the drawing (e.g. a neighbourhood's depth switch). */
  lead?: ElementContent[];
  className?: string;
  /** The drawing, when the caller has it already (e.g. as `viewSvgHtml` text in a raw node). */
  svg?: ElementContent;
}

/** The whole figure for a view in a note's body; an empty element when the directive was invalid. */
export function renderViewFigure(view: GraphView | undefined, graph: KnowledgeGraph, config: KgConfig, base: string, parts: FigureParts = {}): ElementContent {
  if (!view) return h('span', { hidden: true });
  const drawn = parts.drawn ?? view;
  const caption = parts.caption ?? viewCaption(view, graph);
  const width = view.options.width ?? SVG_WIDTH;
  const time = viewTime(graph, drawn);
  return h('figure', { class: ['kg-view', ...(parts.className ? [parts.className] : [])], id: `view-${view.id}`, 'data-view': view.id, 'data-width': width, 'data-height': view.options.height }, [
    ...(parts.lead ?? []),
    h('div', { class: 'kg-view-canvas' }, [parts.svg ?? renderViewSvg(drawn, graph, config, base)]),
    h('figcaption', [
      h('p', { class: 'kg-view-caption' }, caption),
      ...(time ? [h('p', { class: 'kg-view-asof' }, `As of ${time.label}: faint relations had not begun or had ended by then.`)] : []),
      renderViewLegend(drawn, graph, config),
      h('div', { class: 'kg-view-tools' }, [
        h('details', { class: 'kg-view-alt' }, [h('summary', 'The graph as a list'), renderViewList(drawn, graph, config, base)]),
        renderEmbedDetails({ id: view.id, title: caption, width, height: view.options.height }, config, base),
      ]),
    ]),
  ]);
}
