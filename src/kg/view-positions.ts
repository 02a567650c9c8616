// Positions of a graph view's nodes: the global layout's (spread apart where they overlap), or a seeded layout of the
// subgraph alone. Static SVGs and interactive views use the same positions, so upgrading a figure does not move anything.
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import random from 'graphology-layout/random.js';
import seedrandom from 'seedrandom';
import type { KnowledgeGraph } from './graph.ts';
import { radialPositions } from './view-radial.ts';
import type { GraphView } from './views.ts';
import { sharedWeakMap } from './shared-memo.ts';

export type Positions = Map<string, { x: number; y: number }>;

/** Views are laid out in a box of this extent; node sizes (3..15) are comparable to it. */
const EXTENT = 200;
const round = (v: number) => Math.round(v * 10) / 10;

// A page, its embed and its JSON all ask for the same view's positions: compute each once per graph.
const cache = sharedWeakMap<KnowledgeGraph, Map<string, Positions>>('view-positions');

export function viewPositions(graph: KnowledgeGraph, view: GraphView, seed: number): Positions {
  // Within one graph a view's id, depth and sizes name its nodes: a neighbourhood's first ring keeps the
  // neighbourhood's id but has fewer nodes, or the same ones.
  const key = `${view.id}|${view.options.layout}|${view.options.depth}|${seed}|${view.nodes.length}|${view.edges.length}`;
  let perGraph = cache.get(graph);
  if (!perGraph) cache.set(graph, (perGraph = new Map()));
  let out = perGraph.get(key);
  if (!out) perGraph.set(key, (out = computePositions(graph, view, seed)));
  return out;
}

function computePositions(graph: KnowledgeGraph, view: GraphView, seed: number): Positions {
  if (view.options.layout === 'radial') return roundAll(radialPositions(graph, view));
  const sub = new MultiDirectedGraph<{ x: number; y: number; size: number }>();
  for (const n of view.nodes) sub.addNode(n, { x: graph.getNodeAttribute(n, 'x'), y: graph.getNodeAttribute(n, 'y'), size: graph.getNodeAttribute(n, 'size') });
  for (const e of view.edges) sub.addEdge(graph.source(e), graph.target(e));
  if (view.options.layout === 'local' && sub.order > 2) {
    random.assign(sub, { rng: seedrandom(`${seed}:${view.id}:${sub.order}`), scale: EXTENT, center: 0 });
    forceAtlas2.assign(sub, {
      iterations: 300,
      getEdgeWeight: null,
      settings: { ...forceAtlas2.inferSettings(sub), strongGravityMode: true, gravity: 0.4, scalingRatio: 8, linLogMode: true },
    });
  }
  // Global positions of a few nodes can sit on top of each other: normalise, then push overlapping nodes apart.
  normalise(sub);
  noverlap.assign(sub, { maxIterations: 120, settings: { margin: 14, ratio: 1.4 } });
  normalise(sub);
  const out: Positions = new Map();
  for (const n of view.nodes) out.set(n, { x: round(sub.getNodeAttribute(n, 'x')), y: round(sub.getNodeAttribute(n, 'y')) });
  return out;
}

const roundAll = (p: Positions): Positions => new Map([...p].map(([n, { x, y }]) => [n, { x: round(x * EXTENT / 4), y: round(y * EXTENT / 4) }]));

/** Fits positions into [-EXTENT/2, EXTENT/2] keeping the aspect ratio. */
function normalise(sub: MultiDirectedGraph<{ x: number; y: number; size: number }>): void {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  sub.forEachNode((_, a) => { minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x); minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y); });
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  sub.updateEachNodeAttributes((_, a) => ({ ...a, x: ((a.x - cx) / span) * EXTENT, y: ((a.y - cy) / span) * EXTENT }));
}
