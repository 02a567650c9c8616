// graph.json: the compact, sigma-ready network (columnar: node attributes as arrays, edges as index pairs,
// types as indices into small tables). Labels and summaries for panels live in graph-details.json.
import { allRelations, type KgConfig } from '../config.ts';
import type { EdgeAttributes, KnowledgeGraph } from '../graph.ts';
import { relationSpan } from '../time-filter.ts';

export interface CompactGraph {
  v: 1;
  types: Array<{ id: string; label: string; plural: string; color: string }>;
  relations: Array<{ id: string; label: string; inverseLabel: string; style: string; color: string }>;
  nodes: { id: string[]; label: string[]; type: number[]; x: number[]; y: number[]; size: number[]; community: number[] };
  edges: TimedEdges;
}

/**
 * Edges as index pairs with their relation type. `begin` and `end` give each edge's span as day numbers (time-filter.ts;
 * null = open or undated), for the time control; a column no edge needs (no dates, no end dates) is left out.
 */
export interface TimedEdges {
  source: number[];
  target: number[];
  type: number[];
  begin?: Array<number | null>;
  end?: Array<number | null>;
  /** Indices of the relations without a source (drawn differently), ascending; absent when every relation has one. */
  unsourced?: number[];
}

export interface GraphDetails {
  summary: string[];
  aliases: string[][];
}

export function typeTables(config: KgConfig) {
  const types = Object.entries(config.types).map(([id, t]) => ({ id, label: t.label, plural: t.plural, color: t.color }));
  const relations = Object.entries(allRelations(config)).map(([id, r]) => ({
    id, label: r.label, inverseLabel: r.inverseLabel, style: r.style ?? 'solid', color: r.color ?? '#777777',
  }));
  return { types, relations };
}

export function toCompactGraph(graph: KnowledgeGraph, config: KgConfig): CompactGraph {
  const { types, relations } = typeTables(config);
  const typeIndex = new Map(types.map((t, i) => [t.id, i]));
  const relIndex = new Map(relations.map((r, i) => [r.id, i]));
  const nodeIndex = new Map<string, number>();
  const nodes: CompactGraph['nodes'] = { id: [], label: [], type: [], x: [], y: [], size: [], community: [] };
  graph.forEachNode((id, a) => {
    nodeIndex.set(id, nodes.id.length);
    nodes.id.push(id); nodes.label.push(a.title); nodes.type.push(typeIndex.get(a.type) ?? 0);
    nodes.x.push(a.x); nodes.y.push(a.y); nodes.size.push(a.size); nodes.community.push(a.community);
  });
  const edges: CompactGraph['edges'] = { source: [], target: [], type: [], unsourced: [] };
  const attrs: EdgeAttributes[] = [];
  graph.forEachEdge((_, a, s, t) => {
    if (a.kind === 'relation' && a.sources.length === 0) edges.unsourced!.push(edges.source.length);
    edges.source.push(nodeIndex.get(s)!); edges.target.push(nodeIndex.get(t)!); edges.type.push(relIndex.get(a.type) ?? 0);
    attrs.push(a);
  });
  if (!edges.unsourced!.length) delete edges.unsourced;
  return { v: 1, types, relations, nodes, edges: withSpans(edges, attrs) };
}

/** Adds the `begin` / `end` columns, each only when some edge has that bound (`attrs` in the order of the edges). */
export function withSpans(edges: TimedEdges, attrs: Array<Pick<EdgeAttributes, 'date' | 'start' | 'end'>>): TimedEdges {
  const spans = attrs.map(relationSpan);
  const begin = spans.map((s) => s?.begin ?? null);
  const end = spans.map((s) => s?.end ?? null);
  return { ...edges, ...(begin.some((d) => d !== null) ? { begin } : {}), ...(end.some((d) => d !== null) ? { end } : {}) };
}

export function toGraphDetails(graph: KnowledgeGraph): GraphDetails {
  const details: GraphDetails = { summary: [], aliases: [] };
  graph.forEachNode((_, a) => { details.summary.push(a.summary); details.aliases.push(a.aliases); });
  return details;
}

