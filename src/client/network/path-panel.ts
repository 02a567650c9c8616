// The network view's "Paths" panel (folded under its summary until opened, or opened by a shared link): two search
// boxes pick two entities, and the shortest paths between them (through the chosen relation types) are listed as
// sentences with links and brought out in the graph. Runs on the data the page has (graph.json); the search is the
// engine's (src/kg/paths.ts).
import { type EntityPath, findPaths, IMPLICIT_RELATIONS, stepLabel } from '../../kg/paths.ts';
import { entityUrl } from '../open-entity.ts';
import type { SigmaView } from '../sigma-view.ts';
import type { Tables, ViewGraph } from '../view-graph.ts';
import { attachSearch } from './search-box.ts';
import type { SearchEntry } from './search-match.ts';

/** How many paths are listed, and their longest length in steps. */
const LIMIT = 3;
const MAX_STEPS = 6;

export interface PathState { pathFrom?: string; pathTo?: string; pathVia?: string[] }

export interface PathPanelDeps {
  graph: ViewGraph;
  tables: Tables;
  view: SigmaView;
  base: string;
  entries(): SearchEntry[];
  describe(id: string): string;
  /** The paths' entities and relations must be visible (they may be of a type hidden in the "Show" legend). */
  reveal(types: string[], relations: string[]): void;
  /** Paths replace the selection (both fade the rest of the graph). */
  clearSelection(): void;
  /** The panel's state changed (written to the URL). */
  onChange(): void;
}

export interface PathPanel {
  state(): PathState;
  restore(state: PathState): void;
  /** Relation types the paths go through by default (every relation type except mentions and citations). */
  defaultVia: string[];
}

/** Drawn edges of a path (either direction of each step, when they carry a relation the path walks). */
export function pathEdges(graph: ViewGraph, path: EntityPath): string[] {
  return path.steps.flatMap((step) => step.relations.map((r) => (r.forward ? graph.edge(step.from, step.to) : graph.edge(step.to, step.from))))
    .filter((e, i, all): e is string => e !== undefined && all.indexOf(e) === i);
}

