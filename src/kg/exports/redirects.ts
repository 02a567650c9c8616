// Renames: a note that lists its old id among its aliases (`aliases: [meiya-pico]`) keeps its old address working
// through a small redirect page at `/entity/<old-id>/`.
import type { Site } from '../build.ts';
import { entityHref } from '../build.ts';

/** An alias written as an id (lower-case ASCII letters and digits joined by single dashes) is an old address. */
export const isOldId = (alias: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(alias);

/** The aliases a note's page shows: an old id kept as an alias is an address (it redirects here), not a name. */
export const shownAliases = (aliases: string[]): string[] => aliases.filter((a) => !isOldId(a));

/** Old id -> current id, for every id-form alias no note has as its id (first note wins), sorted. */
export function redirects(site: Site): Array<{ from: string; to: string }> {
  const out = new Map<string, string>();
  for (const note of site.notes) {
    for (const alias of note.aliases) {
      if (isOldId(alias) && !site.byId.has(alias) && !out.has(alias)) out.set(alias, note.id);
    }
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([from, to]) => ({ from, to }));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page at the old address: an immediate meta refresh (no script: the site's CSP forbids inline script).
 *  It names the site's icon like every page, or the browser asks for /favicon.ico, which no static host has. */
export function redirectPage(site: Site, base: string, to: string): string {
  const href = entityHref(base, to);
  const title = escape(site.byId.get(to)!.title);
  const canonical = escape(new URL(href, site.config.site).href);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Moved: ${title}</title><meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${escape(href)}"><link rel="canonical" href="${canonical}">
<link rel="icon" href="${escape(base)}favicon.svg" type="image/svg+xml"></head>
<body><p>This page has moved to <a href="${escape(href)}">${title}</a>.</p></body></html>
`;
}
