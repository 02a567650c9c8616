// An entity's neighbourhood as a graph view: its depth-2 surroundings (capped), with each node's distance from it.
import type { KnowledgeGraph } from './graph.ts';
import type { GraphView } from './views.ts';
import { sharedWeakMap } from './shared-memo.ts';

export interface Neighbourhood extends GraphView {
  /** Hops from the entity: 0 for itself, 1 or 2 for the others. */
  distance: Map<string, number>;
}

/** Embed and data id of an entity's neighbourhood (`/embed/entity-<id>/`, `/views/entity-<id>.json`). */
export const neighbourhoodId = (id: string) => `entity-${id}`;

/** Most nodes a neighbourhood shows: enough for context, few enough to stay readable and small to download. */
export const MAX_NEIGHBOURS = 60;

/** One edge leaving a node: where it goes and whether it is a typed relation (not a mention or citation). */
interface OutEdge { edge: string; target: string; relation: boolean }

const outEdgeLists = sharedWeakMap<KnowledgeGraph, Map<string, OutEdge[]>>('out-edges');

/**
 * A node's out-edges as a plain array, made once per node and graph: every node is in dozens of neighbourhoods, and
 * graphology's per-call iteration (and an attribute lookup per edge) was most of a neighbourhood's cost at 10k notes.
 */
function outEdges(graph: KnowledgeGraph, n: string): OutEdge[] {
  let perGraph = outEdgeLists.get(graph);
  if (!perGraph) outEdgeLists.set(graph, (perGraph = new Map()));
  let out = perGraph.get(n);
  if (!out) {
    out = [];
    graph.forEachOutEdge(n, (edge, attrs, _s, target) => { out!.push({ edge, target, relation: attrs.kind === 'relation' }); });
    perGraph.set(n, out);
  }
  return out;
}

const isRelation = (graph: KnowledgeGraph, e: string) => graph.getEdgeAttribute(e, 'kind') === 'relation';

/**
 * Relations when the entity has any. Sources and articles only have mentions and citations: then their own mentions
 * and citations (a star around them), and relations among the rest, so an article's view stays readable.
 */
function hasRelation(graph: KnowledgeGraph, id: string): boolean {
  return graph.someEdge(id, (_e, attrs) => attrs.kind === 'relation');
}

/** Neighbours of `n` (over relations only, or over every edge), sorted by size (hubs first), then id (stable). */
function neighbours(graph: KnowledgeGraph, n: string, relationsOnly: boolean): string[] {
  const out = new Set<string>();
  graph.forEachEdge(n, (_edge, attrs, s, t) => { if (!relationsOnly || attrs.kind === 'relation') out.add(s === n ? t : s); });
  out.delete(n);
  const size = new Map([...out].map((m) => [m, graph.getNodeAttribute(m, 'size') as number]));
  return [...out].sort((a, b) => size.get(b)! - size.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
}

const byRelation = sharedWeakMap<KnowledgeGraph, Map<string, string[]>>('relation-neighbours');

/** `neighbours` over relations, once per node and graph: every hub is the second ring of thousands of entities. */
function relationNeighbours(graph: KnowledgeGraph, n: string): string[] {
  let perGraph = byRelation.get(graph);
  if (!perGraph) byRelation.set(graph, (perGraph = new Map()));
  let out = perGraph.get(n);
  if (!out) perGraph.set(n, (out = neighbours(graph, n, true)));
  return out;
}

export function entityNeighbourhood(graph: KnowledgeGraph, id: string, max = MAX_NEIGHBOURS): Neighbourhood {
  const relationsOnly = hasRelation(graph, id);
  const distance = new Map<string, number>([[id, 0]]);
  const first = relationsOnly ? relationNeighbours(graph, id) : neighbours(graph, id, false);
  for (const n of first) if (distance.size < max) distance.set(n, 1);
  // Depth 2 fills what room is left, hubs first, so a big graph still gives a small, readable view. Beyond the first
  // ring both edge tests reduce to relations (the only non-relation edges they follow touch the entity itself).
  for (const n of first) {
    if (distance.get(n) !== 1) continue;
    for (const m of relationNeighbours(graph, n)) {
      if (distance.size >= max) break;
      if (!distance.has(m)) distance.set(m, 2);
    }
  }
  const nodes = [...distance.keys()].sort();
  const follows = (relation: boolean, s: string, t: string) => relation || (!relationsOnly && (s === id || t === id));
  const edges: string[] = [];
  for (const n of nodes) {
    const out = outEdges(graph, n);
    // A hub has thousands of edges and is in thousands of views: ask for its edges to the view's nodes instead.
    if (out.length <= nodes.length) {
      for (const e of out) if (distance.has(e.target) && follows(e.relation, n, e.target)) edges.push(e.edge);
    } else {
      for (const m of nodes) graph.forEachOutEdge(n, m, (edge) => { if (follows(isRelation(graph, edge), n, m)) edges.push(edge); });
    }
  }
  edges.sort();
  return {
    id: neighbourhoodId(id), index: 0, noteId: id, distance, nodes, edges,
    options: { focus: [id], nodes: [], depth: 2, layout: 'radial', width: 440, height: 400 },
  };
}

const firstRings = sharedWeakMap<Neighbourhood, GraphView>('first-ring');

/** The depth-1 part of a neighbourhood (the static fallback and the default interactive view), made once per view. */
export function firstRing(view: Neighbourhood, graph: KnowledgeGraph): GraphView {
  let ring = firstRings.get(view);
  if (ring) return ring;
  const nodes = view.nodes.filter((n) => view.distance.get(n)! <= 1);
  const keep = new Set(nodes);
  const edges = view.edges.filter((e) => keep.has(graph.source(e)) && keep.has(graph.target(e)));
  firstRings.set(view, (ring = { ...view, nodes, edges, options: { ...view.options, depth: 1 } }));
  return ring;
}
