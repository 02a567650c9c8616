// Build-time middleware: hands each entity page's HTML to Pagefind as Astro renders it, so the search index is built
// in Pagefind's own process while the build goes on, instead of re-reading every page from disk afterwards.
import type { MiddlewareHandler } from 'astro';
import { searchIndexInProgress } from './pagefind.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const indexing = searchIndexInProgress();
  if (!indexing || !context.isPrerendered) return response;
  const path = context.url.pathname.slice(indexing.base.length - 1);
  // Only entity pages carry data-pagefind-body; the other pages (embeds, indexes) would be skipped anyway.
  if (!/^\/entity\/[^/]+\/$/.test(path) || !response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  indexing.add(`${path.slice(1)}index.html`, html);
  return new Response(html, { status: response.status, headers: response.headers });
};
