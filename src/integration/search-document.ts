// What Pagefind indexes for a note's page, made from the engine's result instead of the rendered page: the same
// words in the same elements as the page's `data-pagefind-body` part and its `data-pagefind-meta` tags (type badge,
// title, other names, summary, byline, facts, body), so the whole index can be handed to Pagefind before the pages
// render. test/browser/search-index.ts (run on the demo and hostile sites) checks that the index equals, file for file,
// the one Pagefind makes from the built pages.
import type { Site } from '../kg/build.ts';
import { escapeAttribute as attr, escapeText as text } from '../kg/view-html.ts';
import { formatDate } from '../kg/dates.ts';
import { shownAliases } from '../kg/exports/redirects.ts';
import { bylineAuthors } from '../components/model/byline.ts';
import { pageFacts } from '../components/model/fields.ts';

/** The page's path under the site as its URL has it (Pagefind's `sourcePath`): `entity/<id>/index.html`. */
export const searchPath = (id: string) => `entity/${encodeURIComponent(id)}/index.html`;

/** A small HTML document with the indexed part of the note's page (components/html/entity-article.ts: its header and facts). */
export function searchDocument(site: Site, id: string): string {
  const note = site.byId.get(id);
  if (!note) throw new Error(`No note with id "${id}"`);
  const { type, title, summary, fields } = note;
  const label = site.config.types[type]?.label ?? type;
  const aliases = shownAliases(note.aliases);
  const isArticle = type === 'article';
  const meta = (name: string, value: string) => `<meta data-pagefind-meta="${name}[content]" content="${attr(value)}">`;
  const head = [meta('type', label), meta('typeId', type), ...(aliases.length ? [meta('aliases', aliases.join(' · '))] : [])];

  const header = [`<p>${text(label)}</p>`, `<h1>${text(title)}</h1>`];
  if (aliases.length) header.push(`<p data-pagefind-weight="6"><span>Also known as</span>${aliases.map((a) => ` <span>${text(a)}</span>`).join('')}</p>`);
  if (summary) header.push(`<p>${text(summary)}</p>`);
  if (isArticle) {
    const by = bylineAuthors(fields.authors);
    const date = typeof fields.date === 'string' ? fields.date : undefined;
    if (by || date) header.push(`<p>${by ? `<span>${text(by)}</span>` : ''}${date ? `<time>${text(formatDate(date))}</time>` : ''}</p>`);
  }
  const rows = pageFacts(site.config, type, fields);
  const facts = rows.length ? `<dl>${rows.map((r) => `<div><dt>${text(r.label)}</dt><dd>${text(r.text)}</dd></div>`).join('')}</dl>` : '';
  const body = site.html.get(id) ?? '';
  const prose = body.trim() ? `<div>${body}</div>` : '';
  return `<html lang="en"><head>${head.join('')}</head><body><div data-pagefind-body><header>${header.join('')}</header>${facts}${prose}</div></body></html>`;
}
