// What changed between two versions of the same files: entities added, removed or modified (and which fields), relations
// added, removed or modified (dates, quote, note, sources), in a fixed order.
import type { KgConfig } from '../config.ts';
import { sortDiagnostics } from '../diagnostics.ts';
import { bodyStart } from '../frontmatter.ts';
import { edgeRelations, relationKey } from '../graph.ts';
import { type NameIndex, resolveName, targetKey } from '../resolve.ts';
import type { Diagnostic, Note, Relation } from '../types.ts';
import type { VersionSide } from './side.ts';

/** Fields of an entity a change can touch, in the order a page lists them (`facts` are the type's own fields). */
export const ENTITY_FIELDS = ['type', 'title', 'aliases', 'summary', 'tags', 'facts', 'sources', 'body'] as const;
export type EntityField = (typeof ENTITY_FIELDS)[number];

export interface EntityChange {
  id: string;
  /** Title and type at the newer version (at the older one for a removed entity). */
  title: string;
  type: string;
  /** Modified: what differs, in ENTITY_FIELDS order. */
  changed?: EntityField[];
  /** Modified: names of the type-specific fields that differ (e.g. `country`). */
  facts?: string[];
  /** Modified: the title before, when it changed. */
  previousTitle?: string;
  /** The note could not be read (it had errors) at one of the versions: its title is its file name, its fields were not compared. */
  unreadable?: 'before' | 'after';
}

export interface RelationEnd { id: string; title: string; type: string }

export const RELATION_FIELDS = ['dates', 'quote', 'note', 'sources'] as const;
export type RelationField = (typeof RELATION_FIELDS)[number];

export interface RelationChange {
  type: string;
  from: RelationEnd;
  to: RelationEnd;
  /** When the relation held, at the newer version (the older one for a removed relation). */
  date?: string;
  start?: string;
  end?: string;
  /** Modified: what differs. */
  changed?: RelationField[];
}

export interface ChangeLists<T> { added: T[]; removed: T[]; modified: T[] }

export interface VersionDiff {
  entities: ChangeLists<EntityChange>;
  relations: ChangeLists<RelationChange>;
  /** Errors in the newer version's changed notes: how many, and the first ones. */
  errors: number;
  diagnostics: Diagnostic[];
}

/** How many of a version's errors are kept to show. */
const MAX_DIAGNOSTICS = 20;

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) => collator.compare(a.title, b.title) || cmp(a.id, b.id);
const byEnds = (a: RelationChange, b: RelationChange) =>
  byTitle(a.from, b.from) || cmp(a.type, b.type) || byTitle(a.to, b.to) || cmp(a.date ?? a.start ?? '', b.date ?? b.start ?? '');

/** A value as stable text: object keys sorted, so `{a, b}` and `{b, a}` compare equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => cmp(a, b))) : v);
}

function bodyOf(note: Note): string {
  return note.text.slice(bodyStart(note.text)).replace(/\r\n?/g, '\n').trim();
}

/** The ids a note's `sources` resolve to at its version (the written name when it matches nothing). */
function sourceIds(side: VersionSide, note: Note): string {
  return note.sources.map((s) => { const r = resolveName(side.index, s.target); return 'id' in r ? r.id : targetKey(s.target); }).sort().join('\n');
}

function entity(note: Note): EntityChange {
  return { id: note.id, title: note.title, type: note.type };
}

function compareEntity(before: VersionSide, a: Note, after: VersionSide, b: Note): EntityChange | undefined {
  if (a.broken || b.broken) {
    if (a.broken && b.broken && a.text === b.text) return undefined;
    return { ...entity(b), unreadable: b.broken ? 'after' : 'before' };
  }
  const facts = [...new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])].sort()
    .filter((k) => stable(a.fields[k]) !== stable(b.fields[k]));
  const differs: Record<EntityField, boolean> = {
    type: a.type !== b.type,
    title: a.title !== b.title,
    aliases: stable(a.aliases) !== stable(b.aliases),
    summary: a.summary !== b.summary,
    tags: stable(a.tags) !== stable(b.tags),
    facts: facts.length > 0,
    sources: sourceIds(before, a) !== sourceIds(after, b),
    body: bodyOf(a) !== bodyOf(b),
  };
  const changed = ENTITY_FIELDS.filter((f) => differs[f]);
  if (changed.length === 0) return undefined;
  return { ...entity(b), changed, ...(facts.length ? { facts } : {}), ...(differs.title ? { previousTitle: a.title } : {}) };
}

/**
 * Relations written in notes that did not change, which the compared ones may merge with: a relation written on both
 * notes is one edge (graph.ts), so writing it on the second note adds nothing but its sources. `index` names their ends.
 */
