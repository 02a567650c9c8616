// The Changes page's model: each version's heading, date and summary, and its lists of changed entities and relations
// with links to the pages that exist now (a removed entity is plain text).
import { entityHref, type Site } from '../../kg/build.ts';
import { formatDate } from '../../kg/dates.ts';
import type { ChangeLists, EntityChange, RelationChange, RelationEnd } from '../../kg/changes/diff.ts';
import type { ChangeLog, Version } from '../../kg/changes/history.ts';
import { entityDetail, noHistoryMessage, relationDetail, relationLabel, versionSummary, versionTitle } from '../../kg/changes/labels.ts';
import type { Diagnostic } from '../../kg/types.ts';

/** Items shown per list; a version that added thousands of notes says how many more there are. */
export const MAX_LISTED = 300;

export interface ChangeRef { id: string; title: string; type: string; href?: string }

export interface EntityItem { entity: ChangeRef; detail?: string; previousTitle?: string }

export interface RelationItem { from: ChangeRef; label: string; to: ChangeRef; date?: string; start?: string; end?: string; detail?: string }

export type ChangeSection =
  | { id: string; heading: string; kind: 'entities'; items: EntityItem[]; more: number }
  | { id: string; heading: string; kind: 'relations'; items: RelationItem[]; more: number };

export interface VersionView {
  anchor: string;
  title: string;
  /** "Tag v2", "Commit 038cc30", "Not in a tagged version yet". */
  label: string;
  date: string;
  dateText: string;
  /** A tag's message (a commit's subject is its title). */
  subject?: string;
  since?: string;
  summary: string;
  sections: ChangeSection[];
  errors: number;
  diagnostics: Diagnostic[];
}

export interface ChangesView {
  /** Set when there is no history, saying why. */
  message?: string;
  /** How the versions were chosen. */
  basis: string;
  versions: VersionView[];
  /** The history has older versions than the `limit` listed. */
  more: boolean;
  limit: number;
}

function ref(site: Site, base: string, e: RelationEnd): ChangeRef {
  return { id: e.id, title: e.title, type: e.type, ...(site.graph.hasNode(e.id) ? { href: entityHref(base, e.id) } : {}) };
}

function capped<T, U>(list: T[], map: (x: T) => U): { items: U[]; more: number } {
  return { items: list.slice(0, MAX_LISTED).map(map), more: Math.max(0, list.length - MAX_LISTED) };
}

function entitySections(site: Site, base: string, anchor: string, lists: ChangeLists<EntityChange>): ChangeSection[] {
  const item = (e: EntityChange, linked = true): EntityItem => {
    const detail = entityDetail(site.config, e);
    // A removed entity has no page: its title alone, even if a new note took its id.
    const entity = linked ? ref(site, base, e) : { id: e.id, title: e.title, type: e.type };
    return { entity, ...(detail ? { detail } : {}), ...(e.previousTitle ? { previousTitle: e.previousTitle } : {}) };
  };
  return [
    { id: `${anchor}-entities-added`, heading: 'Entities added', kind: 'entities' as const, ...capped(lists.added, (e: EntityChange) => item(e)) },
    { id: `${anchor}-entities-removed`, heading: 'Entities removed', kind: 'entities' as const, ...capped(lists.removed, (e: EntityChange) => item(e, false)) },
    { id: `${anchor}-entities-modified`, heading: 'Entities modified', kind: 'entities' as const, ...capped(lists.modified, (e: EntityChange) => item(e)) },
  ].filter((s) => s.items.length > 0);
}

function relationSections(site: Site, base: string, anchor: string, lists: ChangeLists<RelationChange>): ChangeSection[] {
  const item = (r: RelationChange): RelationItem => {
    const detail = relationDetail(r);
    return {
      from: ref(site, base, r.from), label: relationLabel(site.config, r.type), to: ref(site, base, r.to),
      ...(r.date ? { date: r.date } : {}), ...(r.start ? { start: r.start } : {}), ...(r.end ? { end: r.end } : {}), ...(detail ? { detail } : {}),
    };
  };
  return [
    { id: `${anchor}-relations-added`, heading: 'Relations added', kind: 'relations' as const, ...capped(lists.added, item) },
    { id: `${anchor}-relations-removed`, heading: 'Relations removed', kind: 'relations' as const, ...capped(lists.removed, item) },
    { id: `${anchor}-relations-modified`, heading: 'Relations modified', kind: 'relations' as const, ...capped(lists.modified, item) },
  ].filter((s) => s.items.length > 0);
}

function label(log: ChangeLog, v: Version): string {
  if (v.kind === 'tag') return `Tag ${v.name}`;
  if (v.kind === 'commit') return `Commit ${v.name}`;
  return log.mode === 'tags' ? 'Not in a tagged version yet' : 'Not committed yet';
}

export function versionView(site: Site, base: string, log: ChangeLog, v: Version): VersionView {
  return {
    anchor: v.anchor, title: versionTitle(log, v), label: label(log, v), date: v.date, dateText: formatDate(v.date.slice(0, 10)),
    ...(v.kind === 'tag' && v.subject && v.subject !== v.name ? { subject: v.subject } : {}),
    ...(v.since ? { since: v.since } : {}),
    summary: versionSummary(v),
    sections: v.diff ? [...entitySections(site, base, v.anchor, v.diff.entities), ...relationSections(site, base, v.anchor, v.diff.relations)] : [],
    errors: v.diff?.errors ?? 0, diagnostics: v.diff?.diagnostics ?? [],
  };
}

export function changesView(site: Site, base: string, log: ChangeLog): ChangesView {
  const basis = log.mode === 'tags'
    ? 'One section per tagged version of the notes, each compared with the version before it.'
    : log.mode === 'commits'
      ? `No version of the notes is tagged yet: these are the last commits that changed them (up to ${log.limit}), each compared with the one before.`
      : '';
  return {
    ...(log.mode === 'none' ? { message: noHistoryMessage(log.reason, log.detail) } : {}),
    basis, versions: log.versions.map((v) => versionView(site, base, log, v)), more: log.more, limit: log.limit,
  };
}
