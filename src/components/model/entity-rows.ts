// Rows for index tables: one per entity, with what the table shows and sorts by.
import { entityHref, type Site } from '../../kg/build.ts';
import { byTitle } from './refs.ts';

export interface EntityRow {
  id: string;
  title: string;
  href: string;
  type: string;
  typeLabel: string;
  summary: string;
  /** Distinct entities linked to this one, by any relation, mention or citation. */
  connections: number;
  /** The note's own date field (sources, articles, events), if any. */
  date?: string;
}

export function connectionCount(site: Site, id: string): number {
  return site.graph.neighbors(id).filter((n) => n !== id).length;
}

export function entityRows(site: Site, base: string, ids: Iterable<string>): EntityRow[] {
  const rows: EntityRow[] = [];
  for (const id of ids) {
    if (!site.graph.hasNode(id)) continue;
    const a = site.graph.getNodeAttributes(id);
    const date = site.byId.get(id)?.fields.date;
    rows.push({
      id, title: a.title, href: entityHref(base, id), type: a.type, typeLabel: site.config.types[a.type]?.label ?? a.type,
      summary: a.summary, connections: connectionCount(site, id), date: typeof date === 'string' ? date : undefined,
    });
  }
  return rows.sort(byTitle);
}

/** Note ids per type, in id order. */
export function idsByType(site: Site): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const note of site.notes) {
    let list = out.get(note.type);
    if (!list) out.set(note.type, (list = []));
    list.push(note.id);
  }
  return out;
}
