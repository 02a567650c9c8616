// One interactive graph view (sigma v3 on a graphology graph): hover highlights a node's neighbours and shows its
// summary, a selection fades everything else, filters hide types and relations, and camera controls sit on top.
// Shared by the network page, entity neighbourhoods, article views and embed pages.
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { cameraControls, type CameraControls, motion } from './camera-controls.ts';
import { hoverDrawer } from './draw-hover.ts';
import { hideIdleLayers } from './idle-layers.ts';
import { labelLayer } from './label-layer.ts';
import { edgePrograms } from './edge-programs.ts';
import { nodePrograms } from './node-programs.ts';
import { SKIP } from './skip-program.ts';
import { onSchemeChange, readTheme, type Theme } from './theme.ts';
import { createTooltip } from './tooltip.ts';
import { edgeActiveOn, relationActiveOn, type EdgeAttrs, type NodeAttrs, type Tables, type ViewGraph } from './view-graph.ts';

export interface SigmaViewOptions {
  /** Accessible name of the canvas. */
  label: string;
  tables: Tables;
  /** Small views label every edge; the network labels edges only around the hovered or selected node. */
  edgeLabels: 'always' | 'around';
  /** Small views try to label every node; the network lets sigma's label grid choose (hubs first). */
  labelAll: boolean;
  onClickNode?: (node: string) => void;
  onClickStage?: () => void;
  /** Summary shown on hover (the network loads summaries after its first frame). */
  summaryOf?: (node: string) => string | undefined;
  /** Line under the hover card, e.g. "Click to open its page". */
  hoverHint?: string;
  /** Page scrolls on one-finger touch and on the wheel (views inside articles); zoom with two fingers, ctrl+wheel, buttons. */
  scrollFriendly?: boolean;
  onReset?: () => void;
  /** Filters of the first frame (the same as a setFilter call right after, without its extra frame). */
  filter?: { hiddenNode(node: string, attrs: NodeAttrs): boolean; hiddenRelation(rel: string): boolean };
  /** Called once the edges are drawn too (big graphs draw their nodes first, edges in a later frame). */
  onEdges?: () => void;
  /** The first frame's date (day number, time-filter.ts): relations not in force then fade; null or absent: all dates. */
  asOf?: number | null;
}

export interface SigmaView {
  sigma: Sigma<NodeAttrs, EdgeAttrs>;
  graph: ViewGraph;
  controls: CameraControls;
  surface: HTMLElement;
  selected(): string | null;
  select(node: string | null): void;
  /** Hide nodes (and their edges) for which `hidden` says so, and edges whose every relation is hidden. */
  setFilter(hiddenNode: (node: string, attrs: NodeAttrs) => boolean, hiddenRelation: (rel: string) => boolean): void;
  /** The graph as it stood on a day (null: every relation): relations not in force fade, and entities left without any. */
  setAsOf(day: number | null): void;
  asOf(): number | null;
  /** Camera to a node, keeping the current zoom unless it is wider than `ratio`. */
  flyTo(node: string, ratio?: number): void;
  kill(): void;
}

const typeLabel = (tables: Tables, kind: string) => tables.types.find((t) => t.id === kind)?.label ?? kind;

/**
 * Level of detail above this many edges: edges are hidden while the camera moves, and the first frame shows the nodes
 * alone, the edges one frame later (software GL at 10k nodes, 18k shown edges: a frame ~50 ms without edges, ~200 ms
 * with them; bench/README.md).
 */
const LARGE_EDGES = 5000;

/** Keeps one-finger touches and plain wheel turns for the page (scrolling past a view must not get stuck in it). */
function guardScrolling(stage: HTMLElement): void {
  let guarding = false;
  const stop = (e: TouchEvent) => { if (guarding) e.stopPropagation(); };
  stage.addEventListener('touchstart', (e) => { guarding = e.touches.length === 1; stop(e); }, { capture: true });
  stage.addEventListener('touchmove', stop, { capture: true });
  stage.addEventListener('touchend', (e) => { stop(e); if (e.touches.length === 0) guarding = false; }, { capture: true });
  stage.addEventListener('wheel', (e) => { if (!e.ctrlKey && document.activeElement !== stage.querySelector('.kg-surface')) e.stopPropagation(); }, { capture: true });
}

