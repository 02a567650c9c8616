// Graph: resolved notes -> one graphology MultiDirectedGraph (nodes are notes, edges are relations, mentions, citations).
import { MultiDirectedGraph } from 'graphology';
import { isSymmetric, type KgConfig } from './config.ts';
import type { Resolved } from './resolve.ts';
import type { Note, Position, Relation } from './types.ts';

export interface NodeAttributes {
  type: string;
  title: string;
  summary: string;
  aliases: string[];
  tags: string[];
  color: string;
  degree: number;
  community: number;
  x: number;
  y: number;
  size: number;
}

export type EdgeKind = 'relation' | 'mentions' | 'cites';

/** A relation's data without its ends (the graph holds those); `type` is `mentions` or `cites` for the engine's own edges. */
export interface EdgeAttributes extends Omit<Relation, 'from' | 'to' | 'pos'> {
  kind: EdgeKind;
  pos?: Position;
  /** How many times a body links the same note (mentions only). */
  count?: number;
}

export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export function buildGraph(config: KgConfig, notes: Note[], resolved: Resolved): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  const sorted = [...notes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const note of sorted) {
    if (graph.hasNode(note.id)) continue; // duplicate ids are reported by resolve; the first file wins
    graph.addNode(note.id, {
      type: note.type, title: note.title, summary: note.summary, aliases: note.aliases, tags: note.tags,
      color: config.types[note.type]?.color ?? '#888888', degree: 0, community: 0, x: 0, y: 0, size: 1,
    });
  }

  const seen = new Map<string, number>();
  const add = (from: string, to: string, attrs: EdgeAttributes) => {
    const base = `${attrs.kind === 'relation' ? attrs.type : attrs.kind}:${from}->${to}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    graph.addDirectedEdgeWithKey(n === 0 ? base : `${base}#${n}`, from, to, attrs);
  };

  for (const r of edgeRelations(config, resolved.relations)) {
    add(r.from, r.to, { kind: 'relation', type: r.type, date: r.date, start: r.start, end: r.end, sources: r.sources, quote: r.quote, note: r.note, definedIn: r.definedIn, pos: r.pos });
  }

  // Relation sources per defining note, gathered once (scanning every relation per note is quadratic).
  const relationSources = new Map<string, string[]>();
  for (const r of resolved.relations) {
    let list = relationSources.get(r.definedIn);
    if (!list) relationSources.set(r.definedIn, (list = []));
    list.push(...r.sources);
  }
  for (const id of [...resolved.links.keys()].sort()) {
    const counts = new Map<string, number>();
    for (const target of resolved.links.get(id)!) if (target && target !== id) counts.set(target, (counts.get(target) ?? 0) + 1);
    // Citations also come from relation sources; one `cites` edge per (note, source) pair.
    const cited = new Set([...(resolved.sources.get(id) ?? []), ...(relationSources.get(id) ?? [])]);
    for (const [target, count] of [...counts].sort((a, b) => cmp(a[0], b[0]))) {
      if (cited.has(target)) continue; // a footnote to a cited source is the citation, not a separate mention
      add(id, target, { kind: 'mentions', type: 'mentions', sources: [], definedIn: id, count });
    }
    for (const target of [...cited].sort()) if (target !== id) add(id, target, { kind: 'cites', type: 'cites', sources: [], definedIn: id });
  }

  graph.forEachNode((node) => graph.setNodeAttribute(node, 'degree', graph.degree(node)));
  return graph;
}

/** The relations as the graph's edges: in a fixed order, one per relation written on both notes (see mergeBothEnds). */
export function edgeRelations(config: KgConfig, relations: Relation[]): Relation[] {
  return mergeBothEnds(config, [...relations].sort(
    (a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.type, b.type) || cmp(a.definedIn, b.definedIn) || a.pos.line - b.pos.line,
  ));
}

/** Identifies a relation whatever end wrote it; a symmetric type (related_to) reads the same both ways. */
export function relationKey(config: KgConfig, r: Pick<Relation, 'type' | 'from' | 'to'>): string {
  const [a, b] = isSymmetric(config.relations[r.type]) && r.to < r.from ? [r.to, r.from] : [r.from, r.to];
  return `${r.type}\u0000${a}\u0000${b}`;
}

const sameDates = (a: Relation, b: Relation) => (['date', 'start', 'end'] as const).every((k) => !a[k] || !b[k] || a[k] === b[k]);

/**
 * A relation written on both notes (`sanctions` on one, `sanctioned_by` on the other, as `check --fix
 * --add-inverses` writes them) is one edge: sources joined, the first quote and dates kept. Relations whose dates
 * differ stay apart (two sanctions in different years are two facts).
 */
function mergeBothEnds(config: KgConfig, sorted: Relation[]): Relation[] {
  const out: Relation[] = [];
  const byKey = new Map<string, Relation[]>();
  for (const r of sorted) {
    const key = relationKey(config, r);
    const twin = byKey.get(key)?.find((x) => x.definedIn !== r.definedIn && sameDates(x, r));
    if (!twin) {
      const copy = { ...r, sources: [...r.sources] };
      out.push(copy);
      byKey.set(key, [...(byKey.get(key) ?? []), copy]);
      continue;
    }
    for (const s of r.sources) if (!twin.sources.includes(s)) twin.sources.push(s);
    twin.quote ??= r.quote;
    twin.note ??= r.note;
    twin.date ??= r.date;
    twin.start ??= r.start;
    twin.end ??= r.end;
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
