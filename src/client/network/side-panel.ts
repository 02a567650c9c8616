// The network view's side panel for the selected entity: type, title, summary, its relations, and a link to its page.
import type { Tables, ViewGraph } from '../view-graph.ts';

export interface PanelRow {
  label: string; other: string; title: string; implicit: boolean;
  /** The drawn edge and the relation type of this row (its evidence, its line in the graph). */
  edge: string; rel: string;
}

/** Relations of a node as readable rows: outgoing with the relation's label, incoming with its inverse label. */
export function relationRows(graph: ViewGraph, tables: Tables, node: string): PanelRow[] {
  const rel = new Map(tables.relations.map((r) => [r.id, r]));
  const rows: PanelRow[] = [];
  graph.forEachOutEdge(node, (edge, a, _s, t) => {
    for (const id of a.rels) rows.push({ label: rel.get(id)?.label ?? id, other: t, title: graph.getNodeAttribute(t, 'title'), implicit: id === 'mentions' || id === 'cites', edge, rel: id });
  });
  graph.forEachInEdge(node, (edge, a, s) => {
    for (const id of a.rels) rows.push({ label: rel.get(id)?.inverseLabel ?? id, other: s, title: graph.getNodeAttribute(s, 'title'), implicit: id === 'mentions' || id === 'cites', edge, rel: id });
  });
  return rows.sort((a, b) => Number(a.implicit) - Number(b.implicit) || a.label.localeCompare(b.label) || a.title.localeCompare(b.title));
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Optional parts of the relation list: each row's evidence, and a callback while a row has the focus or pointer. */
export interface PanelEvidence {
  evidenceOf(row: PanelRow): HTMLElement[];
  onFocusRow(row: PanelRow | null): void;
}

function rowList(rows: PanelRow[], onPick: (id: string) => void, evidence?: PanelEvidence): HTMLUListElement {
  const ul = el('ul', 'kg-panel-relations');
  for (const r of rows) {
    const li = el('li');
    const b = el('button', 'kg-panel-node', r.title);
    b.type = 'button';
    b.dataset.node = r.other;
    b.addEventListener('click', () => onPick(r.other));
    li.append(el('span', 'kg-panel-rel', `${r.label} `), b);
    if (evidence) {
      const parts = evidence.evidenceOf(r);
      if (parts.length) {
        const box = el('div', 'kg-panel-evidence');
        box.append(...parts);
        li.append(box);
      }
      // Keyboard and pointer alike: the row's line stands out in the graph while the row is in focus or hovered.
      li.dataset.edge = r.edge;
      li.addEventListener('focusin', () => evidence.onFocusRow(r));
      li.addEventListener('focusout', () => evidence.onFocusRow(null));
      li.addEventListener('mouseenter', () => evidence.onFocusRow(r));
      li.addEventListener('mouseleave', () => evidence.onFocusRow(null));
    }
    ul.append(li);
  }
  return ul;
}

export interface PanelContent {
  id: string;
  title: string;
  typeLabel: string;
  color: string;
  summary?: string;
  href: string;
  rows: PanelRow[];
}

export function renderPanel(panel: HTMLElement, c: PanelContent, onPick: (id: string) => void, onClose: () => void, evidence?: PanelEvidence): void {
  const close = el('button', 'kg-panel-close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close the panel');
  close.addEventListener('click', onClose);
  const type = el('p', 'kg-panel-type');
  const swatch = el('span', 'kg-panel-swatch');
  swatch.style.backgroundColor = c.color;
  type.append(swatch, c.typeLabel);
  const title = el('h2', 'kg-panel-title', c.title);
  title.id = 'kg-panel-title';
  title.tabIndex = -1;
  const open = el('a', 'kg-panel-open', 'Open the page →');
  open.href = c.href;
  const parts: HTMLElement[] = [close, type, title];
  if (c.summary) parts.push(el('p', 'kg-panel-summary', c.summary));
  const openP = el('p');
  openP.append(open);
  parts.push(openP);
  const explicit = c.rows.filter((r) => !r.implicit);
  const implicit = c.rows.filter((r) => r.implicit);
  if (explicit.length) parts.push(el('h3', undefined, `Relations (${explicit.length})`), rowList(explicit, onPick, evidence));
  if (implicit.length) {
    const details = el('details');
    details.append(el('summary', undefined, `Mentions and citations (${implicit.length})`), rowList(implicit, onPick, evidence && { ...evidence, evidenceOf: () => [] }));
    parts.push(details);
  }
  panel.replaceChildren(...parts);
  panel.setAttribute('aria-labelledby', title.id);
  panel.hidden = false;
}
