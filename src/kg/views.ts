// Graph views: `::graph{...}` directives -> validated options -> a subgraph (nodes, edges, positions) computed at build time.
import type { KgConfig } from './config.ts';
import { isValidDate } from './dates.ts';
import { diagnostic, didYouMean } from './diagnostics.ts';
import type { KnowledgeGraph } from './graph.ts';
import { resolveName, type NameIndex } from './resolve.ts';
import { relationSpan } from './time-filter.ts';
import type { Diagnostic, Note, ViewDirective } from './types.ts';

export type ViewLayout = 'global' | 'local' | 'radial';
export const VIEW_LAYOUTS: ViewLayout[] = ['global', 'local', 'radial'];

export interface ViewOptions {
  focus: string[];
  nodes: string[];
  depth: number;
  relations?: string[];
  types?: string[];
  since?: string;
  until?: string;
  /** Draw the view as it stood on this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): relations not in force fade. */
  asof?: string;
  /** global: the network's positions; local: a layout of the view alone; radial: rings around the focus. */
  layout: ViewLayout;
  height: number;
  /** Drawing width (CSS px at 100%); 800 unless a component needs another shape (neighbourhoods in a side column). */
  width?: number;
  caption?: string;
}

export interface GraphView {
  /** Stable id, used by embed pages: `<note id>--<n>`. */
  id: string;
  /** Position of the directive among the note's directives (0-based). */
  index: number;
  noteId: string;
  options: ViewOptions;
  /** Node ids in the view, sorted; focus nodes first in `options.focus`. */
  nodes: string[];
  /** Edge keys in the view, sorted. */
  edges: string[];
}

const OPTIONS = ['focus', 'nodes', 'depth', 'relations', 'types', 'since', 'until', 'asof', 'layout', 'height', 'caption'];
const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Which edges a view follows: configured relations by default; `mentions` / `cites` only when asked for. */
export function edgeFilter(graph: KnowledgeGraph, o: Pick<ViewOptions, 'relations' | 'since' | 'until'>) {
  return (edge: string): boolean => {
    const a = graph.getEdgeAttributes(edge);
    if (o.relations ? !o.relations.includes(a.type) : a.kind !== 'relation') return false;
    if (o.since || o.until) {
      const from = a.date ?? a.start;
      const to = a.date ?? a.end ?? a.start;
      if (!from) return false;
      if (o.since && (to ?? from) < o.since) return false;
      if (o.until && from > o.until) return false;
    }
    return true;
  };
}

/** The subgraph of a view: breadth-first from the focus nodes, plus the listed nodes, plus edges among them. */
export function selectSubgraph(graph: KnowledgeGraph, o: ViewOptions): { nodes: string[]; edges: string[] } {
  const follows = edgeFilter(graph, o);
  const typeOk = (n: string) => !o.types || o.types.includes(graph.getNodeAttribute(n, 'type'));
  const keep = new Set<string>([...o.focus, ...o.nodes]);
  let frontier = [...keep];
  const depth = o.focus.length ? o.depth : o.nodes.length && o.depth > 0 ? o.depth : 0;
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      graph.forEachEdge(n, (edge, _a, s, t) => {
        const other = s === n ? t : s;
        if (keep.has(other) || !follows(edge) || !typeOk(other)) return;
        keep.add(other);
        next.push(other);
      });
    }
    frontier = next;
  }
  const edges: string[] = [];
  for (const n of keep) graph.forEachOutEdge(n, (edge, _a, _s, t) => { if (keep.has(t) && follows(edge)) edges.push(edge); });
  return { nodes: [...keep].sort(), edges: edges.sort() };
}

