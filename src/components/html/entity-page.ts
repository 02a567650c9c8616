// An entity page's two parts that differ per note, as HTML: its head (meta, structured data, search metadata, oEmbed
// links) and its main content (entity-article.ts). The site's shell around them is Astro's (Base.astro); the build
// fills the shell once per note (src/integration/page-shell.ts) instead of rendering 10k+ pages through Astro.
import { h } from '../../kg/hast-element.ts';
import type { Root } from 'hast';
import { entityHref, type Site } from '../../kg/build.ts';
import { entityJsonLd, withFields } from '../../kg/exports/json-ld.ts';
import { shownAliases } from '../../kg/exports/redirects.ts';
import { hastToHtml } from '../../kg/view-html.ts';
import { oembedLink } from '../../kg/view-embed.ts';
import { pageViews } from '../../kg/view-catalog.ts';
import { entitiesWithCards } from '../../integration/og-image.ts';
import { entityArticle } from './entity-article.ts';
import { pageHead } from './page-head.ts';

/** oEmbed discovery for a page that shows views: one <link rel="alternate" type="application/json+oembed"> each. */
export function embedLinks(site: Site, base: string, entries: ReturnType<typeof pageViews>) {
  return entries.map((e) => h('link', oembedLink(e, site.config, base)));
}

/** The head of note `id`'s page after the fixed metas. */
export function entityHead(site: Site, base: string, id: string): Root {
  const note = site.byId.get(id)!;
  const typeSpec = site.config.types[note.type];
  const aliases = shownAliases(note.aliases);
  const absolute = (path: string) => new URL(path, site.config.site).href;
  const jsonLd = withFields(entityJsonLd(site.graph, site.config, id, (n) => absolute(entityHref(base, n))), site.config, note.type, note.fields);
  return { type: 'root', children: [
    ...pageHead(site.config, base, {
      title: note.title,
      description: note.summary || `${typeSpec?.label ?? 'Note'} in ${site.config.title}.`,
      // Best-connected entities have a preview card of their own; the rest share the site's.
      image: entitiesWithCards(site).has(id) ? `${base}entity/${id}/og.png` : `${base}og.png`,
      jsonLd,
      path: entityHref(base, id),
    }),
    h('meta', { name: 'kg:type', dataPagefindMeta: 'type[content]', content: typeSpec?.label ?? note.type }),
    h('meta', { name: 'kg:type-id', dataPagefindMeta: 'typeId[content]', content: note.type }),
    ...(aliases.length ? [h('meta', { name: 'kg:aliases', dataPagefindMeta: 'aliases[content]', content: aliases.join(' · ') })] : []),
    ...(note.type === 'article' ? [h('meta', { property: 'article:section', content: 'Articles' })] : []),
    ...embedLinks(site, base, pageViews(site, base, id)),
  ] };
}

export const entityPageHead = (site: Site, base: string, id: string): string => hastToHtml(entityHead(site, base, id));

/** The main content of note `id`'s page. */
export function entityPageMain(site: Site, base: string, id: string): string {
  return hastToHtml(entityArticle(site, base, id));
}
