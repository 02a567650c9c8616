// The edge under the pointer by geometry (src/client/edge-hit.ts): nearest visible line within the tolerance, the
// later of two overlapping lines (drawn on top), hidden edges ignored, and fast enough at 10k-note sizes.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { edgeAt, visibleSegments } from '../../src/client/edge-hit.ts';

/** A stand-in for sigma: display positions are the nodes' x, y; the viewport is the graph scaled by `scale` px. */
function view(graph: Graph, scale = 100) {
  return {
    getGraph: () => graph,
    viewportToFramedGraph: (p: { x: number; y: number }) => ({ x: p.x / scale, y: p.y / scale }),
    getNodeDisplayData: (n: string) => graph.getNodeAttributes(n) as { x: number; y: number },
  } as unknown as Parameters<typeof edgeAt>[1];
}
const hit = (graph: Graph, x: number, y: number, hidden: (e: string) => boolean, scale = 100) => edgeAt(visibleSegments(view(graph, scale), hidden), view(graph, scale), x, y);

describe('edgeAt', () => {
  const g = new Graph({ type: 'directed' });
  g.addNode('a', { x: 0, y: 0 }); g.addNode('b', { x: 4, y: 0 }); g.addNode('c', { x: 0, y: 4 }); g.addNode('d', { x: 8, y: 0 });
  g.addEdgeWithKey('ab', 'a', 'b'); g.addEdgeWithKey('ac', 'a', 'c'); g.addEdgeWithKey('ad', 'a', 'd');
  const none = () => false;

  it('finds the nearest line within the tolerance, none elsewhere', () => {
    expect(hit(g, 3, 203, none)).toBe('ac');
    expect(hit(g, 9, 220, none)).toBeNull();
    expect(hit(g, 700, 3, none)).toBe('ad');
    // Beyond a segment's end it does not count.
    expect(hit(g, 900, 0, none)).toBeNull();
  });

  it('prefers the later of two overlapping lines (drawn on top) and skips hidden edges', () => {
    expect(hit(g, 200, 1, none)).toBe('ad');
    expect(hit(g, 200, 1, (e) => e === 'ad')).toBe('ab');
    expect(hit(g, 200, 1, () => true)).toBeNull();
  });

  it('scans 57,000 lines in well under a frame (the ends are gathered once per render)', () => {
    const big = new Graph({ type: 'directed' });
    for (let i = 0; i < 10_000; i++) big.addNode(String(i), { x: (i * 7919) % 1000, y: (i * 104729) % 1000 });
    for (let i = 0; big.size < 57_000; i++) big.mergeEdge(String(i % 10_000), String((i * 31 + 7 + Math.floor(i / 10_000) * 13) % 10_000));
    const v = view(big, 1);
    const t0 = performance.now();
    const segments = visibleSegments(v, none);
    const gather = performance.now() - t0;
    const t1 = performance.now();
    for (let k = 0; k < 20; k++) edgeAt(segments, v, 500 + k, 500);
    const each = (performance.now() - t1) / 20;
    console.log(`57k edges: gathering the lines ${gather.toFixed(1)} ms once per render, ${each.toFixed(2)} ms per pointer move`);
    expect(each).toBeLessThan(16);
  });
});
