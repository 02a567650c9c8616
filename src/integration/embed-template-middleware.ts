// Build-time middleware: hands the network's embed page, as Astro renders it, to the build workers, which fill every
// other view's embed page into it (build-workers.ts). Reads no other response.
import type { MiddlewareHandler } from 'astro';
import { handOverEmbedTemplate, wantsEmbedTemplate } from './build-workers.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  if (!context.isPrerendered || !wantsEmbedTemplate() || !context.url.pathname.endsWith('/embed/network/')) return response;
  const html = await response.text();
  handOverEmbedTemplate(context.url.pathname, html);
  return new Response(html, { status: response.status, headers: response.headers });
};
