// /entity/<id>/og.png: the entity's social preview image (1200x630), rendered once per build (cached between builds).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../integration/site.ts';
import { entityOgPng } from '../../../integration/og-image.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  return site.notes.map((n) => ({ params: { id: n.id } }));
};

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const png = await entityOgPng(site, params.id!);
  return new Response(png as unknown as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
