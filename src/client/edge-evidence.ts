// The evidence of a drawn edge as readable DOM: each relation the line stands for, in words ("Wilbur Ross leads
// US Department of Commerce"), its dates, its quote and its sources (title linking to the document, publisher, date),
// or "No source given". Shared by the edge card (hover, click) and the network's side panel. The evidence files
// (`/evidence/<n>.json`, src/kg/exports/edge-evidence.ts) are fetched on first use, once per page, whichever view
// asks. Text only: untrusted note data goes in with textContent, links only with http(s) or site URLs (checked again).
import { type EdgeEvidence, type EvidenceShard, type EvidenceSource, evidencePath } from '../kg/exports/edge-evidence.ts';
import { formatDate } from '../kg/dates.ts';
import { IMPLICIT_RELATIONS } from '../kg/paths.ts';
import { entityUrl } from './open-entity.ts';
import type { EdgeAttrs, Tables, ViewGraph } from './view-graph.ts';

/** One edge's evidence and the sources table its indices point into. */
export interface EvidenceEntry { evidence: EdgeEvidence | null; sources: EvidenceSource[] }

/** One relation of a drawn edge; `entry` is undefined while its evidence file has not arrived. */
export interface Claim {
  type: string;
  label: string;
  from: string;
  to: string;
  entry: EvidenceEntry | undefined;
}

/** Evidence of a view's payload edges, by payload index. */
export interface EvidenceStore {
  /** The payload's edge types (indices into the relation table). */
  edgeTypes: readonly number[];
  get(i: number): EvidenceEntry | undefined;
  /** Fetches the files holding these payload edges (each file once per page). */
  load(indices: readonly number[]): Promise<void>;
}

const shards = new Map<string, Promise<EvidenceShard>>();
const loaded = new Map<string, EvidenceShard>();

async function fetchShard(url: string): Promise<EvidenceShard> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/** `gidOf` maps a payload edge to its graph.json index (the network's payload is graph.json itself). */
export function evidenceStore(base: string, edgeTypes: readonly number[], gidOf: (i: number) => number | undefined): EvidenceStore {
  const urlOf = (i: number) => { const g = gidOf(i); return g === undefined ? undefined : `${base}${evidencePath(g)}`; };
  return {
    edgeTypes,
    get(i) {
      const url = urlOf(i), g = gidOf(i);
      const shard = url ? loaded.get(url) : undefined;
      if (!shard || g === undefined) return undefined;
      return { evidence: shard.edges[g - shard.first] ?? null, sources: shard.sources };
    },
    async load(indices) {
      const urls = [...new Set(indices.map(urlOf).filter((u): u is string => u !== undefined && !loaded.has(u)))];
      await Promise.all(urls.map((url) => {
        let p = shards.get(url);
        if (!p) {
          p = fetchShard(url).then((s) => { loaded.set(url, s); return s; });
          // A failed file may be asked for again later.
          p.catch(() => shards.delete(url));
          shards.set(url, p);
        }
        return p;
      }));
    },
  };
}

/** Mentions and citations have no evidence of their own (the note is it): nothing to load for them. */
const NONE: EvidenceEntry = { evidence: null, sources: [] };
const implicit = (tables: Tables, store: EvidenceStore, i: number) => IMPLICIT_RELATIONS.includes(tables.relations[store.edgeTypes[i]]?.id ?? '');

/** The payload edges among `indices` whose evidence is still to be fetched. */
export const missing = (tables: Tables, store: EvidenceStore, indices: readonly number[]) => indices.filter((i) => !implicit(tables, store, i) && !store.get(i));

/** The relations a drawn edge stands for (optionally of one type), with their evidence when it is loaded. */
export function claimsOf(a: Pick<EdgeAttrs, 'idx'>, from: string, to: string, tables: Tables, store: EvidenceStore, type?: string): Claim[] {
  const out: Claim[] = [];
  for (const i of a.idx) {
    const rel = tables.relations[store.edgeTypes[i]];
    if (!rel || (type !== undefined && rel.id !== type)) continue;
    out.push({ type: rel.id, label: rel.label, from, to, entry: implicit(tables, store, i) ? NONE : store.get(i) });
  }
  return out;
}