export interface UnchangedRelations { relations: Relation[]; index: NameIndex }

function end(side: VersionSide, context: UnchangedRelations | undefined, id: string): RelationEnd {
  const note = side.index.byId.get(id) ?? context?.index.byId.get(id);
  return { id, title: note?.title ?? id, type: note?.type ?? 'note' };
}

function relationChange(side: VersionSide, context: UnchangedRelations | undefined, r: Relation): RelationChange {
  return {
    type: r.type, from: end(side, context, r.from), to: end(side, context, r.to),
    ...(r.date ? { date: r.date } : {}), ...(r.start ? { start: r.start } : {}), ...(r.end ? { end: r.end } : {}),
  };
}

/** What a relation says besides its ends, as comparable strings. */
function relationFacts(r: Relation): Record<RelationField, string> {
  return { dates: `${r.date ?? ''}|${r.start ?? ''}|${r.end ?? ''}`, quote: r.quote ?? '', note: r.note ?? '', sources: [...r.sources].sort().join('\n') };
}
const signature = (r: Relation) => stable(relationFacts(r));

/** Relations grouped by their ends and type: the same edge may be written more than once (e.g. two terms of office). */
function groupRelations(config: KgConfig, relations: Relation[]): Map<string, Relation[]> {
  const groups = new Map<string, Relation[]>();
  for (const r of relations) {
    const key = relationKey(config, r);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(r);
  }
  for (const list of groups.values()) list.sort((x, y) => cmp(signature(x), signature(y)));
  return groups;
}

function diffRelations(config: KgConfig, before: VersionSide, after: VersionSide, context?: UnchangedRelations): ChangeLists<RelationChange> {
  const out: ChangeLists<RelationChange> = { added: [], removed: [], modified: [] };
  // Both sides merge the way the graph does, with the unchanged relations of the same edges.
  const compared = [...before.relations, ...after.relations];
  const keys = new Set(compared.map((r) => relationKey(config, r)));
  const ends = new Set(compared.flatMap((r) => [r.from, r.to]));
  const unchanged = (context?.relations ?? []).filter((r) => ends.has(r.from) && ends.has(r.to) && keys.has(relationKey(config, r)));
  const old = groupRelations(config, edgeRelations(config, [...before.relations, ...unchanged]));
  const now = groupRelations(config, edgeRelations(config, [...after.relations, ...unchanged]));
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    // Identical relations cancel out; what is left pairs up in order as modified, the rest was added or removed.
    const a = [...(old.get(key) ?? [])];
    const b: Relation[] = [];
    for (const r of now.get(key) ?? []) {
      const i = a.findIndex((x) => signature(x) === signature(r));
      if (i >= 0) a.splice(i, 1);
      else b.push(r);
    }
    const pairs = Math.min(a.length, b.length);
    for (let i = 0; i < pairs; i++) {
      const fa = relationFacts(a[i]), fb = relationFacts(b[i]);
      out.modified.push({ ...relationChange(after, context, b[i]), changed: RELATION_FIELDS.filter((f) => fa[f] !== fb[f]) });
    }
    for (const r of b.slice(pairs)) out.added.push(relationChange(after, context, r));
    for (const r of a.slice(pairs)) out.removed.push(relationChange(before, context, r));
  }
  for (const list of [out.added, out.removed, out.modified]) list.sort(byEnds);
  return out;
}

/** Compares the same changed files at an older (`before`) and a newer (`after`) version. */
export function diffSides(config: KgConfig, before: VersionSide, after: VersionSide, context?: UnchangedRelations): VersionDiff {
  const entities: ChangeLists<EntityChange> = { added: [], removed: [], modified: [] };
  for (const [id, b] of after.notes) {
    const a = before.notes.get(id);
    if (!a) entities.added.push(b.broken ? { ...entity(b), unreadable: 'after' } : entity(b));
    else {
      const change = compareEntity(before, a, after, b);
      if (change) entities.modified.push(change);
    }
  }
  for (const [id, a] of before.notes) if (!after.notes.has(id)) entities.removed.push(a.broken ? { ...entity(a), unreadable: 'before' } : entity(a));
  for (const list of [entities.added, entities.removed, entities.modified]) list.sort(byTitle);
  const errors = sortDiagnostics(after.diagnostics.filter((d) => d.severity === 'error'));
  return { entities, relations: diffRelations(config, before, after, context), errors: errors.length, diagnostics: errors.slice(0, MAX_DIAGNOSTICS) };
}

/** True when a comparison found nothing to report. */
export function isEmptyDiff(diff: VersionDiff): boolean {
  const { entities: e, relations: r } = diff;
  return diff.errors === 0 && [e.added, e.removed, e.modified, r.added, r.removed, r.modified].every((l) => l.length === 0);
}
