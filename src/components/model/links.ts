// Mentions (plain body links) both ways, and citations both ways, for an entity page.
import type { Site } from '../../kg/build.ts';
import { byTitle, entityRef, sourceRef, type EntityRef, type SourceRef } from './refs.ts';

function neighbours(site: Site, id: string, kind: 'mentions' | 'cites', direction: 'out' | 'in'): string[] {
  const out = new Set<string>();
  const visit = (_e: string, a: { kind: string }, s: string, t: string) => {
    if (a.kind === kind) out.add(direction === 'out' ? t : s);
  };
  if (direction === 'out') site.graph.forEachOutEdge(id, visit);
  else site.graph.forEachInEdge(id, visit);
  out.delete(id);
  return [...out];
}

/** Notes whose body links to this one ("Mentioned in"). */
export function mentionedIn(site: Site, base: string, id: string): EntityRef[] {
  return neighbours(site, id, 'mentions', 'in').map((n) => entityRef(site, base, n)).sort(byTitle);
}

/** Notes this one's body links to. */
export function mentions(site: Site, base: string, id: string): EntityRef[] {
  return neighbours(site, id, 'mentions', 'out').map((n) => entityRef(site, base, n)).sort(byTitle);
}

/** Sources this note cites, newest first, then by title. */
export function citedSources(site: Site, base: string, id: string): SourceRef[] {
  return neighbours(site, id, 'cites', 'out').map((n) => sourceRef(site, base, n)).sort(bySourceDate);
}

/** Notes that cite this one (for source pages). */
export function citedBy(site: Site, base: string, id: string): EntityRef[] {
  return neighbours(site, id, 'cites', 'in').map((n) => entityRef(site, base, n)).sort(byTitle);
}

export function bySourceDate(a: SourceRef, b: SourceRef): number {
  const da = a.date ?? '', db = b.date ?? '';
  return da > db ? -1 : da < db ? 1 : byTitle(a, b);
}