export function attachPathPanel(form: HTMLElement, d: PathPanelDeps): PathPanel {
  const from = form.querySelector<HTMLInputElement>('#kg-path-from')!;
  const to = form.querySelector<HTMLInputElement>('#kg-path-to')!;
  const results = form.querySelector<HTMLElement>('.kg-path-results')!;
  const viaInputs = [...form.querySelectorAll<HTMLInputElement>('input[data-path-relation]')];
  const defaultVia = d.tables.relations.map((r) => r.id).filter((r) => !IMPLICIT_RELATIONS.includes(r)).sort();
  const ends: { from?: string; to?: string } = {};
  let via = new Set(defaultVia);

  const labels = new Map(d.tables.relations.map((r) => [r.id, r]));
  const titleOf = (n: string) => d.graph.getNodeAttribute(n, 'title');
  const link = (n: string) => {
    const a = document.createElement('a');
    a.href = entityUrl(d.base, n);
    a.dataset.node = n;
    a.textContent = titleOf(n);
    return a;
  };
  const message = (text: string) => {
    const p = document.createElement('p');
    p.className = 'kg-path-message';
    p.textContent = text;
    return p;
  };

  /** One path as a sentence: entity links joined by "— label →" in the walking direction. */
  const sentence = (path: EntityPath) => {
    const p = document.createElement('p');
    p.className = 'kg-path-sentence';
    p.append(link(path.nodes[0]));
    for (const step of path.steps) {
      const rel = document.createElement('span');
      rel.className = 'kg-path-rel';
      rel.textContent = ` — ${stepLabel(step, (t) => labels.get(t))} → `;
      p.append(rel, link(step.to));
    }
    return p;
  };

  const show = (paths: EntityPath[]) => {
    const list = document.createElement('ol');
    list.className = 'kg-path-list';
    const buttons: HTMLButtonElement[] = [];
    const emphasize = (chosen: EntityPath[]) => d.view.emphasize({ nodes: chosen.flatMap((p) => p.nodes), edges: chosen.flatMap((p) => pathEdges(d.graph, p)) });
    paths.forEach((path, i) => {
      const li = document.createElement('li');
      li.dataset.path = path.nodes.join(' ');
      const only = document.createElement('button');
      only.type = 'button';
      only.className = 'kg-path-only';
      only.textContent = 'Highlight';
      only.setAttribute('aria-pressed', 'false');
      only.setAttribute('aria-label', `Highlight path ${i + 1} only`);
      only.addEventListener('click', () => {
        const on = only.getAttribute('aria-pressed') !== 'true';
        for (const b of buttons) b.setAttribute('aria-pressed', String(on && b === only));
        emphasize(on ? [path] : paths);
      });
      buttons.push(only);
      li.append(sentence(path), only);
      list.append(li);
    });
    const steps = paths[0].steps.length;
    const head = message(paths.length === 1
      ? `One path, ${steps} ${steps === 1 ? 'step' : 'steps'}:`
      : `${paths.length} shortest paths (${steps}–${paths[paths.length - 1].steps.length} steps):`);
    results.replaceChildren(head, list);
    emphasize(paths);
  };

  const run = () => {
    const a = ends.from, b = ends.to;
    if (!a || !b || !d.graph.hasNode(a) || !d.graph.hasNode(b)) {
      results.replaceChildren(a || b ? message('Pick a second entity to see how the two connect.') : '');
      d.view.emphasize(null);
      return;
    }
    if (a === b) {
      results.replaceChildren(message('Pick two different entities.'));
      d.view.emphasize(null);
      return;
    }
    const paths = findPaths(d.graph, a, b, { limit: LIMIT, maxSteps: MAX_STEPS, allow: (t) => via.has(t), relationsOf: (attrs) => attrs.rels });
    if (!paths.length) {
      results.replaceChildren(message(`No path between ${titleOf(a)} and ${titleOf(b)} within ${MAX_STEPS} steps through the chosen relation types.`));
      d.view.emphasize(null);
      return;
    }
    d.reveal(
      [...new Set(paths.flatMap((p) => p.nodes.map((n) => d.graph.getNodeAttribute(n, 'kind'))))],
      [...new Set(paths.flatMap((p) => p.steps.flatMap((s) => s.relations.map((r) => r.type))))],
    );
    d.clearSelection();
    show(paths);
  };

  const update = () => { run(); d.onChange(); };
  attachSearch(from, form.querySelector<HTMLElement>('#kg-path-from-results')!, d.entries, d.describe, (id) => { ends.from = id; update(); });
  attachSearch(to, form.querySelector<HTMLElement>('#kg-path-to-results')!, d.entries, d.describe, (id) => { ends.to = id; update(); });
  // Emptying a box forgets its end.
  for (const [input, end] of [[from, 'from'], [to, 'to']] as const) {
    input.addEventListener('input', () => { if (!input.value.trim() && ends[end]) { delete ends[end]; update(); } });
  }
  const syncVia = () => { for (const input of viaInputs) input.checked = via.has(input.dataset.pathRelation!); };
  for (const input of viaInputs) {
    input.addEventListener('change', () => {
      if (input.checked) via.add(input.dataset.pathRelation!); else via.delete(input.dataset.pathRelation!);
      update();
    });
  }
  form.querySelector('[data-action=swap-path]')?.addEventListener('click', () => {
    [ends.from, ends.to] = [ends.to, ends.from];
    [from.value, to.value] = [to.value, from.value];
    update();
  });
  form.querySelector('[data-action=clear-path]')?.addEventListener('click', () => {
    delete ends.from; delete ends.to;
    from.value = ''; to.value = '';
    via = new Set(defaultVia); syncVia();
    update();
    from.focus();
  });
  syncVia();
  const fieldset = form.querySelector<HTMLFieldSetElement>('fieldset');
  if (fieldset) fieldset.disabled = false;

  return {
    defaultVia,
    state: () => ({ pathFrom: ends.from, pathTo: ends.to, pathVia: [...via].sort() }),
    restore(s) {
      ends.from = s.pathFrom && d.graph.hasNode(s.pathFrom) ? s.pathFrom : undefined;
      ends.to = s.pathTo && d.graph.hasNode(s.pathTo) ? s.pathTo : undefined;
      from.value = ends.from ? titleOf(ends.from) : '';
      to.value = ends.to ? titleOf(ends.to) : '';
      via = new Set(s.pathVia ?? defaultVia); syncVia();
      // A shared link with paths opens the (folded) panel.
      if ((ends.from || ends.to) && form instanceof HTMLDetailsElement) form.open = true;
      if (ends.from || ends.to) run();
      else { results.replaceChildren(); d.view.emphasize(null); }
    },
  };
}
