// The evidence of a drawn edge as readable DOM: each relation the line stands for, in words ("Wilbur Ross leads
// US Department of Commerce"), its dates, its quote and its sources (title linking to the document, publisher, date),
// or "No source given". Shared by the edge card (hover, click) and the network's side panel. Text only: untrusted
// note data goes in with textContent, links only with http(s) or site URLs (checked again here).
import type { EdgeEvidence, EvidenceTable } from '../kg/exports/edge-evidence.ts';
import { formatDate } from '../kg/dates.ts';
import { entityUrl } from './open-entity.ts';
import type { EdgeAttrs, Tables, ViewGraph } from './view-graph.ts';

/** One relation of a drawn edge and where its evidence is. */
export interface Claim {
  type: string;
  label: string;
  from: string;
  to: string;
  evidence: EdgeEvidence | null;
}

/** The payload a view was built from: its edges' types (by index) and, once loaded, their evidence. */
export interface EvidenceSource {
  edgeTypes: readonly number[];
  table(): EvidenceTable | undefined;
}

/** The relations a drawn edge stands for (optionally of one type), with their evidence when it is loaded. */
export function claimsOf(a: Pick<EdgeAttrs, 'idx'>, from: string, to: string, tables: Tables, source: EvidenceSource, type?: string): Claim[] {
  const table = source.table();
  const out: Claim[] = [];
  for (const i of a.idx) {
    const rel = tables.relations[source.edgeTypes[i]];
    if (!rel || (type !== undefined && rel.id !== type)) continue;
    out.push({ type: rel.id, label: rel.label, from, to, evidence: table?.edges[i] ?? null });
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

/** Dates, quote and sources of one relation (a pending note while the evidence file has not arrived). */
export function evidenceDetails(evidence: EdgeEvidence | null, table: EvidenceTable | undefined, base: string): HTMLElement[] {
  if (!table) return [el('p', 'kg-ev-pending', 'Loading the sources…')];
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
  if (!evidence.sources.length) {
    parts.push(el('p', 'kg-ev-nosource', 'No source given'));
    return parts;
  }
  const list = el('ul', 'kg-ev-sources');
  list.setAttribute('aria-label', 'Sources');
  for (const i of evidence.sources) {
    const s = table.sources[i];
    if (!s) continue;
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
export function edgeCard(claims: Claim[], titleOf: (node: string) => string, table: EvidenceTable | undefined, base: string): HTMLElement[] {
  return claims.map((c) => {
    const section = el('div', 'kg-ev');
    const head = el('p', 'kg-ev-head');
    head.append(el('strong', undefined, titleOf(c.from)), ` ${c.label} `, el('strong', undefined, titleOf(c.to)));
    section.append(head, ...evidenceDetails(c.evidence, table, base));
    return section;
  });
}

/**
 * Evidence on demand: `load` gives the table at once (a view file carries it) or fetches it once (the network's
 * graph-evidence.json, on the first edge hover or selection); `table()` is what has arrived so far.
 */
export function evidenceStore(edgeTypes: readonly number[], load: () => EvidenceTable | Promise<EvidenceTable>): EvidenceSource & { ready(): Promise<EvidenceTable> } {
  let table: EvidenceTable | undefined;
  let pending: Promise<EvidenceTable> | undefined;
  return {
    edgeTypes,
    table: () => table,
    ready() {
      if (table) return Promise.resolve(table);
      return pending ??= Promise.resolve(load()).then((t) => (table = t)).catch((error) => { pending = undefined; throw error; });
    },
  };
}

/** The edge card of a view: ready parts when the evidence is loaded, else a promise of them. */
export function edgeDescriber(graph: ViewGraph, tables: Tables, store: ReturnType<typeof evidenceStore>, base: string, shown: (rel: string) => boolean = () => true) {
  const titleOf = (n: string) => graph.getNodeAttribute(n, 'title');
  // Relations hidden by the view's filters (e.g. mentions on the network) are left out of the card.
  const card = (edge: string) => {
    const [s, t] = graph.extremities(edge);
    return edgeCard(claimsOf(graph.getEdgeAttributes(edge), s, t, tables, store).filter((c) => shown(c.type)), titleOf, store.table(), base);
  };
  return (edge: string): HTMLElement[] | Promise<HTMLElement[]> => {
    if (store.table()) return card(edge);
    return store.ready().then(() => card(edge), () => [el('p', 'kg-ev-pending', 'The sources could not be loaded.')]);
  };
}

