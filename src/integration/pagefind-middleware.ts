// Build-time middleware: hands each entity page's HTML to Pagefind as Astro renders it, so the search index is built
// in Pagefind's own process while the build goes on, instead of re-reading every page from disk afterwards.
import type { MiddlewareHandler } from 'astro';
import { searchIndexInProgress } from './pagefind.ts';

/**
 * What Pagefind reads of an entity page: everything up to the first `data-pagefind-ignore="all"` block after the
 * indexed element (the relations, graph and link lists; see pages/entity/[id].astro). The head (title, meta) and the
 * `data-pagefind-body` element come before it, so the index is the same, from a fifth of the bytes: the copy to
 * Pagefind's process was the costliest part of indexing.
 */
export function indexedPart(html: string): string {
  const body = html.indexOf(' data-pagefind-body');
  const ignored = body < 0 ? -1 : html.indexOf(' data-pagefind-ignore="all"', body);
  return ignored < 0 ? html : html.slice(0, html.lastIndexOf('<', ignored));
}

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const indexing = searchIndexInProgress();
  if (!indexing || !context.isPrerendered) return response;
  const path = context.url.pathname.slice(indexing.base.length - 1);
  // Only entity pages carry data-pagefind-body; the other pages (embeds, indexes) would be skipped anyway.
  if (!/^\/entity\/[^/]+\/$/.test(path) || !response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  indexing.add(`${path.slice(1)}index.html`, indexedPart(html));
  return new Response(html, { status: response.status, headers: response.headers });
};
