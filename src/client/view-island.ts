// Upgrades one static view figure (article view, entity neighbourhood, featured network, embed) to a sigma view:
// loads only that view's data, replaces the static SVG in place, and opens an entity's page on click.
import { animateNodes } from 'sigma/utils';
import type { CompactGraph } from '../kg/exports/graph-json.ts';
import type { ViewData } from '../kg/exports/view-json.ts';
import { motion } from './camera-controls.ts';
import { edgeDescriber, evidenceStore } from './edge-evidence.ts';
import { entityUrl, openPage } from './open-entity.ts';
import { createSigmaView, type SigmaView } from './sigma-view.ts';
import { addViewEdges, LARGE_EDGES, toViewGraph, type ViewGraph } from './view-graph.ts';
import { asOfDay } from '../kg/time-filter.ts';
import { createTimeControl } from './time-control.ts';

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const SVG_WIDTH = 800;
/** Views with at most this many edges label every edge (like their static SVG). */
const LABEL_ALL_EDGES = 16;
const networkHidden = (rel: string) => rel === 'mentions' || rel === 'cites';

export const dataUrl = (id: string) => (id === 'network' ? `${BASE}graph.json` : `${BASE}views/${encodeURIComponent(id)}.json`);

async function load(id: string): Promise<CompactGraph | ViewData> {
  const res = await fetch(dataUrl(id));
  if (!res.ok) throw new Error(`${dataUrl(id)}: HTTP ${res.status}`);
  return res.json();
}

/** Local graphs start at depth 1: the depth-1 layout, nodes two hops away hidden. */
function depthSwitch(view: SigmaView, graph: ViewGraph, controls: HTMLElement): void {
  const positions = (depth: number) => {
    const out: Record<string, { x: number; y: number }> = {};
    graph.forEachNode((n, a) => {
      const d1 = a.x1 !== null && a.x1 !== undefined && a.y1 !== null && a.y1 !== undefined;
      out[n] = depth === 1 && d1 ? { x: a.x1!, y: a.y1! } : { x: a.x2 ?? a.x, y: a.y2 ?? a.y };
    });
    return out;
  };
  graph.forEachNode((n, a) => graph.mergeNodeAttributes(n, { x2: a.x, y2: a.y }));
  const buttons = [...controls.querySelectorAll<HTMLButtonElement>('button[data-depth]')];
  let cancel: (() => void) | undefined;
  const apply = (depth: number, animate: boolean) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(Number(b.dataset.depth) === depth));
    const target = positions(depth);
    const visible = (n: string) => depth === 2 || (graph.getNodeAttribute(n, 'distance') ?? 0) <= 1;
    // Frame the nodes that will show, so depth 1 fills the view instead of sitting inside depth 2's frame.
    const xs = graph.filterNodes(visible).map((n) => target[n]);
    view.sigma.setCustomBBox({ x: [Math.min(...xs.map((p) => p.x)), Math.max(...xs.map((p) => p.x))], y: [Math.min(...xs.map((p) => p.y)), Math.max(...xs.map((p) => p.y))] });
    view.setFilter((n) => !visible(n), () => false);
    cancel?.();
    if (animate && motion(350)) cancel = animateNodes(graph, target, { duration: motion(350) });
    else graph.forEachNode((n) => graph.mergeNodeAttributes(n, target[n]));
    view.sigma.getCamera().animatedReset({ duration: animate ? motion(350) : 0 });
  };
  for (const b of buttons) b.addEventListener('click', () => apply(Number(b.dataset.depth), true));
  controls.hidden = false;
  apply(1, false);
}

/** `asof`: the date to show first, over the view's own (an embed's `#asof=` in its address). */
export async function mountView(figure: HTMLElement, o: { asof?: string } = {}): Promise<SigmaView | undefined> {
  const id = figure.dataset.view;
  const canvas = figure.querySelector<HTMLElement>('.kg-view-canvas');
  if (!id || !canvas || figure.dataset.live) return undefined;
  figure.dataset.live = 'loading';
  try {
    const data = await load(id);
    // A big view (the whole network, embedded) draws its nodes first; the edges and what needs them come after.
    const edges = data.edges.source.length;
    const late = edges > LARGE_EDGES;
    const { graph, tables } = toViewGraph(data, undefined, { edges: !late });
    // Evidence files are fetched on the first edge hover; a view file gives its edges' indices in graph.json.
    const gid = (data.edges as { gid?: number[] }).gid;
    const evidence = evidenceStore(BASE, data.edges.type, id === 'network' ? (i) => i : (i) => gid?.[i]);
    const width = Number(figure.dataset.width) || SVG_WIDTH;
    const height = Number(figure.dataset.height) || 420;
    const embedded = document.documentElement.classList.contains('kg-embed-page');
    const asof = o.asof ?? ('asof' in data ? data.asof : undefined);
    // Same box as the static SVG it replaces: no layout shift when the view comes alive (embeds fill their frame).
    if (!embedded) canvas.style.aspectRatio = `${width} / ${height}`;
    const view = createSigmaView(canvas, graph, {
      label: figure.querySelector('.kg-view-caption')?.textContent?.trim() || ('title' in data ? data.title : 'Graph'),
      tables,
      edgeLabels: edges <= LABEL_ALL_EDGES ? 'always' : 'around',
      labelAll: graph.order <= 80,
      hoverHint: 'Click to open its page',
      onClickNode: (node) => openPage(entityUrl(BASE, node)),
      describeEdge: edgeDescriber(graph, tables, evidence, BASE, id === 'network' ? (rel) => !networkHidden(rel) : undefined),
      scrollFriendly: !embedded,
      // The whole network: body links and citations would bury the relations (as on the network page, by default).
      filter: id === 'network' ? { hiddenNode: () => false, hiddenRelation: networkHidden } : undefined,
      asOf: asof ? asOfDay(asof) ?? null : null,
      lateEdges: late ? { count: edges, add: () => addViewEdges(graph, data) } : undefined,
      onEdges: late ? () => interact(view) : undefined,
    });
    // For tests and the console: the live view, without reaching into module scope.
    Object.defineProperty(figure, 'kgView', { value: view, configurable: true });
    if (!late) interact(view);
    return view;

    /** What needs the edges: the time control and the depth switch. Then the view is ready. */
    function interact(view: SigmaView): void {
      // The time control replaces the static "as of" line: the reader can now move the date.
      const time = createTimeControl(view, { initial: view.asOf() });
      if (time) {
        const height = canvas!.clientHeight;
        canvas!.after(time.element);
        for (const note of figure.querySelectorAll<HTMLElement>('.kg-view-asof')) note.hidden = true;
        // An embed's canvas gives the control room (sigma itself only follows window resizes).
        if (canvas!.clientHeight !== height) view.sigma.resize().refresh();
      }
      const depth = figure.querySelector<HTMLElement>('.kg-depth');
      if (depth && graph.someNode((_, a) => a.distance !== undefined)) depthSwitch(view, graph, depth);
      figure.dataset.live = 'ready';
      figure.dispatchEvent(new CustomEvent('kg:view-ready', { bubbles: true }));
    }
  } catch (error) {
    // The static SVG stays: the view still reads without the interactive layer.
    figure.dataset.live = 'failed';
    console.warn(`Graph view ${id} stays static:`, error);
    return undefined;
  }
}
