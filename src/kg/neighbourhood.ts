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

/**
 * Relations when the entity has any. Sources and articles only have mentions and citations: then their own mentions
 * and citations (a star around them), and relations among the rest, so an article's view stays readable.
 */
function edgeTest(graph: KnowledgeGraph, id: string): (edge: string) => boolean {
  const isRelation = (e: string) => graph.getEdgeAttribute(e, 'kind') === 'relation';
  const hasRelation = graph.someEdge(id, (e) => isRelation(e));
  return hasRelation ? isRelation : (e) => isRelation(e) || graph.source(e) === id || graph.target(e) === id;
}

/** Neighbours of `n` over edges that pass `follows`, sorted by size (hubs first), then id (stable). */
function neighbours(graph: KnowledgeGraph, n: string, follows: (edge: string) => boolean): string[] {
  const out = new Set<string>();
  graph.forEachEdge(n, (edge, _a, s, t) => { if (follows(edge)) out.add(s === n ? t : s); });
  out.delete(n);
  return [...out].sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size') || (a < b ? -1 : a > b ? 1 : 0));
}

const byRelation = sharedWeakMap<KnowledgeGraph, Map<string, string[]>>('relation-neighbours');
const isRelation = (graph: KnowledgeGraph) => (e: string) => graph.getEdgeAttribute(e, 'kind') === 'relation';

/** `neighbours` over relations, once per node and graph: every hub is the second ring of thousands of entities. */
function relationNeighbours(graph: KnowledgeGraph, n: string): string[] {
  let perGraph = byRelation.get(graph);
  if (!perGraph) byRelation.set(graph, (perGraph = new Map()));
  let out = perGraph.get(n);
  if (!out) perGraph.set(n, (out = neighbours(graph, n, isRelation(graph))));
  return out;
}

export function entityNeighbourhood(graph: KnowledgeGraph, id: string, max = MAX_NEIGHBOURS): Neighbourhood {
  const follows = edgeTest(graph, id);
  const distance = new Map<string, number>([[id, 0]]);
  const first = neighbours(graph, id, follows);
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
  const keep = new Set(nodes);
  const edges: string[] = [];
  for (const n of nodes) {
    // A hub has thousands of edges and is in thousands of views: ask for its edges to the view's nodes instead.
    if (graph.outDegree(n) <= nodes.length) graph.forEachOutEdge(n, (edge, _a, _s, t) => { if (keep.has(t) && follows(edge)) edges.push(edge); });
    else for (const m of nodes) graph.forEachOutEdge(n, m, (edge) => { if (follows(edge)) edges.push(edge); });
  }
  edges.sort();
  return {
    id: neighbourhoodId(id), index: 0, noteId: id, distance, nodes, edges,
    options: { focus: [id], nodes: [], depth: 2, layout: 'radial', width: 440, height: 400 },
  };
}

/** The depth-1 part of a neighbourhood (the static fallback and the default interactive view). */
export function firstRing(view: Neighbourhood, graph: KnowledgeGraph): GraphView {
  const nodes = view.nodes.filter((n) => view.distance.get(n)! <= 1);
  const keep = new Set(nodes);
  const edges = view.edges.filter((e) => keep.has(graph.source(e)) && keep.has(graph.target(e)));
  return { ...view, nodes, edges, options: { ...view.options, depth: 1 } };
}
