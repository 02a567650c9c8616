// Radial layout for views around a focus: the focus in the centre, each further hop on the next ring, every node in
// the angular sector of the neighbour it was reached through (a radial tree), directions taken from the global layout.
// Deterministic and O(n log n): cheap enough to run for every entity's neighbourhood on large sites.
import type { KnowledgeGraph } from './graph.ts';
import type { GraphView } from './views.ts';

export type Positions = Map<string, { x: number; y: number }>;

const TAU = Math.PI * 2;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Focus of the layout: the view's focus, or its best-connected node. */
function centreNodes(graph: KnowledgeGraph, view: GraphView, adjacency: Map<string, Set<string>>): string[] {
  if (view.options.focus.length) return view.options.focus;
  const best = [...view.nodes].sort((a, b) => adjacency.get(b)!.size - adjacency.get(a)!.size || graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size') || cmp(a, b))[0];
  return best ? [best] : [];
}

export function radialPositions(graph: KnowledgeGraph, view: GraphView): Positions {
  const adjacency = new Map(view.nodes.map((n) => [n, new Set<string>()]));
  for (const e of view.edges) {
    const s = graph.source(e), t = graph.target(e);
    if (s !== t) { adjacency.get(s)?.add(t); adjacency.get(t)?.add(s); }
  }
  const centre = centreNodes(graph, view, adjacency);
  const g = (n: string) => ({ x: graph.getNodeAttribute(n, 'x'), y: graph.getNodeAttribute(n, 'y') });
  const origin = centre.reduce((acc, n) => ({ x: acc.x + g(n).x / centre.length, y: acc.y + g(n).y / centre.length }), { x: 0, y: 0 });
  // Each node's direction and size, read once: the sorts below compare them many times.
  const angleOf = new Map<string, number>();
  const globalAngle = (n: string) => {
    let a = angleOf.get(n);
    if (a === undefined) {
      const p = g(n);
      angleOf.set(n, (a = p.x === origin.x && p.y === origin.y ? 0 : Math.atan2(p.y - origin.y, p.x - origin.x)));
    }
    return a;
  };
  const sizeOf = new Map(view.nodes.map((n) => [n, graph.getNodeAttribute(n, 'size')]));

  // Breadth-first tree: each node's parent is its first-reached neighbour (hubs first, then by id: stable).
  const depth = new Map<string, number>(centre.map((n) => [n, 0]));
  const parent = new Map<string, string>();
  const children = new Map<string, string[]>(view.nodes.map((n) => [n, []]));
  let frontier = [...centre];
  while (frontier.length) {
    const next: string[] = [];
    for (const n of frontier) {
      const around = [...adjacency.get(n)!].filter((m) => !depth.has(m))
        .sort((a, b) => sizeOf.get(b)! - sizeOf.get(a)! || cmp(a, b));
      for (const m of around) {
        if (depth.has(m)) continue;
        depth.set(m, depth.get(n)! + 1);
        parent.set(m, n);
        children.get(n)!.push(m);
        next.push(m);
      }
    }
    frontier = next;
  }
  // Nodes the view lists but nothing connects to the focus: one more ring, outside.
  const maxDepth = Math.max(0, ...depth.values());
  const loose = view.nodes.filter((n) => !depth.has(n));
  for (const n of loose) depth.set(n, maxDepth + 1);

  // Angular sectors: each first-ring subtree gets room in proportion to its leaves, in the global layout's order.
  const weight = new Map<string, number>();
  const weigh = (n: string): number => {
    const w = Math.max(1, children.get(n)!.reduce((sum, c) => sum + weigh(c), 0));
    weight.set(n, w);
    return w;
  };
  const byAngle = (list: string[]) => [...list].sort((a, b) => globalAngle(a) - globalAngle(b) || cmp(a, b));
  const angle = new Map<string, number>();
  const assign = (list: string[], from: number, span: number) => {
    const total = list.reduce((sum, n) => sum + weight.get(n)!, 0) || 1;
    let at = from;
    for (const n of list) {
      const share = (span * weight.get(n)!) / total;
      angle.set(n, at + share / 2);
      assign(byAngle(children.get(n)!), at, share);
      at += share;
    }
  };
  const firstRing = [...new Set(centre.flatMap((c) => children.get(c)!))];
  firstRing.forEach(weigh);
  const ring1 = byAngle(firstRing);
  // Start where the first node's global direction points, so the picture keeps the global layout's orientation.
  const start = ring1.length ? globalAngle(ring1[0]) - (Math.PI * weight.get(ring1[0])!) / ring1.reduce((s, n) => s + weight.get(n)!, 0) : 0;
  assign(ring1, start, TAU);
  byAngle(loose).forEach((n, i) => angle.set(n, start + (TAU * (i + 0.5)) / loose.length));

  const out: Positions = new Map();
  centre.forEach((n, i) => {
    const a = centre.length > 1 ? (TAU * i) / centre.length : 0;
    const r = centre.length > 1 ? 0.35 : 0;
    out.set(n, { x: r * Math.cos(a), y: r * Math.sin(a) });
  });
  // Crowded rings alternate between two radii, so neighbouring labels and circles do not touch.
  const rings = new Map<number, string[]>();
  const centred = new Set(centre);
  for (const n of view.nodes) {
    if (centred.has(n)) continue;
    const d = depth.get(n)!;
    const ring = rings.get(d);
    if (ring) ring.push(n);
    else rings.set(d, [n]);
  }
  for (const [d, nodes] of rings) {
    const crowded = nodes.length > 14 * d;
    [...nodes].sort((a, b) => angle.get(a)! - angle.get(b)! || cmp(a, b)).forEach((n, i) => {
      const r = d + (crowded && i % 2 ? 0.3 : 0);
      out.set(n, { x: r * Math.cos(angle.get(n)!), y: r * Math.sin(angle.get(n)!) });
    });
  }
  return out;
}
