// /entity/<id>/og.png: an entity's social preview image (1200x630), for the best-connected entities (see ogLimit).
// The dev server serves them from here; a build writes them itself as they are drawn (writeOgCards in og-image.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, isBuilding } from '../../../integration/site.ts';
import { entitiesWithCards, entityOgPng } from '../../../integration/og-image.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  if (isBuilding()) return [];
  const site = await getSite();
  const cards = entitiesWithCards(site);
  return site.notes.filter((n) => cards.has(n.id)).map((n) => ({ params: { id: n.id } }));
};

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const png = await entityOgPng(site, params.id!);
  return new Response(png as unknown as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