export function createSigmaView(stage: HTMLElement, graph: ViewGraph, o: SigmaViewOptions): SigmaView {
  stage.classList.add('kg-stage');
  const surface = document.createElement('div');
  surface.className = 'kg-surface';
  surface.tabIndex = 0;
  surface.setAttribute('role', 'application');
  surface.setAttribute('aria-roledescription', 'graph');
  surface.setAttribute('aria-label', `${o.label}. Keys: plus and minus zoom, arrows pan, 0 resets.`);
  stage.replaceChildren(surface);
  if (o.scrollFriendly) guardScrolling(stage);

  let theme: Theme = readTheme(stage);
  let hovered: string | null = null;
  let selected: string | null = null;
  let hideNode: (node: string, attrs: NodeAttrs) => boolean = o.filter?.hiddenNode ?? (() => false);
  let hideRel: (rel: string) => boolean = o.filter?.hiddenRelation ?? (() => false);
  let edgesDrawn = graph.size <= LARGE_EDGES;
  let day: number | null = o.asOf ?? null;

  const isHidden = (node: string) => hideNode(node, graph.getNodeAttributes(node));
  const edgeHidden = (edge: string) => {
    if (!edgesDrawn) return true;
    const [s, t] = graph.extremities(edge);
    return graph.getEdgeAttribute(edge, 'rels').every(hideRel) || isHidden(s) || isHidden(t);
  };
  // As of a date: a shown line fades when none of its shown relations is in force; an entity when all its shown lines do.
  const edgeOutOfTime = (edge: string) => day !== null && !edgeActiveOn(graph.getEdgeAttributes(edge), day, hideRel);
  const nodeOutOfTime = (node: string) => {
    if (day === null) return false;
    let shown = false;
    const live = graph.someEdge(node, (edge) => {
      if (edgeHidden(edge)) return false;
      shown = true;
      return !edgeOutOfTime(edge);
    });
    return shown && !live;
  };
  const nodeReducer = (node: string, a: NodeAttrs): Partial<NodeDisplayData> & Partial<NodeAttrs> => {
    const out: Partial<NodeDisplayData> & Partial<NodeAttrs> = { ...a };
    if (isHidden(node)) return { ...out, hidden: true, type: SKIP };
    if (a.focus) out.forceLabel = true;
    if (selected) {
      if (node === selected) { out.highlighted = true; out.forceLabel = true; }
      else if (graph.areNeighbors(node, selected)) out.forceLabel = true;
      else { out.color = theme.faded; out.label = ''; out.forceLabel = false; }
    }
    if (hovered) {
      if (node === hovered) out.highlighted = true;
      else if (graph.areNeighbors(node, hovered)) { out.forceLabel = true; if (!out.label) out.label = a.label; }
    }
    if (node !== hovered && node !== selected && nodeOutOfTime(node)) { out.color = theme.faded; out.label = ''; out.forceLabel = false; }
    return out;
  };
  const edgeReducer = (edge: string, a: EdgeAttrs): Partial<EdgeDisplayData> => {
    const [s, t] = graph.extremities(edge);
    // Nothing reads a hidden edge's other attributes (at 10k notes two thirds of the edges: no copies of them).
    if (edgeHidden(edge)) return { hidden: true, label: null, type: SKIP };
    const around = (n: string | null) => n !== null && (s === n || t === n);
    if (edgeOutOfTime(edge)) return { ...a, color: theme.faded, label: null };
    const label = a.relLabels.filter((_, i) => !hideRel(a.rels[i]) && relationActiveOn(a, a.rels[i], day)).join(' · ');
    const out: Partial<EdgeDisplayData> = { ...a, label: o.edgeLabels === 'always' ? label : null };
    if (selected && !around(selected)) { out.color = theme.faded; out.label = null; }
    if (around(selected) || around(hovered)) { out.size = 2.4; out.label = label; out.forceLabel = true; }
    return out;
  };

  // Labels keep clear of the zoom buttons, which float over the canvas.
  let controlsBox: HTMLElement | undefined;
  const reserved = () => {
    if (!controlsBox) return [];
    const s = stage.getBoundingClientRect(), c = controlsBox.getBoundingClientRect();
    return [{ x: c.left - s.left - 4, y: c.top - s.top - 4, w: c.width + 8, h: c.height + 8 }];
  };
  // In graph order, as sigma's own pass would list them (where two labels collide, the first one placed stays).
  let edgeOrder: Map<string, number> | undefined;
  const aroundEdges = () => {
    const edges = [...new Set([selected, hovered].flatMap((n) => (n && graph.hasNode(n) ? graph.edges(n) : [])))];
    if (edges.length < 2) return edges;
    const order = edgeOrder ??= new Map(graph.edges().map((e, i) => [e, i]));
    return edges.sort((a, b) => order.get(a)! - order.get(b)!);
  };
  const labels = labelLayer<NodeAttrs, EdgeAttrs>(theme, 13, reserved, o.edgeLabels === 'around' ? aroundEdges : undefined);

  const sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, surface, {
    allowInvalidContainer: true,
    // Small views label every edge through sigma's pass; the network labels only the edges around the hovered or
    // selected node, which the label layer asks for directly (sigma's pass would test every edge on every frame).
    renderEdgeLabels: o.edgeLabels === 'always',
    defaultEdgeType: 'arrow',
    nodeProgramClasses: nodePrograms<NodeAttrs>(),
    edgeProgramClasses: edgePrograms<EdgeAttrs>(),
    labelFont: theme.font,
    labelSize: 13,
    labelColor: { color: theme.fg },
    edgeLabelFont: theme.font,
    edgeLabelSize: 11,
    edgeLabelColor: { color: theme.muted },
    // Sigma's label grid proposes candidates (all of them in small views); label-layer.ts keeps them from colliding.
    labelRenderedSizeThreshold: o.labelAll ? 0 : 4,
    labelDensity: o.labelAll ? 10 : 1,
    labelGridCellSize: o.labelAll ? 10 : 80,
    stagePadding: 36,
    minCameraRatio: 0.05,
    maxCameraRatio: 3,
    zIndex: false,
    hideEdgesOnMove: graph.size > LARGE_EDGES,
    defaultDrawNodeHover: hoverDrawer<NodeAttrs, EdgeAttrs>(theme),
    defaultDrawNodeLabel: labels.nodeDrawer,
    defaultDrawEdgeLabel: labels.edgeDrawer,
    nodeReducer: nodeReducer as never,
    edgeReducer: edgeReducer as never,
  });

  labels.attach(sigma);
  hideIdleLayers(sigma, { edgeLabels: o.edgeLabels === 'always', highlighted: () => hovered !== null || selected !== null });

  // Hover touches only the hovered node's neighbourhood: a partial refresh, no reducer pass over the whole graph.
  // (Partial refreshes may only repaint items that were visible at the last full refresh: hidden ones are left out.)
  const around = (node: string | null) => (node && graph.hasNode(node) && !isHidden(node)
    ? { nodes: [node, ...graph.neighbors(node).filter((n) => !isHidden(n))], edges: graph.edges(node).filter((e) => !edgeHidden(e)) }
    : { nodes: [], edges: [] });
  const refreshAround = (...nodes: Array<string | null>) => {
    const parts = nodes.map(around);
    sigma.refresh({ partialGraph: { nodes: [...new Set(parts.flatMap((p) => p.nodes))], edges: [...new Set(parts.flatMap((p) => p.edges))] }, skipIndexation: true });
  };
  // A selection changes every visible item's look: one reducer pass over them, without re-indexing positions.
  const refreshVisible = () => sigma.refresh({
    partialGraph: { nodes: graph.filterNodes((n) => !isHidden(n)), edges: graph.filterEdges((e) => !edgeHidden(e)) }, skipIndexation: true,
  });

  // Sigma's input canvas says `touch-action: none`; scroll-friendly views let the page scroll under one finger.
  if (o.scrollFriendly) { const input = sigma.getCanvases().mouse; if (input) input.style.touchAction = 'pan-x pan-y'; }

  const tooltip = createTooltip(stage);
  sigma.on('enterNode', ({ node }) => {
    const previous = hovered;
    hovered = node;
    refreshAround(previous, node);
    stage.classList.add('is-pointing');
    const a = graph.getNodeAttributes(node);
    const at = sigma.framedGraphToViewport(sigma.getNodeDisplayData(node)!);
    tooltip.show(at.x, at.y, a.title, typeLabel(o.tables, a.kind), o.summaryOf?.(node) ?? a.summary, o.hoverHint);
  });
  sigma.on('leaveNode', () => {
    const previous = hovered;
    hovered = null;
    refreshAround(previous);
    stage.classList.remove('is-pointing');
    tooltip.hide();
  });
  sigma.on('clickNode', ({ node }) => o.onClickNode?.(node));
  sigma.on('clickStage', () => o.onClickStage?.());

  const controls = cameraControls(sigma, surface, o.onReset);
  stage.append(controls.element);
  controlsBox = controls.element;
  // Sigma drew its first frame while it was being built, before the label layer was attached: once more, without
  // re-indexing anything (an empty partial refresh is a plain synchronous render).
  sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
  let killed = false;
  if (!edgesDrawn) {
    // Two animation frames: the nodes' frame is on screen before the edges' work starts.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (killed) return;
      edgesDrawn = true;
      sigma.refresh();
      o.onEdges?.();
    }));
  }

  // Theme changes (system light/dark) redraw with the new colours.
  const unsubscribe = onSchemeChange(() => requestAnimationFrame(() => {
    theme = readTheme(stage);
    labels.setTheme(theme);
    sigma.setSettings({ labelColor: { color: theme.fg }, edgeLabelColor: { color: theme.muted }, defaultDrawNodeHover: hoverDrawer<NodeAttrs, EdgeAttrs>(theme) });
    sigma.refresh();
  }));

  return {
    sigma, graph, controls, surface,
    selected: () => selected,
    select(node) {
      selected = node && graph.hasNode(node) && !isHidden(node) ? node : null;
      refreshVisible();
    },
    setFilter(nodeTest, relTest) {
      hideNode = nodeTest;
      hideRel = relTest;
      // What shows changes: a full refresh re-indexes visible items (and sigma's label grid).
      sigma.refresh();
    },
    asOf: () => day,
    setAsOf(next) {
      if (next === day) return;
      const before = day;
      // Only the lines whose state changes, and their ends, are drawn again (a partial refresh, no re-indexing).
      const changed = graph.filterEdges((e, a) => !edgeHidden(e) && edgeActiveOn(a, before, hideRel) !== edgeActiveOn(a, next, hideRel));
      day = next;
      const nodes = new Set(changed.flatMap((e) => graph.extremities(e)));
      sigma.refresh({ partialGraph: { nodes: [...nodes].filter((n) => !isHidden(n)), edges: changed }, skipIndexation: true });
    },
    flyTo(node, ratio = 0.5) {
      const d = sigma.getNodeDisplayData(node);
      if (!d) return;
      const camera = sigma.getCamera();
      camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.getState().ratio, ratio) }, { duration: motion(400) });
    },
    kill() { killed = true; unsubscribe(); sigma.kill(); },
  };
}
