// nodes.csv / edges.csv: RFC 4180 CSV for spreadsheets, with text cells neutralised against formula injection.
import type { KnowledgeGraph } from '../graph.ts';

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(header: string[], rows: Array<Array<string | number | undefined>>): string {
  return [header, ...rows].map((r) => r.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n';
}

export function nodesCsv(graph: KnowledgeGraph): string {
  const rows: Array<Array<string | number>> = [];
  graph.forEachNode((id, a) => rows.push([id, a.title, a.type, a.summary, a.aliases.join('; '), a.tags.join('; '), a.degree, a.community, a.x, a.y]));
  return csv(['id', 'title', 'type', 'summary', 'aliases', 'tags', 'degree', 'community', 'x', 'y'], rows);
}

export function edgesCsv(graph: KnowledgeGraph): string {
  const rows: Array<Array<string | number | undefined>> = [];
  graph.forEachEdge((key, a, s, t) => rows.push([key, s, t, a.kind, a.type, a.date, a.start, a.end, a.sources.join('; '), a.quote, a.definedIn]));
  return csv(['id', 'source', 'target', 'kind', 'type', 'date', 'start', 'end', 'sources', 'quote', 'defined_in'], rows);
}
