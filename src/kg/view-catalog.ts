// Every embeddable view of a site, by id: the whole network, each entity's neighbourhood, each `::graph` directive.
// Embed pages, oEmbed documents and per-view JSON all list views from here, so they always agree.
import type { Site } from './build.ts';
import { entityNeighbourhood, type Neighbourhood, neighbourhoodId } from './neighbourhood.ts';
import type { EmbedTarget } from './view-embed.ts';
import { viewCaption } from './view-svg.ts';
import type { GraphView } from './views.ts';
import { sharedWeakMap } from './shared-memo.ts';

export type CatalogEntry =
  | (EmbedTarget & { kind: 'network'; page: string })
  | (EmbedTarget & { kind: 'entity'; page: string; noteId: string; view: Neighbourhood })
  | (EmbedTarget & { kind: 'directive'; page: string; noteId: string; view: GraphView });

export const NETWORK_ID = 'network';
const NETWORK_HEIGHT = 500;

interface Catalog { ids: string[]; hoods: Set<string>; entries: Map<string, CatalogEntry | undefined>; directives: Map<string, { noteId: string; view: GraphView }> }
const catalogs = sharedWeakMap<Site, Catalog>('view-catalog');

// Ids are cheap (an entity has a neighbourhood exactly when it has an edge); entries are made when asked for, so a
// page in dev pays for its own views only, not for every entity's neighbourhood.
function catalogOf(site: Site): Catalog {
  let c = catalogs.get(site);
  if (c) return c;
  const ids: string[] = [];
  const hoods = new Set<string>();
  const directives = new Map<string, { noteId: string; view: GraphView }>();
  for (const note of site.notes) {
    if (site.graph.hasNode(note.id) && site.graph.degree(note.id) > 0) hoods.add(neighbourhoodId(note.id));
    for (const view of site.views.get(note.id) ?? []) {
      ids.push(view.id);
      directives.set(view.id, { noteId: note.id, view });
    }
  }
  for (const hood of hoods) ids.push(hood); // not push(...hoods): as many arguments as entities
  ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  catalogs.set(site, (c = { ids: [NETWORK_ID, ...ids], hoods, entries: new Map(), directives }));
  return c;
}

/** Every view id, sorted (the network first). */
export function viewIds(site: Site): string[] {
  return catalogOf(site).ids;
}

/** Whether view `id` is an entity's neighbourhood (not the network, not an article's view). */
export function isNeighbourhoodView(site: Site, id: string): boolean {
  return catalogOf(site).hoods.has(id);
}

/** One view by id, made once per site; undefined when there is no such view. */
export function viewEntry(site: Site, base: string, id: string): CatalogEntry | undefined {
  const c = catalogOf(site);
  const key = `${base}\u0000${id}`;
  if (c.entries.has(key)) return c.entries.get(key);
  let entry: CatalogEntry | undefined;
  const directive = c.directives.get(id);
  if (id === NETWORK_ID) {
    entry = { kind: 'network', id, title: `${site.config.title}: the network`, height: NETWORK_HEIGHT, page: `${base}graph/` };
  } else if (directive) {
    const { noteId, view } = directive;
    entry = { kind: 'directive', id, noteId, title: viewCaption(view, site.graph), width: view.options.width, height: view.options.height, page: `${pageOf(base, noteId)}#view-${id}`, view };
  } else if (id.startsWith('entity-') && site.byId.has(id.slice('entity-'.length))) {
    const noteId = id.slice('entity-'.length);
    const hood = entityNeighbourhood(site.graph, noteId);
    if (hood.edges.length) {
      entry = { kind: 'entity', id, noteId, title: `Connections of ${site.byId.get(noteId)!.title}`, width: hood.options.width, height: hood.options.height, page: pageOf(base, noteId), view: hood };
    }
  }
  c.entries.set(key, entry);
  return entry;
}

const pageOf = (base: string, noteId: string) => `${base}entity/${encodeURIComponent(noteId)}/`;

/** The catalog entry of an entity's neighbourhood, if it has one (an entity with no relations has none). */
export function neighbourhoodEntry(site: Site, base: string, noteId: string) {
  const entry = viewEntry(site, base, neighbourhoodId(noteId));
  return entry?.kind === 'entity' ? entry : undefined;
}

/** Views a note's page carries: its neighbourhood and its directives (for oEmbed discovery links). */
export function pageViews(site: Site, base: string, noteId: string): CatalogEntry[] {
  const hood = viewEntry(site, base, neighbourhoodId(noteId));
  const directives = (site.views.get(noteId) ?? []).map((v) => viewEntry(site, base, v.id)!).filter(Boolean);
  return [...directives, ...(hood ? [hood] : [])];
}
