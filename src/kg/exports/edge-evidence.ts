// The evidence of each edge: its dates, quote, note and sources (publisher, title, date, link), in graph.json's edge
// order, split into shards of EVIDENCE_SHARD edges (`/evidence/<n>.json`) that views load when a reader first
// hovers a line or selects an entity: too bulky for graph.json's first frame, and written once for the whole site
// instead of once per view file (at 10k notes, evidence inside each neighbourhood file made them 70 MB larger).
// View files give each edge's index in graph.json (`edges.gid`), so they find its shard.
import type { KnowledgeGraph } from '../graph.ts';
import type { Note } from '../types.ts';
import { sharedWeakMap } from '../shared-memo.ts';

/** Edges per evidence file: a hover loads one file of ~10–25 KB. */
export const EVIDENCE_SHARD = 500;

/** Path (under the site root) of the evidence file holding graph.json edge `index`. */
export const evidencePath = (index: number) => `evidence/${Math.floor(index / EVIDENCE_SHARD)}.json`;

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
  /** One entry per edge; null for mentions and citations (their evidence is the note itself). */
  edges: Array<EdgeEvidence | null>;
}

/** One evidence file: edges `first` … `first + edges.length - 1` of graph.json. */
export interface EvidenceShard extends EvidenceTable { v: 1; first: number }

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

const orderMemo = sharedWeakMap<KnowledgeGraph, { edges: string[]; index: Map<string, number> }>('edge-order');

/** The graph's edges in graph.json order and each one's index there, computed once per graph. */
function edgeOrder(graph: KnowledgeGraph): { edges: string[]; index: Map<string, number> } {
  let order = orderMemo.get(graph);
  if (!order) {
    const edges = graph.edges();
    orderMemo.set(graph, (order = { edges, index: new Map(edges.map((e, i) => [e, i])) }));
  }
  return order;
}

/** Each edge's index in graph.json. */
export const edgeIndex = (graph: KnowledgeGraph): Map<string, number> => edgeOrder(graph).index;

/** How many evidence files the graph has. */
export const evidenceShardCount = (graph: KnowledgeGraph) => Math.ceil(graph.size / EVIDENCE_SHARD);

/** Evidence file `n`: its edges in graph.json order, with the sources they cite. */
export function evidenceShard(graph: KnowledgeGraph, noteOf: (id: string) => Note | undefined, n: number): EvidenceShard {
  const first = n * EVIDENCE_SHARD;
  return { v: 1, first, ...edgeEvidence(graph, noteOf, edgeOrder(graph).edges.slice(first, first + EVIDENCE_SHARD)) };
}
