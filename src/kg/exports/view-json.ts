// Per-view JSON (`/views/<view id>.json`): one view's nodes, edges and positions, small enough to load on demand.
// Same columnar shape as graph.json (type and relation tables, index pairs), plus what a small view shows at once.
import type { KgConfig } from '../config.ts';
import type { KnowledgeGraph } from '../graph.ts';
import { firstRing, type Neighbourhood } from '../neighbourhood.ts';
import { viewPositions } from '../view-positions.ts';
import { viewCaption, viewNodeSize } from '../view-svg.ts';
import type { GraphView } from '../views.ts';
import { edgeIndex, unsourcedIndices } from './edge-evidence.ts';
import { type TimedEdges, typeTables, withSpans } from './graph-json.ts';

export interface ViewData {
  v: 1;
  id: string;
  title: string;
  /** Page the view belongs to (where a reader goes from an embed's "open" link). */
  page: string;
  /** Indices of the focus nodes. */
  focus: number[];
  types: ReturnType<typeof typeTables>['types'];
  relations: ReturnType<typeof typeTables>['relations'];
  nodes: {
    id: string[]; label: string[]; summary: string[]; type: number[]; x: number[]; y: number[]; size: number[];
    /** Neighbourhoods: hops from the entity (1 or 2; 0 for itself). */
    distance?: number[];
    /** Neighbourhoods: positions of the depth-1 layout (null for nodes two hops away). */
    x1?: Array<number | null>;
    y1?: Array<number | null>;
  };
  /**
   * Also `unsourced` (indices of the relations without a source) and `gid`: each edge's index in graph.json, where
   * its evidence is found (`/evidence/<gid / EVIDENCE_SHARD>.json`).
   */
  edges: TimedEdges & { gid?: number[] };
  /** The view's fixed date (`asof` option): the browser starts there. */
  asof?: string;
}

export function toViewData(view: GraphView, graph: KnowledgeGraph, config: KgConfig, page: string, seed = config.seed): ViewData {
  const { types, relations } = typeTables(config);
  const typeIndex = new Map(types.map((t, i) => [t.id, i]));
  const relIndex = new Map(relations.map((r, i) => [r.id, i]));
  const pos = viewPositions(graph, view, seed);
  const focus = new Set(view.options.focus);
  const index = new Map(view.nodes.map((n, i) => [n, i]));
  const nodes: ViewData['nodes'] = { id: [], label: [], summary: [], type: [], x: [], y: [], size: [] };
  for (const n of view.nodes) {
    const a = graph.getNodeAttributes(n);
    nodes.id.push(n); nodes.label.push(a.title); nodes.summary.push(a.summary); nodes.type.push(typeIndex.get(a.type) ?? 0);
    nodes.x.push(pos.get(n)!.x); nodes.y.push(pos.get(n)!.y); nodes.size.push(viewNodeSize(graph, focus, n));
  }
  const gid = edgeIndex(graph);
  const unsourced = unsourcedIndices(graph, view.edges);
  const edges: ViewData['edges'] = { source: [], target: [], type: [], ...(unsourced.length ? { unsourced } : {}), gid: view.edges.map((e) => gid.get(e)!) };
  for (const e of view.edges) {
    edges.source.push(index.get(graph.source(e))!); edges.target.push(index.get(graph.target(e))!);
    edges.type.push(relIndex.get(graph.getEdgeAttribute(e, 'type')) ?? 0);
  }
  return {
    v: 1, id: view.id, title: viewCaption(view, graph), page, focus: view.options.focus.map((n) => index.get(n)!), types, relations, nodes,
    edges: withSpans(edges, view.edges.map((e) => graph.getEdgeAttributes(e))),
    ...(view.options.asof ? { asof: view.options.asof } : {}),
  };
}

/** A neighbourhood's data: depth-2 positions, plus each node's distance and the depth-1 layout's positions. */
export function toNeighbourhoodData(hood: Neighbourhood, graph: KnowledgeGraph, config: KgConfig, page: string): ViewData {
  const data = toViewData(hood, graph, config, page);
  data.title = `Connections of ${graph.getNodeAttribute(hood.noteId, 'title')}`;
  const ring = viewPositions(graph, firstRing(hood, graph), config.seed);
  data.nodes.distance = data.nodes.id.map((n) => hood.distance.get(n)!);
  data.nodes.x1 = data.nodes.id.map((n) => ring.get(n)?.x ?? null);
  data.nodes.y1 = data.nodes.id.map((n) => ring.get(n)?.y ?? null);
  return data;
}
