// /views/<view id>.json: one view's data (nodes, edges, positions, summaries), loaded when that view scrolls into view.
// Ids: `entity-<note id>` for neighbourhoods (depth 2, with depth-1 positions), `<note id>--<n>` for article views.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../integration/site.ts';
import { toNeighbourhoodData, toViewData } from '../../kg/exports/view-json.ts';
import { NETWORK_ID, viewEntry, viewIds } from '../../kg/view-catalog.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export const getStaticPaths = (async () => {
  const site = await getSite();
  return viewIds(site).filter((id) => id !== NETWORK_ID).map((view) => ({ params: { view } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const entry = viewEntry(site, base, String(params.view));
  if (!entry || entry.kind === 'network') return new Response('Not found', { status: 404 });
  const data = entry.kind === 'entity'
    ? toNeighbourhoodData(entry.view, site.graph, site.config, entry.page)
    : toViewData(entry.view, site.graph, site.config, entry.page);
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
