// One CSS custom property per entity type (its colour from the config), so badges, dots and tables share the graph's colours without inline styles.
import type { APIRoute } from 'astro';
import { getSite } from '../integration/site.ts';
import { typeColorCss } from '../components/type-colors.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(typeColorCss(site.config), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
