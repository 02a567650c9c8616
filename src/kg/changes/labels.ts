// Words for the change log, shared by the Changes page and its feed: version titles, counts, changed fields, reasons.
import { type KgConfig } from '../config.ts';
import type { ChangeLists, EntityChange, RelationChange } from './diff.ts';
import type { ChangeLog, NoHistoryReason, Version } from './history.ts';

const FIELD_WORDS: Record<string, string> = { type: 'type', title: 'title', aliases: 'aliases', summary: 'summary', tags: 'tags', sources: 'sources', body: 'text' };

/** What changed in a modified entity, in words: "title, summary, country, text". */
export function changedFields(config: KgConfig, change: EntityChange): string[] {
  const specs = config.types[change.type]?.fields ?? {};
  return (change.changed ?? []).flatMap((f) => (f === 'facts' ? (change.facts ?? []).map((k) => (specs[k]?.label ?? k).toLowerCase()) : [FIELD_WORDS[f] ?? f]));
}

/** The note on an entity in a list of changes: what changed in it, or that it could not be read; none for a plain addition. */
export function entityDetail(config: KgConfig, change: EntityChange): string | undefined {
  if (change.unreadable === 'after') return 'could not be read in this version';
  if (change.unreadable === 'before') return 'could not be read in the version before';
  return change.changed ? `changed: ${changedFields(config, change).join(', ')}` : undefined;
}

/** The note on a modified relation: what changed in it. */
export function relationDetail(change: RelationChange): string | undefined {
  return change.changed ? `changed: ${change.changed.map((f) => (f === 'dates' ? 'date' : f)).join(', ')}` : undefined;
}

/** A relation type's label as written from its `from` end ("sanctions"). */
export function relationLabel(config: KgConfig, type: string): string {
  return config.relations[type]?.label ?? type.replace(/_/g, ' ');
}

/** The heading of a version: a tag's name, a commit's subject, or what the unreleased changes are. */
export function versionTitle(log: ChangeLog, v: Version): string {
  if (v.kind === 'tag') return v.name;
  if (v.kind === 'commit') return v.subject || `Commit ${v.name}`;
  return log.mode === 'tags' ? `Unreleased changes since ${v.since}` : 'Changes not yet committed';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function countsOf(lists: ChangeLists<unknown>, one: string, many: string): string | undefined {
  const parts = [['added', lists.added.length], ['removed', lists.removed.length], ['modified', lists.modified.length]] as const;
  const total = parts.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return undefined;
  return `${plural(total, one, many)} (${parts.filter(([, c]) => c > 0).map(([w, c]) => `${c} ${w}`).join(', ')})`;
}

/** One line per version: "3 entities (2 added, 1 modified); 4 relations (4 added)", or why there is no list. */
export function versionSummary(v: Version): string {
  if (v.notes !== undefined) return `The first ${v.kind === 'tag' ? 'tagged version' : 'version in the history'}, with ${plural(v.notes, 'note')}.`;
  if (!v.diff) return '';
  const parts = [countsOf(v.diff.entities, 'entity', 'entities'), countsOf(v.diff.relations, 'relation', 'relations')].filter(Boolean);
  const errors = v.diff.errors ? [`${plural(v.diff.errors, 'error')} in the notes`] : [];
  return parts.length || errors.length ? `${[...parts, ...errors].join('; ')}.` : 'No entity or relation changed.';
}

/** Why a site has no change log, for its readers and its editors. */
export function noHistoryMessage(reason: NoHistoryReason | undefined, detail?: string): string {
  switch (reason) {
    case 'disabled': return 'Reading the history is turned off in this site’s configuration (changes.versions is 0).';
    case 'no-git': return 'This site was built without git, so its history could not be read.';
    case 'not-a-repository': return 'The notes of this site are not kept in a git repository, so there is no history to show.';
    case 'shallow': return 'This site was built from a shallow clone, which has no history. Build from a full clone (for example with fetch-depth: 0 in GitHub Actions’ checkout step) to list changes.';
    case 'ignored': return 'The notes of this site are in a folder that git ignores, so there is no history to show.';
    case 'no-commits': return 'No commit has changed the notes of this site yet.';
    default: return `The history could not be read${detail ? ` (${detail})` : ''}.`;
  }
}
