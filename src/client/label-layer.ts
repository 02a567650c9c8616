// Collision-free canvas labels for sigma. Sigma picks candidate labels (its label grid plus forced ones) and calls the
// node and edge label drawers for each; here the drawers only collect them, and after the frame they are drawn by
// priority (selection, neighbours of the hovered or selected node, focus, larger nodes, then edge labels), each at the
// first free spot around its node (right, left, above, below), skipped when it would overlap a label, a node, the
// controls, or leave the canvas. Labels get a halo in the background colour for contrast over edges.
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import type { EdgeLabelDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Theme } from './theme.ts';

interface Candidate {
  x: number;
  y: number;
  /** Radius of the node (0 for an edge label at its edge's midpoint). */
  size: number;
  label: string;
  priority: number;
  edge: boolean;
  bold: boolean;
}

export interface Box { x: number; y: number; w: number; h: number }

/** Above this many nodes, labels avoid each other but not every circle (keeps each frame cheap). */
const MAX_OBSTACLE_NODES = 1500;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export interface LabelLayer<N extends Attributes, E extends Attributes> {
  /** Sigma's label drawers (settings defaultDrawNodeLabel, defaultDrawEdgeLabel): given before sigma exists. */
  nodeDrawer: NodeLabelDrawingFunction<N, E>;
  edgeDrawer: EdgeLabelDrawingFunction<N, E>;
  /** Draws the collected labels after each of this sigma's frames (from its next render on). */
  attach(sigma: Sigma<N, E>): void;
  setTheme(theme: Theme): void;
}

/**
 * `edges`: when sigma's own edge-label pass is off (renderEdgeLabels: false), the edges whose labels are candidates.
 * Why: that pass tests every edge of the graph on every frame (57k at 10k notes, ~5 ms) to find the few labelled ones.
 */
export function labelLayer<N extends Attributes, E extends Attributes>(
  initial: Theme, fontSize: number, reserved: () => Box[] = () => [], edges?: () => Iterable<string>,
): LabelLayer<N, E> {
  let theme = initial;
  let frame: Candidate[] = [];
  const widths = new Map<string, number>();
  const edgeSize = fontSize - 2;
  const font = (c: Candidate) => (c.edge ? `italic 400 ${edgeSize}px ${theme.font}` : `${c.bold ? '600' : '400'} ${fontSize}px ${theme.font}`);

  const nodeDrawer: NodeLabelDrawingFunction<N, E> = (_ctx, data) => {
    if (!data.label) return;
    const d = data as typeof data & { focus?: boolean; highlighted?: boolean; forceLabel?: boolean };
    const priority = d.highlighted ? 5 : d.forceLabel && !d.focus ? 4 : d.focus ? 3 : 2;
    frame.push({ x: data.x, y: data.y, size: data.size, label: data.label, priority, edge: false, bold: !!(d.focus || d.highlighted) });
  };
  const edgeDrawer: EdgeLabelDrawingFunction<N, E> = (_ctx, data, source, target) => {
    if (!data.label || source.hidden || target.hidden) return;
    const forced = (data as typeof data & { forceLabel?: boolean }).forceLabel;
    frame.push({ x: (source.x + target.x) / 2, y: (source.y + target.y) / 2, size: 0, label: data.label, priority: forced ? 1 : 0, edge: true, bold: false });
  };

  const attach = (sigma: Sigma<N, E>) => {
    frame = [];
    sigma.on('beforeRender', () => { frame = []; });
    sigma.on('afterRender', () => {
      const ctx = sigma.getCanvases().labels?.getContext('2d');
      if (!ctx) return;
      const { width, height } = sigma.getDimensions();
      const placed: Box[] = [...reserved()];
      const graph = sigma.getGraph();
      for (const edge of edges?.() ?? []) {
        const [s, t] = graph.extremities(edge);
        const d = sigma.getEdgeDisplayData(edge), a = sigma.getNodeDisplayData(s), b = sigma.getNodeDisplayData(t);
        if (!d || !a || !b || d.hidden) continue;
        // Sigma hands its drawers viewport positions; the same here.
        const p = sigma.framedGraphToViewport(a), q = sigma.framedGraphToViewport(b);
        edgeDrawer(ctx, d as never, { ...a, ...p } as never, { ...b, ...q } as never, sigma.getSettings() as never);
      }
      // Circles of visible nodes are obstacles too (a label's halo must not cover a node).
      const circles: Array<Box & { cx: number; cy: number }> = [];
      if (graph.order <= MAX_OBSTACLE_NODES) {
        graph.forEachNode((key) => {
          const d = sigma.getNodeDisplayData(key);
          if (!d || d.hidden) return;
          const p = sigma.framedGraphToViewport(d);
          const r = sigma.scaleSize(d.size);
          circles.push({ cx: p.x, cy: p.y, x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });
        });
      }
      frame.sort((a, b) => b.priority - a.priority || b.size - a.size);
      ctx.lineJoin = 'round';
      for (const c of frame) {
        ctx.font = font(c);
        const key = `${ctx.font}|${c.label}`;
        let w = widths.get(key);
        if (w === undefined) widths.set(key, (w = ctx.measureText(c.label).width + 2));
        const size = c.edge ? edgeSize : fontSize;
        const h = size + 4;
        const gap = c.edge ? 1 : 4;
        const right: Box = { x: c.x + c.size + gap, y: c.y - h / 2, w, h };
        const left: Box = { x: c.x - c.size - gap - w, y: c.y - h / 2, w, h };
        const above: Box = { x: c.x - w / 2, y: c.y - c.size - gap - h, w, h };
        const below: Box = { x: c.x - w / 2, y: c.y + c.size + gap, w, h };
        const centre: Box = { x: c.x - w / 2, y: c.y - h / 2, w, h };
        const own = (o: { cx: number; cy: number }) => Math.abs(o.cx - c.x) < 0.5 && Math.abs(o.cy - c.y) < 0.5;
        const fits = (b: Box) => b.x >= 0 && b.x + b.w <= width && b.y >= 0 && b.y + b.h <= height
          && !placed.some((p) => overlaps(p, b)) && !circles.some((o) => !own(o) && overlaps(o, b));
        const spots = c.edge ? [centre, above, below] : [right, left, above, below];
        // Labels of the selection and of the hovered node's neighbours are always drawn; the rest only where they fit.
        const box = spots.find(fits) ?? (c.priority >= 4 ? (c.x > width / 2 ? left : right) : undefined);
        if (!box) continue;
        placed.push(box);
        const tx = box.x + 1, ty = box.y + h / 2 + size / 3;
        ctx.lineWidth = 4;
        ctx.strokeStyle = theme.bg;
        ctx.strokeText(c.label, tx, ty);
        ctx.fillStyle = c.edge ? theme.muted : theme.fg;
        ctx.fillText(c.label, tx, ty);
      }
    });
  };

  return { nodeDrawer, edgeDrawer, attach, setTheme(t) { theme = t; widths.clear(); } };
}
