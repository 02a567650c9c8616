// /og.png: the site-wide social preview image (home, index pages, entities without a card of their own).
import type { APIRoute } from 'astro';
import { getSite } from '../integration/site.ts';
import { cachedOgPng, ogSvg, siteOgCard } from '../integration/og-image.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const png = await cachedOgPng(ogSvg(siteOgCard(site)));
  return new Response(png as unknown as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
