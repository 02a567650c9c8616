// A view as of its fixed date (`asof`): which of its relations and entities fade, and how a relation's state reads.
// The static SVG and the text list use it; the browser applies the same rule (time-filter.ts) on its own data.
import { formatDate } from './dates.ts';
import type { KnowledgeGraph } from './graph.ts';
import { activeOn, asOfDay, relationSpan } from './time-filter.ts';
import type { GraphView } from './views.ts';

export interface ViewTime {
  /** The date as written in the option, and as it reads ("7 October 2019"). */
  asof: string;
  label: string;
  /** Edges of the view not in force on the date. */
  edges: Set<string>;
  /** Entities with relations in the view, none of them in force: they fade with their relations. */
  nodes: Set<string>;
}

/** Undefined when the view has no fixed date. */
export function viewTime(graph: KnowledgeGraph, view: GraphView): ViewTime | undefined {
  const asof = view.options.asof;
  const day = asof === undefined ? undefined : asOfDay(asof);
  if (asof === undefined || day === undefined) return undefined;
  const edges = new Set(view.edges.filter((e) => !activeOn(relationSpan(graph.getEdgeAttributes(e)), day)));
  const live = new Set<string>();
  const touched = new Set<string>();
  for (const e of view.edges) {
    for (const n of graph.extremities(e)) {
      touched.add(n);
      if (!edges.has(e)) live.add(n);
    }
  }
  const nodes = new Set([...touched].filter((n) => !live.has(n)));
  return { asof, label: formatDate(asof), edges, nodes };
}

/** Why an edge is faded: ", not yet in force on …" or ", no longer in force on …"; empty when it is in force. */
export function edgeTimeNote(graph: KnowledgeGraph, time: ViewTime | undefined, edge: string): string {
  if (!time?.edges.has(edge)) return '';
  const span = relationSpan(graph.getEdgeAttributes(edge));
  const day = asOfDay(time.asof)!;
  return span?.begin !== null && span?.begin !== undefined && span.begin > day ? `, not yet in force on ${time.label}` : `, no longer in force on ${time.label}`;
}
