// The evidence of each edge of a graph payload: its dates, quote, note and sources (publisher, title, date, link),
// aligned with the payload's edge arrays. The network loads it as /graph-evidence.json on the first edge hover or
// selection (too bulky for graph.json's first frame); each view's /views/<id>.json carries its own.
import type { KnowledgeGraph } from '../graph.ts';
import type { Note } from '../types.ts';

export interface EvidenceSource {
  id: string;
  title: string;
  publisher?: string;
  /** YYYY[-MM[-DD]] as written in the source note. */
  date?: string;
  /** The original document: http(s) or a site path only (frontmatter is untrusted). */
  url?: string;
}

export interface EdgeEvidence {
  date?: string;
  start?: string;
  end?: string;
  quote?: string;
  note?: string;
  /** Indices into the table's `sources`. */
  sources: number[];
}

export interface EvidenceTable {
  /** Every source cited by the edges, sorted by id. */
  sources: EvidenceSource[];
  /** One entry per payload edge; null for mentions and citations (their evidence is the note itself). */
  edges: Array<EdgeEvidence | null>;
}

/** The evidence file of the network view. */
export interface GraphEvidence extends EvidenceTable { v: 1 }

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Only web links and site paths survive: a `javascript:` or `data:` URL in a note never becomes a link. */
export function safeSourceUrl(v: unknown): string | undefined {
  const s = text(v);
  return s && /^(https?:\/\/|\/(?!\/))/i.test(s) ? s : undefined;
}

/** Whether a relation edge has no source at all (drawn differently; `check` lists it). */
export function isUnsourced(graph: KnowledgeGraph, edge: string): boolean {
  const a = graph.getEdgeAttributes(edge);
  return a.kind === 'relation' && a.sources.length === 0;
}

/** Indices (in `edges`' order) of the relations without a source: what graph.json and view files mark as unsourced. */
export function unsourcedIndices(graph: KnowledgeGraph, edges: readonly string[]): number[] {
  const out: number[] = [];
  edges.forEach((e, i) => { if (isUnsourced(graph, e)) out.push(i); });
  return out;
}

/** Evidence of `edges` (edge keys of `graph`, in payload order); `noteOf` gives a source note's fields. */
export function edgeEvidence(graph: KnowledgeGraph, noteOf: (id: string) => Note | undefined, edges: readonly string[]): EvidenceTable {
  const cited = new Set<string>();
  for (const e of edges) {
    const a = graph.getEdgeAttributes(e);
    if (a.kind === 'relation') for (const s of a.sources) if (graph.hasNode(s)) cited.add(s);
  }
  const ids = [...cited].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const sources = ids.map((id): EvidenceSource => {
    const fields = noteOf(id)?.fields ?? {};
    const row: EvidenceSource = { id, title: graph.getNodeAttribute(id, 'title') };
    const publisher = text(fields.publisher), date = text(fields.date), url = safeSourceUrl(fields.url);
    if (publisher) row.publisher = publisher;
    if (date) row.date = date;
    if (url) row.url = url;
    return row;
  });
  return {
    sources,
    edges: edges.map((e) => {
      const a = graph.getEdgeAttributes(e);
      if (a.kind !== 'relation') return null;
      const out: EdgeEvidence = { sources: [...new Set(a.sources)].filter((s) => index.has(s)).map((s) => index.get(s)!) };
      if (a.date) out.date = a.date;
      if (a.start) out.start = a.start;
      if (a.end) out.end = a.end;
      if (a.quote) out.quote = a.quote;
      if (a.note) out.note = a.note;
      return out;
    }),
  };
}