/** "7 October 2019", "February 2017 – January 2021", "since 2017", "until 2021", or ''. */
export function dateText(e: Pick<EdgeEvidence, 'date' | 'start' | 'end'>): string {
  if (e.date) return formatDate(e.date);
  if (e.start && e.end) return `${formatDate(e.start)} – ${formatDate(e.end)}`;
  if (e.start) return `since ${formatDate(e.start)}`;
  if (e.end) return `until ${formatDate(e.end)}`;
  return '';
}

const safeHref = (url: string | undefined) => (url && /^(https?:\/\/|\/(?!\/))/i.test(url) ? url : undefined);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Dates, quote and sources of one relation (a pending note while its evidence file has not arrived). */
export function evidenceDetails(entry: EvidenceEntry | undefined, base: string): HTMLElement[] {
  if (!entry) return [el('p', 'kg-ev-pending', 'Loading the sources…')];
  const { evidence } = entry;
  if (!evidence) return [];
  const parts: HTMLElement[] = [];
  const when = dateText(evidence);
  if (when) parts.push(el('p', 'kg-ev-date', when));
  if (evidence.quote) {
    const q = el('blockquote', 'kg-ev-quote');
    q.append(el('p', undefined, `“${evidence.quote}”`));
    parts.push(q);
  }
  if (evidence.note) parts.push(el('p', 'kg-ev-note', evidence.note));
  const sources = evidence.sources.map((i) => entry.sources[i]).filter((s): s is EvidenceSource => s !== undefined);
  if (!sources.length) {
    parts.push(el('p', 'kg-ev-nosource', 'No source given'));
    return parts;
  }
  const list = el('ul', 'kg-ev-sources');
  list.setAttribute('aria-label', 'Sources');
  for (const s of sources) {
    const li = el('li');
    const a = el('a', 'kg-ev-title', s.title);
    a.href = safeHref(s.url) ?? entityUrl(base, s.id);
    const meta = [s.publisher, s.date ? formatDate(s.date) : undefined].filter(Boolean).join(', ');
    li.append(a);
    if (meta) li.append(el('span', 'kg-ev-meta', ` — ${meta}`));
    list.append(li);
  }
  parts.push(list);
  return parts;
}

/** The edge card: for each relation of the line, "A label B" and its evidence. */
export function edgeCard(claims: Claim[], titleOf: (node: string) => string, base: string): HTMLElement[] {
  return claims.map((c) => {
    const section = el('div', 'kg-ev');
    const head = el('p', 'kg-ev-head');
    head.append(el('strong', undefined, titleOf(c.from)), ` ${c.label} `, el('strong', undefined, titleOf(c.to)));
    section.append(head, ...evidenceDetails(c.entry, base));
    return section;
  });
}

/** The edge card of a view: ready parts when the evidence is loaded, else a promise of them. */
export function edgeDescriber(graph: ViewGraph, tables: Tables, store: EvidenceStore, base: string, shown: (rel: string) => boolean = () => true) {
  const titleOf = (n: string) => graph.getNodeAttribute(n, 'title');
  // Relations hidden by the view's filters (e.g. mentions on the network) are left out of the card.
  const card = (edge: string) => {
    const [s, t] = graph.extremities(edge);
    return edgeCard(claimsOf(graph.getEdgeAttributes(edge), s, t, tables, store).filter((c) => shown(c.type)), titleOf, base);
  };
  return (edge: string): HTMLElement[] | Promise<HTMLElement[]> => {
    const needed = missing(tables, store, graph.getEdgeAttribute(edge, 'idx'));
    if (!needed.length) return card(edge);
    return store.load(needed).then(() => card(edge), () => [el('p', 'kg-ev-pending', 'The sources could not be loaded.')]);
  };
}
