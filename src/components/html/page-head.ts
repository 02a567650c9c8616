// The part of a page's <head> that differs per page (title, description, canonical address, preview card, structured
// data), for Base.astro and for the entity pages written outside Astro (entity-page.ts), so both say the same.
import { h } from '../../kg/hast-element.ts';
import type { ElementContent } from 'hast';
import type { KgConfig } from '../../kg/config.ts';
import { safeJson } from '../../kg/safe-json.ts';
import { documentTitle } from '../model/document-title.ts';

export interface PageMeta {
  title: string;
  description?: string;
  /** Absolute or site-relative URL of a preview image (OpenGraph / Twitter); default the site card. */
  image?: string;
  /** Structured data, serialised with safeJson into a JSON-LD script. */
  jsonLd?: unknown;
  /** Keep the page out of search engines (404, search results). */
  noindex?: boolean;
  /** The page's path under the site (e.g. `/entity/x/`), for its canonical address. */
  path: string;
}

/** From <title> to the JSON-LD script: everything in the head between the fixed metas and the page's own extras. */
export function pageHead(config: KgConfig, base: string, meta: PageMeta): ElementContent[] {
  const { title, jsonLd, noindex = false } = meta;
  const description = meta.description ?? config.description;
  const site = config.site ? new URL(config.site) : undefined;
  const canonical = site && !noindex ? new URL(meta.path, site).href : undefined;
  // Every page shares something: the site card unless the page has its own.
  const imagePath = meta.image ?? `${base}og.png`;
  const image = site ? new URL(imagePath, site).href : imagePath;
  const tag = (attrs: Record<string, string>) => h('meta', attrs);
  return [
    h('title', documentTitle(title, config.title)),
    tag({ name: 'description', content: description }),
    ...(noindex ? [tag({ name: 'robots', content: 'noindex' })] : []),
    ...(canonical ? [h('link', { rel: 'canonical', href: canonical })] : []),
    h('link', { rel: 'icon', href: `${base}favicon.svg`, type: 'image/svg+xml' }),
    h('link', { rel: 'stylesheet', href: `${base}kg-types.css` }),
    tag({ property: 'og:site_name', content: config.title }),
    tag({ property: 'og:title', content: title }),
    tag({ property: 'og:description', content: description }),
    tag({ property: 'og:type', content: 'website' }),
    ...(canonical ? [tag({ property: 'og:url', content: canonical })] : []),
    tag({ property: 'og:image', content: image }),
    tag({ property: 'og:image:width', content: '1200' }),
    tag({ property: 'og:image:height', content: '630' }),
    tag({ name: 'twitter:card', content: 'summary_large_image' }),
    tag({ name: 'twitter:title', content: title }),
    tag({ name: 'twitter:description', content: description }),
    tag({ name: 'twitter:image', content: image }),
    ...(jsonLd !== undefined ? [h('script', { type: 'application/ld+json' }, safeJson(jsonLd))] : []),
  ];
}
