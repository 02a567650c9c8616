// The network view (/graph/): the whole graph at its build-time positions, with search, type and relation filters,
// a side panel for the selected entity, and the view (selection, filters, camera) kept in the URL hash.
// The first frame needs only graph.json; summaries and aliases (graph-details.json) load right after it.
import type { CompactGraph, GraphDetails } from '../../kg/exports/graph-json.ts';
import { claimsOf, edgeDescriber, evidenceDetails, evidenceStore, missing } from '../edge-evidence.ts';
import { entityUrl } from '../open-entity.ts';
import { createSigmaView, type SigmaView } from '../sigma-view.ts';
import { addViewEdges, LARGE_EDGES, toViewGraph, type ViewGraph } from '../view-graph.ts';
import { attachPathPanel, type PathPanel } from './path-panel.ts';
import { attachSearch } from './search-box.ts';
import type { SearchEntry } from './search-match.ts';
import { type PanelEvidence, relationRows, renderPanel } from './side-panel.ts';
import { formatState, type NetworkState, parseState } from './url-state.ts';
import { asOfDay, dayToDate } from '../../kg/time-filter.ts';
import { createTimeControl } from '../time-control.ts';

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
/** Plain body links and citations would bury the relations: hidden until the reader asks for them. */
const DEFAULT_HIDDEN_RELATIONS = ['mentions', 'cites'];

