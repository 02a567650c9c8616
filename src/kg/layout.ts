// Layout at build time: seeded random start, ForceAtlas2, noverlap; Louvain communities; sizes from degree.
// Browsers receive these positions and never compute the global layout.
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import random from 'graphology-layout/random.js';
import seedrandom from 'seedrandom';
import type { KnowledgeGraph } from './graph.ts';

/**
 * Iteration budgets shrink with size: quality where it is cheap, bounded time where it is not. An iteration
 * costs ~O(n log n + m) (Barnes-Hut), so a fixed count keeps the time per note about flat as graphs grow.
 * noverlap costs ~140 ms per iteration at 10k nodes and overflows a Set near 76k nodes: few passes, then none.
 */
function budget(order: number) {
  if (order <= 500) return { fa2: 600, noverlap: 300 };
  if (order <= SEEDED_ABOVE) return { fa2: 200, noverlap: 50 };
  if (order <= 20_000) return { fa2: 30, noverlap: 3 };
  return { fa2: 20, noverlap: 0 };
}

/** Above this many nodes the layout starts from communities instead of random positions (fewer iterations needed). */
const SEEDED_ABOVE = 2000;

const round = (v: number) => Math.round(v * 10) / 10;

/** `previous` (dev only): keep its positions and communities, so a saved edit costs no layout and nothing jumps. */
export function layoutGraph(graph: KnowledgeGraph, seed: number, previous?: KnowledgeGraph): void {
  if (graph.order === 0) return;
  const rng = seedrandom(String(seed));
  let maxDegree = 1;
  graph.forEachNode((_, a) => { if (a.degree > maxDegree) maxDegree = a.degree; });
  graph.forEachNode((node, a) => graph.setNodeAttribute(node, 'size', round(3 + 12 * Math.sqrt(a.degree / maxDegree))));
  if (previous && warmStart(graph, previous, rng)) return;

  const seeded = graph.order > SEEDED_ABOVE && graph.size > 0;
  if (seeded) {
    louvain.assign(graph, { rng, nodeCommunityAttribute: 'community', getEdgeWeight: null });
    seedFromCommunities(graph, rng);
  } else {
    random.assign(graph, { rng, scale: 100 * Math.sqrt(graph.order), center: 0 });
  }
  const { fa2, noverlap: nIter } = budget(graph.order);
  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: fa2,
      getEdgeWeight: null,
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: false, strongGravityMode: true, gravity: 0.05 },
    });
  }
  // Scale so that sizes and distances are comparable before removing overlaps.
  normalise(graph, 30 * Math.sqrt(graph.order));
  if (nIter > 0) noverlap.assign(graph, { maxIterations: nIter, settings: { margin: 2, ratio: 1.2 } });
  normalise(graph, 1000);

  if (graph.size > 0 && !seeded) louvain.assign(graph, { rng, nodeCommunityAttribute: 'community', getEdgeWeight: null });
}

/**
 * Large graphs: each Louvain community gets a disc (area ~ its size) on a sunflower spiral, its nodes scattered
 * in it. ForceAtlas2 then only refines, so 30 iterations look better than 80 from a random start (bench/README.md).
 */
function seedFromCommunities(graph: KnowledgeGraph, rng: () => number): void {
  const members = new Map<number, string[]>();
  graph.forEachNode((node, a) => {
    let list = members.get(a.community);
    if (!list) members.set(a.community, (list = []));
    list.push(node);
  });
  const communities = [...members].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  const golden = Math.PI * (3 - Math.sqrt(5));
  let placed = 0;
  communities.forEach(([, nodes], i) => {
    const r = 10 * Math.sqrt(placed + nodes.length / 2);
    const cx = r * Math.cos(i * golden), cy = r * Math.sin(i * golden);
    const radius = 5 * Math.sqrt(nodes.length);
    for (const node of nodes) {
      const angle = rng() * 2 * Math.PI, d = radius * Math.sqrt(rng());
      graph.mergeNodeAttributes(node, { x: cx + d * Math.cos(angle), y: cy + d * Math.sin(angle) });
    }
    placed += nodes.length;
  });
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

/**
 * Copies positions and communities of nodes that existed before; a new node goes next to its placed neighbours
 * (or near the centre). Declines (returns false) when too much changed for the old layout to stand.
 */
function warmStart(graph: KnowledgeGraph, previous: KnowledgeGraph, rng: () => number): boolean {
  let known = 0;
  graph.forEachNode((node) => { if (previous.hasNode(node)) known++; });
  if (known < graph.order * 0.9) return false;
  const fresh: string[] = [];
  graph.forEachNode((node) => {
    if (!previous.hasNode(node)) { fresh.push(node); return; }
    const p = previous.getNodeAttributes(node);
    graph.mergeNodeAttributes(node, { x: p.x, y: p.y, community: p.community });
  });
  for (const node of fresh) {
    let x = 0, y = 0, n = 0, community = 0;
    graph.forEachNeighbor(node, (other, a) => {
      if (!previous.hasNode(other)) return;
      x += a.x; y += a.y; n++; community = a.community;
    });
    const jitter = () => (rng() - 0.5) * 20;
    graph.mergeNodeAttributes(node, { x: round((n ? x / n : 0) + jitter()), y: round((n ? y / n : 0) + jitter()), community });
  }
  return true;
}
