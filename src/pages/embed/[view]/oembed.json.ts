// /embed/<view id>/oembed.json: the static oEmbed document of an embed page (type "rich": the iframe snippet).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../integration/site.ts';
import { oembedDocument } from '../../../kg/view-embed.ts';
import { viewEntry, viewIds } from '../../../kg/view-catalog.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export const getStaticPaths = (async () => {
  const site = await getSite();
  return viewIds(site).map((view) => ({ params: { view } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const entry = viewEntry(site, base, String(params.view));
  if (!entry) return new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(oembedDocument(entry, site.config, base)), { headers: { 'Content-Type': 'application/json' } });
};