interface Page {
  root: HTMLElement;
  stage: HTMLElement;
  panel: HTMLElement;
  status: HTMLElement;
}

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(`${BASE}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json() as Promise<T>;
}

function start(page: Page, data: CompactGraph): void {
  performance.mark('kg:data');
  // A big graph's first frame shows its nodes; the edges, and what needs them, come a frame later.
  const late = data.edges.source.length > LARGE_EDGES;
  const { graph, tables } = toViewGraph(data, undefined, { edges: !late });
  const indexOf = new Map(data.nodes.id.map((id, i) => [id, i]));
  const typeLabel = (kind: string) => tables.types.find((t) => t.id === kind)?.label ?? kind;
  let details: GraphDetails | undefined;
  const defaults = { hiddenTypes: [] as string[], hiddenRelations: DEFAULT_HIDDEN_RELATIONS.filter((r) => tables.relations.some((x) => x.id === r)) };
  const initial = parseState(location.hash);
  const hiddenTypes = new Set(initial.hiddenTypes ?? defaults.hiddenTypes);
  const hiddenRelations = new Set(initial.hiddenRelations ?? defaults.hiddenRelations);

  // Each edge's dates, quote and sources: fetched on the first edge hover or selection (not needed for the first frame).
  const evidence = evidenceStore(BASE, data.edges.type, (i) => i);

  let view: SigmaView;
  let paths: PathPanel | undefined;
  const writeUrl = () => {
    const cam = view.sigma.getCamera().getState();
    const day = view.asOf();
    const state: NetworkState = {
      node: view.selected(), hiddenTypes: [...hiddenTypes], hiddenRelations: [...hiddenRelations], camera: { x: cam.x, y: cam.y, ratio: cam.ratio },
      asof: day === null ? undefined : dayToDate(day), ...paths?.state(),
    };
    const hash = formatState(state, { ...defaults, pathVia: paths?.defaultVia });
    if (hash !== location.hash) history.replaceState(history.state, '', hash || `${location.pathname}${location.search}`);
  };

  // The side panel lists each relation with its evidence; the row in focus (or hovered) marks its line in the graph.
  const panelEvidence: PanelEvidence = {
    evidenceOf: (row) => {
      const [s, t] = graph.extremities(row.edge);
      const claims = claimsOf(graph.getEdgeAttributes(row.edge), s, t, tables, evidence, row.rel);
      // While the files load, the panel shows one note instead of one per row (it is drawn again once they are in).
      return claims.every((c) => c.entry) ? claims.flatMap((c) => evidenceDetails(c.entry, BASE)) : [];
    },
    onFocusRow: (row) => view.markEdge(row?.edge ?? null),
  };

  const select = (node: string | null, o: { fly?: boolean; focusPanel?: boolean } = {}) => {
    const id = node && graph.hasNode(node) && !hiddenTypes.has(graph.getNodeAttribute(node, 'kind')) ? node : null;
    view.select(id);
    view.markEdge(null);
    if (!id) {
      page.panel.hidden = true;
      page.status.textContent = '';
    } else {
      const a = graph.getNodeAttributes(id);
      renderPanel(page.panel, {
        id, title: a.title, typeLabel: typeLabel(a.kind), color: a.color, summary: details?.summary[indexOf.get(id)!],
        href: entityUrl(BASE, id), rows: relationRows(graph, tables, id),
      }, (other) => select(other, { fly: true, focusPanel: true }), () => select(null), panelEvidence);
      const needed = missing(tables, evidence, graph.edges(id).flatMap((e) => graph.getEdgeAttribute(e, 'idx')));
      if (needed.length) {
        page.panel.dataset.evidence = 'loading';
        void evidence.load(needed).then(() => { if (view.selected() === id) select(id); }, (error) => console.warn('Sources could not be loaded:', error));
      } else page.panel.dataset.evidence = 'ready';
      page.status.textContent = `Selected: ${a.title}`;
      if (o.fly) view.flyTo(id);
      if (o.focusPanel) page.panel.querySelector<HTMLElement>('.kg-panel-title')?.focus();
    }
    writeUrl();
  };

  const hiddenNode = (_n: string, a: { kind: string }) => hiddenTypes.has(a.kind);
  const hiddenRelation = (rel: string) => hiddenRelations.has(rel);
  const applyFilters = () => {
    view.setFilter(hiddenNode, hiddenRelation);
    const sel = view.selected();
    if (sel && hiddenTypes.has(graph.getNodeAttribute(sel, 'kind'))) select(null);
    writeUrl();
  };

  performance.mark('kg:graph');
  view = createSigmaView(page.stage, graph, {
    label: `Network of ${graph.order} entities and ${graph.size} connections`,
    tables,
    edgeLabels: 'around',
    labelAll: graph.order <= 80,
    hoverHint: 'Click for details',
    summaryOf: (n) => details?.summary[indexOf.get(n)!],
    onClickNode: (n) => select(n),
    onClickStage: () => select(null),
    // The shared view's filters are in the first frame already.
    filter: { hiddenNode, hiddenRelation },
    asOf: initial.asof ? asOfDay(initial.asof) : null,
    lateEdges: late ? { count: data.edges.source.length, add: () => addViewEdges(graph, data) } : undefined,
    onEdges: () => {
      performance.mark('kg:edges');
      if (late) interact();
    },
    describeEdge: edgeDescriber(graph, tables, evidence, BASE, (rel) => !hiddenRelations.has(rel)),
  });
  // With how many edges the first frame was drawn (none when they come later): for the bench and tests.
  performance.mark('kg:first-frame', { detail: { edges: graph.size } });
  // For tests and the console: the live view (camera, graph) without reaching into module scope.
  Object.defineProperty(page.root, 'kgView', { value: view, configurable: true });
  requestAnimationFrame(() => performance.mark('kg:first-paint'));
  if (initial.camera) view.sigma.getCamera().setState(initial.camera);
  if (!late) interact();

  /** The rest needs the edges: the time control, the shared selection and paths, filters, search. Then it is ready. */
  function interact(): void {
    // As of a date: the time control sits under the canvas when relations have dates.
    const time = createTimeControl(view, { initial: view.asOf(), onChange: writeUrl });
    if (time) page.root.querySelector('.kg-network-main')?.after(time.element);

    // Restore the shared view's selection (the filters and camera are in place).
    if (initial.node) select(initial.node);
    const pathForm = page.root.querySelector<HTMLElement>('[data-paths]');
    const search = page.root.querySelector<HTMLInputElement>('#kg-search-input');
    const listbox = page.root.querySelector<HTMLElement>('#kg-search-results');
    const entries = (): SearchEntry[] => data.nodes.id.map((id, i) => ({ id, title: data.nodes.label[i], aliases: details?.aliases[i] ?? [] }));
    const describe = (id: string) => typeLabel(graph.getNodeAttribute(id, 'kind'));
    if (pathForm) {
      paths = attachPathPanel(pathForm, {
        graph, tables, view, base: BASE, entries, describe,
        reveal: (types, rels) => {
          const changed = [...types.map((t) => hiddenTypes.delete(t)), ...rels.map((r) => hiddenRelations.delete(r))].some(Boolean);
          if (changed) { syncFilterInputs(page.root, hiddenTypes, hiddenRelations); applyFilters(); }
        },
        clearSelection: () => { if (view.selected()) select(null); },
        onChange: writeUrl,
      });
      if (initial.pathFrom || initial.pathTo) paths.restore(initial);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    view.sigma.getCamera().on('updated', () => { clearTimeout(timer); timer = setTimeout(writeUrl, 250); });
    window.addEventListener('hashchange', () => {
      const s = parseState(location.hash);
      hiddenTypes.clear(); (s.hiddenTypes ?? defaults.hiddenTypes).forEach((t) => hiddenTypes.add(t));
      hiddenRelations.clear(); (s.hiddenRelations ?? defaults.hiddenRelations).forEach((r) => hiddenRelations.add(r));
      syncFilterInputs(page.root, hiddenTypes, hiddenRelations);
      applyFilters();
      if (s.camera) view.sigma.getCamera().setState(s.camera);
      time?.set(s.asof ? asOfDay(s.asof) ?? null : null);
      paths?.restore(s);
      select(s.node);
    });

    wireFilters(page.root, hiddenTypes, hiddenRelations, applyFilters);
    wireNodeList(page.root, graph, (id) => { select(id, { fly: true, focusPanel: true }); page.stage.scrollIntoView({ block: 'nearest' }); });
    page.root.querySelector('[data-action=reset]')?.addEventListener('click', () => view.controls.reset());

    if (search && listbox) {
      attachSearch(search, listbox, entries, describe, (id) => {
        // A hidden type's entity is made visible again: the reader asked for it by name.
        const kind = graph.getNodeAttribute(id, 'kind');
        if (hiddenTypes.delete(kind)) { syncFilterInputs(page.root, hiddenTypes, hiddenRelations); applyFilters(); }
        select(id, { fly: true });
      });
    }

    // Summaries and aliases after the first frame: the panel and search get richer, the first paint does not wait.
    const loadDetails = () => fetchJson<GraphDetails>('graph-details.json').then((d) => {
      details = d;
      page.root.dataset.details = 'true';
      const sel = view.selected();
      if (sel) select(sel);
    }).catch((error) => console.warn('Summaries could not be loaded:', error));
    if ('requestIdleCallback' in window) requestIdleCallback(() => void loadDetails(), { timeout: 500 });
    else setTimeout(() => void loadDetails(), 50);
    requestAnimationFrame(() => { page.root.dataset.ready = 'true'; });
  }
}

function syncFilterInputs(root: HTMLElement, hiddenTypes: Set<string>, hiddenRelations: Set<string>): void {
  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-filter-type]')) input.checked = !hiddenTypes.has(input.dataset.filterType!);
  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-filter-relation]')) input.checked = !hiddenRelations.has(input.dataset.filterRelation!);
}

function wireFilters(root: HTMLElement, hiddenTypes: Set<string>, hiddenRelations: Set<string>, onChange: () => void): void {
  syncFilterInputs(root, hiddenTypes, hiddenRelations);
  const fieldset = root.querySelector<HTMLFieldSetElement>('.kg-filters');
  if (fieldset) fieldset.disabled = false;
  root.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    const type = input.dataset?.filterType, rel = input.dataset?.filterRelation;
    if (type) (input.checked ? hiddenTypes.delete(type) : hiddenTypes.add(type));
    else if (rel) (input.checked ? hiddenRelations.delete(rel) : hiddenRelations.add(rel));
    else return;
    onChange();
  });
}

/** The text alternative's entity links select in the graph (Enter or click); without scripts they open the page. */
function wireNodeList(root: HTMLElement, graph: ViewGraph, onPick: (id: string) => void): void {
  root.querySelector('[data-node-list]')?.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-node]');
    if (!a || !graph.hasNode(a.dataset.node!) || (e as MouseEvent).ctrlKey || (e as MouseEvent).metaKey) return;
    e.preventDefault();
    onPick(a.dataset.node!);
  });
}


const root = document.querySelector<HTMLElement>('[data-network]');
const stage = root?.querySelector<HTMLElement>('.kg-network-stage');
const panel = root?.querySelector<HTMLElement>('.kg-panel');
const status = root?.querySelector<HTMLElement>('.kg-network-status');
if (root && stage && panel && status) {
  performance.mark('kg:script');
  fetchJson<CompactGraph>('graph.json')
    .then((data) => start({ root, stage, panel, status }, data))
    .catch((error) => {
      root.dataset.failed = 'true';
      status.textContent = 'The interactive network could not be loaded; the list below has every entity and relation.';
      console.warn(error);
    });
}
