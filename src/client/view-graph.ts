// Compact view data (graph.json or /views/<id>.json) -> the graphology graph sigma draws.
// Node `type`/edge `type` are sigma program names, so the entity type lives in `kind` and the relations in `rels`.
import Graph from 'graphology';
import type { CompactGraph } from '../kg/exports/graph-json.ts';
import type { ViewData } from '../kg/exports/view-json.ts';

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

const GREY = '#777777';
const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** Builds the graph; tolerant of missing columns (bad input must not crash the page: it draws what it can). */
export function toViewGraph(data: CompactGraph | ViewData, sizeOf: (size: number) => number = (s) => s): { graph: ViewGraph; tables: Tables } {
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
  const e = data.edges;
  const unsourced = new Set(e.unsourced ?? []);
  for (let i = 0; i < e.source.length; i++) {
    const s = n.id[e.source[i]], t = n.id[e.target[i]];
    const rel = relations[e.type[i]];
    if (s === undefined || t === undefined || s === t || !rel) continue;
    const existing = graph.edge(s, t);
    if (existing) {
      const a = graph.getEdgeAttributes(existing);
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
    graph.addEdge(s, t, { rels: [rel.id], relLabels: [rel.label], type: none ? UNSOURCED : programFor(rel.style), color: rel.color ?? GREY, size: 1.2, idx: [i], unsourced: none });
  }
  return { graph, tables: { types, relations } };
}

/** Program of relations without a source (edge-programs.ts): a sparse dash no relation type uses, drawn lighter. */
export const UNSOURCED = 'unsourced';

export function programFor(style: string | undefined): string {
  return style === 'dashed' ? 'dashed' : style === 'dotted' ? 'dotted' : 'arrow';
}
