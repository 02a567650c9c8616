// One interactive graph view (sigma v3 on a graphology graph): hover highlights a node's neighbours and shows its
// summary, a selection fades everything else, filters hide types and relations, and camera controls sit on top.
// Shared by the network page, entity neighbourhoods, article views and embed pages.
import Graph from 'graphology';
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
import { edgeActiveOn, LARGE_EDGES, MOVING_SCALE, relationActiveOn, type EdgeAttrs, type NodeAttrs, type Tables, type ViewGraph } from './view-graph.ts';
import { edgeAt, type Segments, visibleSegments } from './edge-hit.ts';
import { isMoving } from './is-moving.ts';

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
  /**
   * Big graphs: the graph comes without its `count` edges and `add` puts them in after the nodes' first frame is on
   * screen (building 50k edges in graphology and sigma takes about a second in a browser; the nodes alone much less).
   */
  lateEdges?: { count: number; add: () => void };
  /** The first frame's date (day number, time-filter.ts): relations not in force then fade; null or absent: all dates. */
  asOf?: number | null;
  /** The edge card's content (its relations and their evidence), shown on hover and pinned on click. */
  describeEdge?: (edge: string) => HTMLElement[] | Promise<HTMLElement[]>;
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
  /** Brings out some nodes and edges (a path) and fades the rest, like a selection; null ends it. */
  emphasize(items: { nodes: string[]; edges: string[] } | null): void;
  /** Marks one edge (thicker, labelled), e.g. while its row in a list has the focus; null unmarks. */
  markEdge(edge: string | null): void;
  kill(): void;
}

const typeLabel = (tables: Tables, kind: string) => tables.types.find((t) => t.id === kind)?.label ?? kind;

