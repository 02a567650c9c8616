// Compact view data (graph.json or /views/<id>.json) -> the graphology graph sigma draws.
// Node `type`/edge `type` are sigma program names, so the entity type lives in `kind` and the relations in `rels`.
import Graph from 'graphology';
import type { CompactGraph } from '../kg/exports/graph-json.ts';
import type { ViewData } from '../kg/exports/view-json.ts';
import { activeOn } from '../kg/time-filter.ts';

export type TypeRow = CompactGraph['types'][number];
export type RelationRow = CompactGraph['relations'][number];

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  /** Label drawn on the canvas (shortened); `title` is the full one. */
  label: string;
  title: string;
  kind: string;
  summary?: string;
  distance?: number;
  /** Depth-1 layout position (neighbourhoods). */
  x1?: number | null;
  y1?: number | null;
  /** Depth-2 layout position, kept while the depth-1 layout shows. */
  x2?: number;
  y2?: number;
  focus?: boolean;
}

export interface EdgeAttrs {
  /** Relation type ids carried by this drawn edge (same-direction duplicates are merged into one line). */
  rels: string[];
  /** Sigma program: arrow (solid), dashed, dotted. */
  type: string;
  color: string;
  size: number;
  /** Label of each relation in `rels`; the shown label joins those not filtered out, e.g. "sanctions · listed on". */
  relLabels: string[];
  /**
   * When the relations hold, one entry per relation merged into this line: [relation id, begin, end] as day numbers
   * (null = open-ended; both null = undated). Absent when none of them has a date: then the line is always in force.
   */
  times?: Array<[rel: string, begin: number | null, end: number | null]>;
  /** Indices of every payload edge drawn as this line (their types and evidence are looked up by index). */
  idx: number[];
  /** True when no relation of this line has a source: drawn with the "no source" pattern, lighter. */
  unsourced: boolean;
}

export type ViewGraph = Graph<NodeAttrs, EdgeAttrs>;

export interface Tables {
  types: TypeRow[];
  relations: RelationRow[];
}

/** Long titles are cut at a word boundary for canvas labels; the full title shows on hover and in panels. */
export function shortLabel(title: string, max = 26): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const word = cut.lastIndexOf(' ');
  return `${(word > max / 2 ? cut.slice(0, word) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * Level of detail above this many edges: edges are hidden and the discs drawn at half resolution while the camera
 * moves (MOVING_SCALE), and the first frame shows the nodes alone, the edges one frame later (software GL at 10k
 * nodes, 18k shown edges: a frame ~50 ms without edges, ~200 ms with them; bench/README.md). The network view adds
 * them to the graph only then (sigma-view's `lateEdges`).
 */
export const LARGE_EDGES = 5000;
/** The resolution of the discs in big graphs while the camera moves: a quarter of the pixels (cheap-while-moving.ts). */
export const MOVING_SCALE = 0.5;

const GREY = '#777777';
const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * Builds the graph; tolerant of missing columns (bad input must not crash the page: it draws what it can).
 * `edges: false` leaves the edges out, for addViewEdges to add once the nodes are on screen.
 */
export function toViewGraph(data: CompactGraph | ViewData, sizeOf: (size: number) => number = (s) => s, o: { edges?: boolean } = {}): { graph: ViewGraph; tables: Tables } {
  const graph: ViewGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const { types, relations } = data;
  const n = data.nodes;
  const summary = 'summary' in n ? n.summary : undefined;
  const extra = n as Partial<ViewData['nodes']>;
  const focus = new Set('focus' in data ? data.focus : []);
  for (let i = 0; i < n.id.length; i++) {
    const type = types[n.type[i]] ?? { id: 'note', color: '#BBBBBB' };
    const title = String(n.label[i] ?? n.id[i]);
    graph.mergeNode(n.id[i], {
      x: num(n.x[i]), y: num(n.y[i]), size: sizeOf(num(n.size[i], 4)), color: type.color, label: shortLabel(title), title, kind: type.id,
      summary: summary?.[i], distance: extra.distance?.[i], x1: extra.x1?.[i], y1: extra.y1?.[i], focus: focus.has(i),
    });
  }
  if (o.edges !== false) addViewEdges(graph, data);
  return { graph, tables: { types, relations } };
}

/** Adds the payload's edges to a graph built by toViewGraph: one line per source, target and direction. */
export function addViewEdges(graph: ViewGraph, data: CompactGraph | ViewData): void {
  const { relations } = data;
  const n = data.nodes;
  const e = data.edges;
  const unsourced = new Set(e.unsourced ?? []);
  const day = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  for (let i = 0; i < e.source.length; i++) {
    const s = n.id[e.source[i]], t = n.id[e.target[i]];
    const rel = relations[e.type[i]];
    if (s === undefined || t === undefined || s === t || !rel) continue;
    const begin = day(e.begin?.[i]), end = day(e.end?.[i]);
    const dated = begin !== null || end !== null;
    const existing = graph.edge(s, t);
    if (existing) {
      const a = graph.getEdgeAttributes(existing);
      // The first dated relation on a line lists the undated ones merged before it (each holds at any date).
      if (dated || a.times) {
        const before = a.times ?? a.rels.map((r): [string, null, null] => [r, null, null]);
        graph.setEdgeAttribute(existing, 'times', [...before, [rel.id, begin, end]]);
      }
      const sourced = !unsourced.has(i);
      graph.mergeEdgeAttributes(existing, {
        ...(a.rels.includes(rel.id) ? {} : { rels: [...a.rels, rel.id], relLabels: [...a.relLabels, rel.label] }),
        idx: [...a.idx, i],
        // One sourced relation is enough for the line to be drawn as sourced (in that relation's style).
        ...(a.unsourced && sourced ? { unsourced: false, type: programFor(rel.style), color: rel.color ?? GREY } : {}),
      });
      continue;
    }
    const none = unsourced.has(i);
    graph.addEdge(s, t, {
      rels: [rel.id], relLabels: [rel.label], type: none ? UNSOURCED : programFor(rel.style), color: rel.color ?? GREY, size: 1.2, idx: [i], unsourced: none,
      ...(dated ? { times: [[rel.id, begin, end]] } : {}),
    });
  }
}

/** Whether a drawn line is in force on `day` (null: no date chosen) through at least one relation the filters show. */
export function edgeActiveOn(a: EdgeAttrs, day: number | null, hiddenRelation: (rel: string) => boolean = () => false): boolean {
  return day === null || !a.times || a.times.some(([rel, begin, end]) => !hiddenRelation(rel) && activeOn({ begin, end }, day));
}

/** Whether one relation type of a drawn line is in force on `day` (for its label). */
export function relationActiveOn(a: EdgeAttrs, rel: string, day: number | null): boolean {
  return day === null || !a.times || a.times.some(([r, begin, end]) => r === rel && activeOn({ begin, end }, day));
}

/** First and last day any relation of the graph names; undefined when none is dated (no time control then). */
export function timeBounds(graph: ViewGraph): { min: number; max: number } | undefined {
  let min = Infinity, max = -Infinity;
  graph.forEachEdge((_, a) => {
    for (const [, begin, end] of a.times ?? []) {
      for (const d of [begin, end]) if (d !== null) { min = Math.min(min, d); max = Math.max(max, d); }
    }
  });
  return min <= max ? { min, max } : undefined;
}

/** Program of relations without a source (edge-programs.ts): a sparse dash no relation type uses, drawn lighter. */
export const UNSOURCED = 'unsourced';

export function programFor(style: string | undefined): string {
  return style === 'dashed' ? 'dashed' : style === 'dotted' ? 'dotted' : 'arrow';
}