/** Validates a directive's attributes against the graph; reports problems at the directive's position. */
export function parseViewOptions(
  config: KgConfig, note: Note, view: ViewDirective, index: NameIndex, diagnostics: Diagnostic[],
): ViewOptions | undefined {
  const at = view.pos;
  const a = view.attributes;
  let ok = true;
  const fail = (code: string, message: string, hint?: string) => { diagnostics.push(diagnostic(note.file, at, 'error', code, message, hint)); ok = false; };
  for (const key of Object.keys(a)) {
    if (!OPTIONS.includes(key)) fail('view-unknown-option', `Unknown graph view option "${key}"`, didYouMean(key, OPTIONS) ?? `Options: ${OPTIONS.join(', ')}.`);
  }
  const resolveAll = (names: string[]) => names.flatMap((name) => {
    const r = resolveName(index, name);
    if ('id' in r) return [r.id];
    if (r.error === 'unknown') fail('view-unknown-entity', `Graph view names "${name}", which matches no note`, didYouMean(name, [...index.names, ...index.byId.keys()]) ?? 'Use a note id, title or alias.');
    else fail('view-ambiguous-entity', `Graph view names "${name}", which matches ${r.candidates.length} notes: ${r.candidates.join(', ')}`, 'Use the note id instead.');
    return [];
  });
  const focus = resolveAll(list(a.focus));
  const nodes = resolveAll(list(a.nodes));
  if (!a.focus && !a.nodes) fail('view-no-nodes', 'Graph view has neither `focus` nor `nodes`', 'Add focus="note-id" or nodes="a, b, c".');

  const int = (name: string, min: number, max: number, fallback: number) => {
    if (a[name] === undefined) return fallback;
    const n = Number(a[name]);
    if (!Number.isInteger(n) || n < min || n > max) { fail('view-bad-option', `Graph view option ${name}="${a[name]}" must be a whole number from ${min} to ${max}`); return fallback; }
    return n;
  };
  const depth = int('depth', 0, 3, 1);
  const height = int('height', 120, 1600, 420);

  const relNames = [...Object.keys(config.relations), 'mentions', 'cites'];
  const relations = a.relations !== undefined ? list(a.relations) : undefined;
  for (const r of relations ?? []) if (!relNames.includes(r)) fail('view-bad-option', `Graph view filters on unknown relation type "${r}"`, didYouMean(r, relNames) ?? `Relation types: ${relNames.join(', ')}.`);
  const types = a.types !== undefined ? list(a.types) : undefined;
  for (const t of types ?? []) if (!Object.hasOwn(config.types, t)) fail('view-bad-option', `Graph view filters on unknown type "${t}"`, didYouMean(t, Object.keys(config.types)) ?? `Types: ${Object.keys(config.types).join(', ')}.`);
  for (const d of ['since', 'until']) {
    if (a[d] !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(a[d])) fail('view-bad-option', `Graph view option ${d}="${a[d]}" is not a date`, 'Write dates as 2019-10-07, 2019-10 or 2019.');
  }
  if (a.asof !== undefined && !isValidDate(a.asof)) {
    fail('view-bad-option', `Graph view option asof="${a.asof}" is not a date`, 'Write the date the view shows as 2019-10-08, 2019-10 or 2019 (a real calendar date).');
  }
  const layout = a.layout ?? 'global';
  if (!VIEW_LAYOUTS.includes(layout as ViewLayout)) fail('view-bad-option', `Graph view option layout="${layout}" must be "global", "local" or "radial"`, didYouMean(layout, VIEW_LAYOUTS));
  if (!ok) return undefined;
  return { focus, nodes, depth, relations, types, since: a.since, until: a.until, asof: a.asof, layout: layout as ViewLayout, height, caption: a.caption || undefined };
}

export function buildViews(config: KgConfig, notes: Note[], index: NameIndex, graph: KnowledgeGraph, diagnostics: Diagnostic[]): Map<string, GraphView[]> {
  const out = new Map<string, GraphView[]>();
  for (const note of notes) {
    if (note.views.length === 0) continue;
    const views: GraphView[] = [];
    note.views.forEach((directive, i) => {
      const options = parseViewOptions(config, note, directive, index, diagnostics);
      if (!options) return;
      const { nodes, edges } = selectSubgraph(graph, options);
      if (nodes.length < 2 || edges.length === 0) {
        diagnostics.push(diagnostic(note.file, directive.pos, 'error', 'view-empty', `Graph view shows ${nodes.length} node(s) and no relation`, 'Widen it: raise depth, or drop the relations/types/since/until filters.'));
        return;
      }
      if (options.asof && !edges.some((e) => relationSpan(graph.getEdgeAttributes(e)))) {
        diagnostics.push(diagnostic(note.file, directive.pos, 'warning', 'view-asof-undated', `Graph view is shown as of ${options.asof}, but none of its relations has a date`, 'Add date, start or end to its relations, or drop asof: undated relations show at every date.'));
      }
      views.push({ id: `${note.id}--${i + 1}`, index: i, noteId: note.id, options, nodes, edges });
    });
    out.set(note.id, views);
  }
  return out;
}

export { renderViewFigure } from './view-svg.ts';
