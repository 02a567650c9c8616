// An entity's relations grouped by relation type and direction, each labelled from its own end (label or inverse label).
import { allRelations } from '../../kg/config.ts';
import type { Site } from '../../kg/build.ts';
import { byTitle, entityRef, sourceRef, type EntityRef, type SourceRef } from './refs.ts';

/** `both` for symmetric relation types (same label either way), shown as one group. */
export type Direction = 'out' | 'in' | 'both';

export interface RelationItem {
  edge: string;
  other: EntityRef;
  date?: string;
  start?: string;
  end?: string;
  quote?: string;
  note?: string;
  sources: SourceRef[];
}

export interface RelationGroup {
  /** `<relation type>-<direction>`: stable, usable as an HTML id fragment. */
  id: string;
  type: string;
  direction: Direction;
  label: string;
  style: string;
  items: RelationItem[];
}

/** Sort key of an item: dated relations in date order, undated after them, then by the other entity's title. */
function itemOrder(a: RelationItem, b: RelationItem): number {
  const da = a.date ?? a.start ?? '\uffff';
  const db = b.date ?? b.start ?? '\uffff';
  return da < db ? -1 : da > db ? 1 : byTitle(a.other, b.other);
}

export function relationGroups(site: Site, base: string, id: string): RelationGroup[] {
  const specs = allRelations(site.config);
  const order = Object.keys(specs);
  const groups = new Map<string, RelationGroup>();
  site.graph.forEachEdge(id, (edge, a, source, target) => {
    if (a.kind !== 'relation') return;
    const spec = specs[a.type];
    const symmetric = spec !== undefined && spec.label === spec.inverseLabel;
    const direction: Direction = symmetric ? 'both' : source === id ? 'out' : 'in';
    const other = source === id ? target : source;
    const key = `${a.type}-${direction}`;
    let group = groups.get(key);
    if (!group) {
      const label = spec ? (direction === 'in' ? spec.inverseLabel : spec.label) : a.type.replace(/_/g, ' ');
      group = { id: key, type: a.type, direction, label, style: spec?.style ?? 'solid', items: [] };
      groups.set(key, group);
    }
    group.items.push({
      edge, other: entityRef(site, base, other), date: a.date, start: a.start, end: a.end, quote: a.quote, note: a.note,
      sources: a.sources.filter((s) => site.graph.hasNode(s)).map((s) => sourceRef(site, base, s)),
    });
  });
  const rank = (g: RelationGroup) => order.indexOf(g.type) * 2 + (g.direction === 'in' ? 1 : 0);
  const out = [...groups.values()].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
  for (const g of out) g.items.sort(itemOrder);
  return out;
}

export function relationCount(groups: RelationGroup[]): number {
  return groups.reduce((n, g) => n + g.items.length, 0);
}
