// Every embeddable view of a site, by id: the whole network, each entity's neighbourhood, each `::graph` directive.
// Embed pages, oEmbed documents and per-view JSON all list views from here, so they always agree.
import type { Site } from './build.ts';
import { entityNeighbourhood, type Neighbourhood, neighbourhoodId } from './neighbourhood.ts';
import type { EmbedTarget } from './view-embed.ts';
import { viewCaption } from './view-svg.ts';
import type { GraphView } from './views.ts';

export type CatalogEntry =
  | (EmbedTarget & { kind: 'network'; page: string })
  | (EmbedTarget & { kind: 'entity'; page: string; noteId: string; view: Neighbourhood })
  | (EmbedTarget & { kind: 'directive'; page: string; noteId: string; view: GraphView });

export const NETWORK_ID = 'network';
const NETWORK_HEIGHT = 500;

const catalogs = new WeakMap<Site, Map<string, CatalogEntry>>();

/** All views, sorted by id (the network first); computed once per site. */
export function viewCatalog(site: Site, base: string): Map<string, CatalogEntry> {
  let out = catalogs.get(site);
  if (out) return out;
  out = new Map();
  out.set(NETWORK_ID, { kind: 'network', id: NETWORK_ID, title: `${site.config.title}: the network`, height: NETWORK_HEIGHT, page: `${base}graph/` });
  const entries: CatalogEntry[] = [];
  for (const note of site.notes) {
    const page = `${base}entity/${encodeURIComponent(note.id)}/`;
    const hood = entityNeighbourhood(site.graph, note.id);
    if (hood.edges.length) {
      entries.push({ kind: 'entity', id: hood.id, noteId: note.id, title: `Connections of ${note.title}`, width: hood.options.width, height: hood.options.height, page, view: hood });
    }
    for (const view of site.views.get(note.id) ?? []) {
      entries.push({ kind: 'directive', id: view.id, noteId: note.id, title: viewCaption(view, site.graph), width: view.options.width, height: view.options.height, page: `${page}#view-${view.id}`, view });
    }
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of entries) out.set(e.id, e);
  catalogs.set(site, out);
  return out;
}

/** The catalog entry of an entity's neighbourhood, if it has one (an entity with no relations has none). */
export function neighbourhoodEntry(site: Site, base: string, noteId: string) {
  const entry = viewCatalog(site, base).get(neighbourhoodId(noteId));
  return entry?.kind === 'entity' ? entry : undefined;
}

/** Views a note's page carries: its neighbourhood and its directives (for oEmbed discovery links). */
export function pageViews(site: Site, base: string, noteId: string): CatalogEntry[] {
  const catalog = viewCatalog(site, base);
  const hood = catalog.get(neighbourhoodId(noteId));
  const directives = (site.views.get(noteId) ?? []).map((v) => catalog.get(v.id)!).filter(Boolean);
  return [...directives, ...(hood ? [hood] : [])];
}
