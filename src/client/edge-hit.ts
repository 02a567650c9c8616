// The edge under the pointer, found by geometry: the nearest visible line within a few pixels of it.
// Why not sigma's edge events (enableEdgeEvents): they draw every edge a second time into a picking image on every
// frame at rest; at 10k notes in software WebGL a full frame went from ~210 to ~290 ms, on every hover and selection.
// Here the visible lines' ends (sigma's framed graph coordinates, which camera moves do not change) are gathered once
// after each render that needs them, and each pointer move scans that flat array.
import type Sigma from 'sigma';

type View = Pick<Sigma, 'getGraph' | 'viewportToFramedGraph' | 'getNodeDisplayData'>;

/** The visible edges and their ends: x1, y1, x2, y2 per edge. */
export interface Segments { edges: string[]; xy: Float64Array }

export function visibleSegments(sigma: View, hidden: (edge: string) => boolean): Segments {
  const edges: string[] = [];
  const xy: number[] = [];
  sigma.getGraph().forEachEdge((edge, _a, source, target) => {
    if (hidden(edge)) return;
    const s = sigma.getNodeDisplayData(source), t = sigma.getNodeDisplayData(target);
    if (!s || !t) return;
    edges.push(edge);
    xy.push(s.x, s.y, t.x, t.y);
  });
  return { edges, xy: Float64Array.from(xy) };
}

/** The edge within `tolerance` pixels of viewport point (x, y), nearest first; within half a pixel the later edge wins (sigma draws it on top). */
export function edgeAt(segments: Segments, sigma: View, x: number, y: number, tolerance = 5): string | null {
  const p = sigma.viewportToFramedGraph({ x, y });
  const q = sigma.viewportToFramedGraph({ x: x + tolerance, y });
  const reach = Math.hypot(q.x - p.x, q.y - p.y);
  const tie = reach / tolerance / 2;
  const { xy } = segments;
  let best = -1;
  let bestDistance = reach;
  for (let i = 0, k = 0; k < xy.length; i++, k += 4) {
    const x1 = xy[k], y1 = xy[k + 1], x2 = xy[k + 2], y2 = xy[k + 3];
    // Quick reject: the pointer is outside the segment's box grown by the reach.
    if (p.x < Math.min(x1, x2) - reach || p.x > Math.max(x1, x2) + reach || p.y < Math.min(y1, y2) - reach || p.y > Math.max(y1, y2) + reach) continue;
    const dx = x2 - x1, dy = y2 - y1;
    const len2 = dx * dx + dy * dy;
    const u = len2 ? Math.max(0, Math.min(1, ((p.x - x1) * dx + (p.y - y1) * dy) / len2)) : 0;
    const d = Math.hypot(p.x - (x1 + u * dx), p.y - (y1 + u * dy));
    if (d <= bestDistance + tie && d <= reach) { bestDistance = d; best = i; }
  }
  return best < 0 ? null : segments.edges[best];
}
