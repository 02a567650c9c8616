// Layout at build time: seeded random start, ForceAtlas2, noverlap; Louvain communities; sizes from degree.
// Browsers receive these positions and never compute the global layout.
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import random from 'graphology-layout/random.js';
import seedrandom from 'seedrandom';
import type { KnowledgeGraph } from './graph.ts';

/** Iteration budgets shrink with size: quality where it is cheap, bounded time where it is not. */
function budget(order: number) {
  if (order <= 500) return { fa2: 600, noverlap: 300 };
  if (order <= 5000) return { fa2: 200, noverlap: 50 };
  return { fa2: 80, noverlap: 10 };
}

const round = (v: number) => Math.round(v * 10) / 10;

export function layoutGraph(graph: KnowledgeGraph, seed: number): void {
  if (graph.order === 0) return;
  const rng = seedrandom(String(seed));
  let maxDegree = 1;
  graph.forEachNode((_, a) => { if (a.degree > maxDegree) maxDegree = a.degree; });
  graph.forEachNode((node, a) => graph.setNodeAttribute(node, 'size', round(3 + 12 * Math.sqrt(a.degree / maxDegree))));

  random.assign(graph, { rng, scale: 100 * Math.sqrt(graph.order), center: 0 });
  const { fa2, noverlap: nIter } = budget(graph.order);
  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: fa2,
      getEdgeWeight: null,
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 2000, adjustSizes: false, strongGravityMode: true, gravity: 0.05 },
    });
  }
  // Scale so that sizes and distances are comparable before removing overlaps.
  normalise(graph, 30 * Math.sqrt(graph.order));
  noverlap.assign(graph, { maxIterations: nIter, settings: { margin: 2, ratio: 1.2 } });
  normalise(graph, 1000);

  if (graph.size > 0) louvain.assign(graph, { rng, nodeCommunityAttribute: 'community', getEdgeWeight: null });
}

/** Fits positions into [-extent/2, extent/2] keeping the aspect ratio, rounded so output bytes are stable. */
function normalise(graph: KnowledgeGraph, extent: number): void {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  graph.forEachNode((_, a) => {
    minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x); minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
  });
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: round(((a.x - cx) / span) * extent), y: round(((a.y - cy) / span) * extent) }));
}
