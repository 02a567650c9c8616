// Positions of a graph view's nodes: the global layout's, or a seeded layout of the subgraph alone.
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import random from 'graphology-layout/random.js';
import seedrandom from 'seedrandom';
import type { KnowledgeGraph } from './graph.ts';
import type { GraphView } from './views.ts';

export type Positions = Map<string, { x: number; y: number }>;

export function viewPositions(graph: KnowledgeGraph, view: GraphView, seed: number): Positions {
  const out: Positions = new Map();
  if (view.options.layout === 'global') {
    for (const n of view.nodes) out.set(n, { x: graph.getNodeAttribute(n, 'x'), y: graph.getNodeAttribute(n, 'y') });
    return out;
  }
  const sub = new MultiDirectedGraph<{ x: number; y: number; size: number }>();
  for (const n of view.nodes) sub.addNode(n, { x: 0, y: 0, size: graph.getNodeAttribute(n, 'size') });
  for (const e of view.edges) sub.addEdge(graph.source(e), graph.target(e));
  random.assign(sub, { rng: seedrandom(`${seed}:${view.id}`), scale: 100, center: 0 });
  forceAtlas2.assign(sub, { iterations: 300, settings: { ...forceAtlas2.inferSettings(sub), strongGravityMode: true, gravity: 0.2 } });
  noverlap.assign(sub, { maxIterations: 200, settings: { margin: 6 } });
  sub.forEachNode((n, a) => out.set(n, { x: Math.round(a.x * 10) / 10, y: Math.round(a.y * 10) / 10 }));
  return out;
}
