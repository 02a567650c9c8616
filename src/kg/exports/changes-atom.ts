// changes.xml: the change log as an Atom 1.0 feed, one entry per version, dated by its commit, with stable ids.
import type { KgConfig } from '../config.ts';
import { formatDate } from '../dates.ts';
import type { EntityChange, RelationChange, RelationEnd } from '../changes/diff.ts';
import type { ChangeLog, Version } from '../changes/history.ts';
import { entityDetail, noHistoryMessage, relationDetail, relationLabel, versionSummary, versionTitle } from '../changes/labels.ts';

export interface FeedLinks {
  /** Absolute URL of the Changes page (entries link to its sections). */
  page: string;
  /** Absolute URL of this feed. */
  feed: string;
  /** Absolute URL of an entity's page, or undefined when the site has no page for it (removed since). */
  entity: (id: string) => string | undefined;
}

/** Items listed per list in an entry; the page has them all. */
const MAX_ITEMS = 50;
// A date Atom requires on a feed without entries: the epoch, rather than the build's clock (same notes, same bytes).
const NO_DATE = '1970-01-01T00:00:00Z';

// XML 1.0 forbids most control characters even when escaped; a note may contain them.
const stripControl = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
/** Text for XML or HTML content and attribute values. */
export function escapeMarkup(s: string): string {
  return stripControl(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function entityHtml(links: FeedLinks, e: { id: string; title: string }): string {
  const href = links.entity(e.id);
  return href ? `<a href="${escapeMarkup(href)}">${escapeMarkup(e.title)}</a>` : escapeMarkup(e.title);
}

function when(r: RelationChange): string {
  if (r.date) return ` (${formatDate(r.date)})`;
  if (r.start && r.end) return ` (${formatDate(r.start)}–${formatDate(r.end)})`;
  if (r.start) return ` (since ${formatDate(r.start)})`;
  return r.end ? ` (until ${formatDate(r.end)})` : '';
}

function list<T>(heading: string, items: T[], item: (x: T) => string): string {
  if (items.length === 0) return '';
  const more = items.length > MAX_ITEMS ? `<li>and ${items.length - MAX_ITEMS} more</li>` : '';
  return `<h3>${escapeMarkup(heading)}</h3><ul>${items.slice(0, MAX_ITEMS).map((x) => `<li>${item(x)}</li>`).join('')}${more}</ul>`;
}

function entryHtml(config: KgConfig, links: FeedLinks, v: Version): string {
  const parts = [`<p>${escapeMarkup(v.kind === 'tag' && v.subject ? `${v.subject}. ${versionSummary(v)}` : versionSummary(v))}</p>`];
  const d = v.diff;
  if (d) {
    const note = (detail: string | undefined) => (detail ? escapeMarkup(` (${detail})`) : '');
    const entity = (e: EntityChange) => `${entityHtml(links, e)}${note(entityDetail(config, e))}`;
    const removed = (e: EntityChange) => `${escapeMarkup(e.title)}${note(entityDetail(config, e))}`;
    const end = (e: RelationEnd) => entityHtml(links, e);
    const relation = (r: RelationChange) => `${end(r.from)} ${escapeMarkup(relationLabel(config, r.type))} ${end(r.to)}${escapeMarkup(when(r))}${note(relationDetail(r))}`;
    parts.push(
      list('Entities added', d.entities.added, entity),
      list('Entities removed', d.entities.removed, removed),
      list('Entities modified', d.entities.modified, entity),
      list('Relations added', d.relations.added, relation),
      list('Relations removed', d.relations.removed, relation),
      list('Relations modified', d.relations.modified, relation),
    );
  }
  return parts.join('');
}

function entryTitle(log: ChangeLog, v: Version): string {
  return v.kind === 'tag' && v.subject && v.subject !== v.name ? `${v.name}: ${v.subject}` : versionTitle(log, v);
}

/** The feed: versions newest first, as the page lists them. */
export function changesAtom(config: KgConfig, log: ChangeLog, links: FeedLinks): string {
  const x = escapeMarkup;
  const updated = log.versions[0]?.date ?? NO_DATE;
  const subtitle = log.mode === 'none' ? noHistoryMessage(log.reason, log.detail) : `What changed in the entities and relations of ${config.title}, version by version.`;
  const entries = log.versions.map((v) => {
    // An unreleased entry is named after the version it follows, so the next release's unreleased changes are a new entry.
    const id = v.kind === 'unreleased' ? `${links.page}#unreleased-since-${encodeURIComponent(v.since ?? '')}` : `${links.page}#${v.anchor}`;
    return [
      '  <entry>',
      `    <title>${x(entryTitle(log, v))}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(`${links.page}#${v.anchor}`)}"/>`,
      `    <id>${x(id)}</id>`,
      `    <updated>${v.date}</updated>`,
      `    <summary>${x(versionSummary(v))}</summary>`,
      `    <content type="html">${x(entryHtml(config, links, v))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${x(`${config.title}: changes`)}</title>`,
    `  <subtitle>${x(subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${x(links.feed)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(links.page)}"/>`,
    `  <id>${x(links.feed)}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${x(config.title)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
