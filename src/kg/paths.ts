// Paths between two entities: up to a few shortest simple paths through typed relations, each relation walkable
// either way (read with its label forwards, its inverse label backwards), optionally only through chosen relation types.
// Works on any graphology graph: the engine's (one relation per edge, `type`) and the browser's (`rels` per edge).
//
// Why not graphology-shortest-path / graphology-simple-path: neither filters edges (a filtered copy of a 10k graph
// per query costs more than the search), the former gives one path and the latter every path up to a depth
// (exponential around hubs). Here: one BFS from the target gives each node's distance to it; a depth-first walk from
// the source then only takes steps that can still reach the target within the length it is looking for, length by
// length (the shortest first), until it has `limit` paths. Paths of the same length come through the best-connected
// entities first (the department rather than a side event), then in id order: the same graph, the same answer.
import type { Attributes } from 'graphology-types';

/** The graphology methods the search uses (the engine's MultiDirectedGraph and the browser's graph both have them). */
interface WalkableGraph<E extends Attributes> {
  hasNode(node: string): boolean;
  degree(node: string): number;
  forEachEdge(node: string, callback: (edge: string, attributes: E, source: string, target: string) => void): void;
}

/** A relation used by one step: its type, and whether the step walks it from its source to its target. */
export interface StepRelation { type: string; forward: boolean }

export interface PathStep {
  from: string;
  to: string;
  /** Every allowed relation between the two nodes, sorted (a step is one hop, however many relations make it). */
  relations: StepRelation[];
}

export interface EntityPath {
  nodes: string[];
  steps: PathStep[];
}

export interface PathOptions<E extends Attributes> {
  /** At most this many paths, shortest first (default 3). */
  limit?: number;
  /** Longest path looked for, in steps (default 6). */
  maxSteps?: number;
  /** Relation types that may be walked (default: every type except `mentions` and `cites`). */
  allow?: (type: string) => boolean;
  /** Relation types an edge carries (default: its `type` attribute, as in the engine's graph). */
  relationsOf?: (attributes: E) => readonly string[];
  /** Work bound (steps tried) so a query on a dense graph always returns quickly; default 200,000. */
  budget?: number;
}

export const IMPLICIT_RELATIONS: readonly string[] = ['mentions', 'cites'];
const explicitOnly = (type: string) => !IMPLICIT_RELATIONS.includes(type);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Adjacency = Map<string, StepRelation[]>;

/** A node's allowed neighbours (either direction), each with the relations that join them; built once per node. */
function neighbourhoodOf<E extends Attributes>(graph: WalkableGraph<E>, allow: (t: string) => boolean, relationsOf: (a: E) => readonly string[]) {
  const memo = new Map<string, Adjacency>();
  return (node: string): Adjacency => {
    let out = memo.get(node);
    if (out) return out;
    out = new Map();
    graph.forEachEdge(node, (_e, a, source, target) => {
      const other = source === node ? target : source;
      if (other === node) return;
      for (const type of relationsOf(a)) {
        if (!allow(type)) continue;
        let list = out!.get(other);
        if (!list) out!.set(other, (list = []));
        const forward = source === node;
        if (!list.some((r) => r.type === type && r.forward === forward)) list.push({ type, forward });
      }
    });
    for (const list of out.values()) list.sort((x, y) => cmp(x.type, y.type) || Number(y.forward) - Number(x.forward));
    // Neighbours in id order: the same graph gives the same paths in the same order.
    out = new Map([...out].sort((x, y) => cmp(x[0], y[0])));
    memo.set(node, out);
    return out;
  };
}

/** Hops from `target` to every node within `maxSteps` (breadth-first over the allowed relations). */
function distancesTo(target: string, neighbours: (n: string) => Adjacency, maxSteps: number): Map<string, number> {
  const dist = new Map([[target, 0]]);
  let frontier = [target];
  for (let d = 1; d <= maxSteps && frontier.length; d++) {
    const next: string[] = [];
    for (const n of frontier) for (const m of neighbours(n).keys()) if (!dist.has(m)) { dist.set(m, d); next.push(m); }
    frontier = next;
  }
  return dist;
}

/** Up to `limit` shortest simple paths from `source` to `target`, shortest first; [] when there is none. */
export function findPaths<E extends Attributes>(graph: WalkableGraph<E>, source: string, target: string, options: PathOptions<E> = {}): EntityPath[] {
  const limit = options.limit ?? 3;
  const maxSteps = options.maxSteps ?? 6;
  const neighbours = neighbourhoodOf(graph, options.allow ?? explicitOnly, options.relationsOf ?? ((a: E) => [String(a.type)]));
  if (!graph.hasNode(source) || !graph.hasNode(target) || source === target || limit < 1) return [];
  const dist = distancesTo(target, neighbours, maxSteps);
  const shortest = dist.get(source);
  if (shortest === undefined) return [];

  const found: string[][] = [];
  // A few candidates per length, so that equal-length paths can be ranked before `limit` of them are kept.
  const pool = limit * 4;
  let wanted = pool;
  let budget = options.budget ?? 200_000;
  const trail = [source];
  const onTrail = new Set(trail);
  // Simple paths of exactly `length` steps: a step is taken only if the target stays reachable in the steps left.
  const walk = (node: string, left: number): void => {
    for (const next of neighbours(node).keys()) {
      if (found.length >= wanted || --budget < 0) return;
      if (onTrail.has(next)) continue;
      if (next === target) { if (left === 1) found.push([...trail, next]); continue; }
      const d = dist.get(next);
      if (d === undefined || d > left - 1 || left - 1 < 1) continue;
      trail.push(next); onTrail.add(next);
      walk(next, left - 1);
      trail.pop(); onTrail.delete(next);
    }
  };
  const weight = (nodes: string[]) => nodes.slice(1, -1).reduce((sum, n) => sum + graph.degree(n), 0);
  const kept: string[][] = [];
  for (let length = shortest; length <= maxSteps && kept.length < limit && budget > 0; length++) {
    found.length = 0;
    wanted = pool;
    walk(source, length);
    const ranked = found.map((nodes, i) => ({ nodes, w: weight(nodes), i })).sort((a, b) => b.w - a.w || a.i - b.i);
    kept.push(...ranked.slice(0, limit - kept.length).map((r) => r.nodes));
  }

  return kept.map((nodes) => ({
    nodes,
    steps: nodes.slice(1).map((to, i) => ({ from: nodes[i], to, relations: neighbours(nodes[i]).get(to)! })),
  }));
}

/** Labels of relation types: a step reads with the label forwards and the inverse label backwards. */
export type RelationLabels = (type: string) => { label: string; inverseLabel: string } | undefined;

/** What a step says in its walking direction, e.g. "leads", "sanctioned by", "sanctions · listed on". */
export function stepLabel(step: PathStep, labels: RelationLabels): string {
  return step.relations.map((r) => {
    const spec = labels(r.type);
    return spec ? (r.forward ? spec.label : spec.inverseLabel) : r.type.replace(/_/g, ' ');
  }).join(' · ');
}

/** A path as one sentence: "Wilbur Ross — leads → US Department of Commerce — sanctions → Hikvision". */
export function pathSentence(path: EntityPath, titleOf: (node: string) => string, labels: RelationLabels): string {
  return path.steps.reduce((s, step) => `${s} — ${stepLabel(step, labels)} → ${titleOf(step.to)}`, titleOf(path.nodes[0]));
}