/** A relation without a source is drawn halfway to the background colour (with its own dash pattern). */
const lighterCache = new Map<string, string>();
function lighter(color: string, bg: string): string {
  const key = `${color}|${bg}`;
  let out = lighterCache.get(key);
  if (out === undefined) {
    const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
    const back = (bg.match(/[\d.]+/g) ?? ['255', '255', '255']).slice(0, 3).map(Number);
    const rgb = hex ? [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) : [119, 119, 119];
    out = `rgb(${rgb.map((c, i) => Math.round((c + back[i]) / 2)).join(', ')})`;
    lighterCache.set(key, out);
  }
  return out;
}


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
  const edgeCount = graph.size + (o.lateEdges?.count ?? 0);
  if (o.lateEdges && edgeCount <= LARGE_EDGES) o.lateEdges.add();
  const lateEdges = edgeCount > LARGE_EDGES ? o.lateEdges : undefined;
  let edgesDrawn = edgeCount <= LARGE_EDGES;
  let day: number | null = o.asOf ?? null;
  let emphasis: { nodes: Set<string>; edges: Set<string> } | null = null;
  let hoveredEdge: string | null = null;
  let markedEdge: string | null = null;

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
    if (emphasis) {
      if (emphasis.nodes.has(node)) { out.highlighted = true; out.forceLabel = true; }
      else { out.color = theme.faded; out.label = ''; out.forceLabel = false; }
    }
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
    if (a.unsourced) out.color = lighter(a.color, theme.bg);
    if (emphasis && !emphasis.edges.has(edge)) { out.color = theme.faded; out.label = null; }
    if (selected && !around(selected)) { out.color = theme.faded; out.label = null; }
    if (around(selected) || around(hovered)) { out.size = 2.4; out.label = label; out.forceLabel = true; }
    if (emphasis?.edges.has(edge) || edge === hoveredEdge || edge === markedEdge) { out.size = 3.2; out.label = label; out.forceLabel = true; out.zIndex = 1; }
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
    const marked = [...(emphasis?.edges ?? []), hoveredEdge, markedEdge].filter((e): e is string => e !== null && graph.hasEdge(e));
    const edges = [...new Set([...[selected, hovered].flatMap((n) => (n && graph.hasNode(n) ? graph.edges(n) : [])), ...marked])];
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
    nodeProgramClasses: nodePrograms<NodeAttrs>(edgeCount > LARGE_EDGES ? MOVING_SCALE : 1),
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
    hideEdgesOnMove: edgeCount > LARGE_EDGES,
    defaultDrawNodeHover: hoverDrawer<NodeAttrs, EdgeAttrs>(theme),
    defaultDrawNodeLabel: labels.nodeDrawer,
    defaultDrawEdgeLabel: labels.edgeDrawer,
    nodeReducer: nodeReducer as never,
    edgeReducer: edgeReducer as never,
  });

  labels.attach(sigma);
  // The helpers take sigma without its attribute types (its settings are invariant in them; they only use the
  // camera, the canvases and the events).
  const untyped = sigma as unknown as Sigma;
  hideIdleLayers(untyped, { edgeLabels: o.edgeLabels === 'always', highlighted: () => hovered !== null || selected !== null || emphasis !== null });

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
  // Edges: hover shows the evidence card, click pins it (its links can then be followed); Escape closes it.
  // The edge under the pointer is found by geometry (edge-hit.ts), not by sigma's edge picking pass.
  // The visible lines' ends are gathered again after what shows or where changes: a full refresh (filters, frame),
  // or nodes moving (the depth switch's animation). Hover and selection repaint without changing either.
  let segments: Segments | null = null;
  const stale = () => { segments = null; };
  sigma.on('afterProcess', stale);
  graph.on('nodeAttributesUpdated', stale);
  graph.on('eachNodeAttributesUpdated', stale);
  const edgeUnder = (x: number, y: number) => {
    if (!o.describeEdge || !edgesDrawn) return null;
    segments ??= visibleSegments(sigma, edgeHidden);
    return edgeAt(segments, sigma, x, y);
  };
  sigma.on('clickStage', ({ event }) => {
    const edge = edgeUnder(event.x, event.y);
    if (edge) { showEdgeCard(edge, event.x, event.y, true); return; }
    if (tooltip.pinned()) tooltip.hide();
    o.onClickStage?.();
  });
  let cardFor: string | null = null;
  const showEdgeCard = (edge: string, x: number, y: number, pinned: boolean) => {
    if (!o.describeEdge) return;
    cardFor = edge;
    const content = o.describeEdge(edge);
    const render = (parts: HTMLElement[]) => {
      if (cardFor !== edge) return;
      if (pinned) {
        const close = document.createElement('button');
        close.type = 'button';
        close.className = 'kg-tooltip-close';
        close.textContent = '×';
        close.setAttribute('aria-label', 'Close the sources');
        close.addEventListener('click', () => { tooltip.hide(); cardFor = null; surface.focus(); });
        parts = [close, ...parts];
      }
      tooltip.showCard(x, y, parts, pinned);
    };
    if (content instanceof Promise) {
      const wait = document.createElement('p');
      wait.className = 'kg-ev-pending';
      wait.textContent = 'Loading the sources…';
      render([wait]);
      void content.then(render);
    } else render(content);
  };
  const setHoveredEdge = (edge: string | null) => {
    const previous = hoveredEdge;
    hoveredEdge = edge;
    sigma.refresh({ partialGraph: { edges: [previous, edge].filter((e): e is string => e !== null && !edgeHidden(e)) }, skipIndexation: true });
  };
  const pointAt = (edge: string | null, x: number, y: number) => {
    if (edge === hoveredEdge) return;
    setHoveredEdge(edge);
    stage.classList.toggle('is-pointing', edge !== null);
    if (tooltip.pinned()) return;
    if (edge) showEdgeCard(edge, x, y, false);
    else { tooltip.hide(); cardFor = null; }
  };
  // One test per animation frame at most, and none while a node is hovered or the camera moves.
  let pending: { x: number; y: number } | null = null;
  const mouse = sigma.getMouseCaptor();
  mouse.on('mousemove', (e) => {
    if (!o.describeEdge) return;
    const first = pending === null;
    pending = { x: e.x, y: e.y };
    if (first) requestAnimationFrame(() => {
      const at = pending!;
      pending = null;
      if (hovered || isMoving(untyped)) { if (hoveredEdge) pointAt(null, at.x, at.y); return; }
      pointAt(edgeUnder(at.x, at.y), at.x, at.y);
    });
  });
  mouse.on('mouseleave', () => { pending = null; if (hoveredEdge) pointAt(null, 0, 0); });
  stage.addEventListener('keydown', (e) => { if (e.key === 'Escape' && tooltip.pinned()) { tooltip.hide(); cardFor = null; } });

  const controls = cameraControls(untyped, surface, o.onReset);
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
      if (lateEdges) {
        // Sigma would index each added edge and schedule a refresh for it: it watches another (empty) graph meanwhile,
        // and indexes them all at once when it gets this one back.
        sigma.setGraph(new Graph<NodeAttrs, EdgeAttrs>());
        lateEdges.add();
        edgeOrder = undefined;
        sigma.setGraph(graph);
      } else sigma.refresh();
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
    emphasize(items) {
      emphasis = items ? { nodes: new Set(items.nodes.filter((n) => graph.hasNode(n))), edges: new Set(items.edges.filter((e) => graph.hasEdge(e))) } : null;
      refreshVisible();
    },
    markEdge(edge) {
      const previous = markedEdge;
      markedEdge = edge && graph.hasEdge(edge) ? edge : null;
      sigma.refresh({ partialGraph: { edges: [previous, markedEdge].filter((e): e is string => e !== null && !edgeHidden(e)) }, skipIndexation: true });
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
    kill() { killed = true; unsubscribe(); graph.off('nodeAttributesUpdated', stale); graph.off('eachNodeAttributesUpdated', stale); sigma.kill(); },
  };
}
