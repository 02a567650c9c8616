// Resolve: every link target (body links, relation ends, source references) -> a note id, the way Obsidian does.
import GithubSlugger from 'github-slugger';
import { type AttachmentIndex, attachmentNames, extensionOf, isFileLink, resolveAttachment } from './attachments.ts';
import type { KgConfig } from './config.ts';
import { diagnostic, didYouMean } from './diagnostics.ts';
import { nameKey } from './slug.ts';
import type { Diagnostic, LinkRef, Note, Relation, Severity } from './types.ts';

/** Match strength: a file name or id beats a title, which beats an alias (Obsidian prefers the file). */
const RANK = { file: 0, title: 1, alias: 2 } as const;

export interface NameIndex {
  /** key -> candidate ids with the best rank they were found under */
  byKey: Map<string, Map<string, number>>;
  byId: Map<string, Note>;
  /** Display names, for suggestions. */
  names: string[];
}

export type Resolution = { id: string } | { error: 'unknown' | 'ambiguous'; candidates: string[] };

export function buildNameIndex(notes: Note[]): NameIndex {
  const byKey = new Map<string, Map<string, number>>();
  const byId = new Map<string, Note>();
  const names = new Set<string>();
  const add = (name: string, id: string, rank: number) => {
    const key = nameKey(name);
    if (!key) return;
    let ids = byKey.get(key);
    if (!ids) byKey.set(key, (ids = new Map()));
    const prev = ids.get(id);
    if (prev === undefined || rank < prev) ids.set(id, rank);
  };
  for (const note of notes) {
    if (!byId.has(note.id)) byId.set(note.id, note);
    add(note.basename, note.id, RANK.file);
    add(note.id, note.id, RANK.file);
    add(note.title, note.id, RANK.title);
    for (const alias of note.aliases) add(alias, note.id, RANK.alias);
    names.add(note.basename);
    if (note.title !== note.basename) names.add(note.title);
    for (const alias of note.aliases) names.add(alias);
  }
  return { byKey, byId, names: [...names].sort() };
}

/** The index key a link target is looked up by: `[[folder/Note]]` and `[[Note.md]]` name the same file as `[[Note]]`. */
export function targetKey(target: string): string {
  return nameKey(target.split('/').pop()!.replace(/\.md$/i, ''));
}

export function resolveName(index: NameIndex, target: string): Resolution {
  const ids = index.byKey.get(targetKey(target));
  if (!ids || ids.size === 0) return { error: 'unknown', candidates: [] };
  const best = Math.min(...ids.values());
  const top = [...ids].filter(([, rank]) => rank === best).map(([id]) => id).sort();
  return top.length === 1 ? { id: top[0] } : { error: 'ambiguous', candidates: top };
}

/** Resolves one link and reports what went wrong; returns undefined when it does not resolve. */
export function resolveLink(
  index: NameIndex, note: Note, link: LinkRef, severity: Severity, what: string, diagnostics: Diagnostic[],
): string | undefined {
  if (!link.target) {
    // `[[#Heading]]` links inside the note itself.
    if (link.heading) return note.id;
    diagnostics.push(diagnostic(note.file, link.pos, 'error', 'empty-link', `Empty ${what}`, 'Write the name of a note, e.g. "[[Hikvision]]".'));
    return undefined;
  }
  const r = resolveName(index, link.target);
  if ('id' in r) return r.id;
  if (r.error === 'unknown') {
    const hint = didYouMean(link.target, index.names, (s) => `[[${s}]]`) ?? `Create a note with that name or fix the spelling; if a note was renamed, add "${link.target}" to its \`aliases\` (links and its old address keep working).`;
    diagnostics.push(diagnostic(note.file, link.pos, severity, 'unknown-target', `${what} "${link.target}" matches no note`, hint));
  } else {
    const files = r.candidates.map((id) => index.byId.get(id)!.file).join(', ');
    diagnostics.push(diagnostic(note.file, link.pos, severity, 'ambiguous-target', `${what} "${link.target}" matches ${r.candidates.length} notes: ${files}`, `Link by file name instead, e.g. "[[${index.byId.get(r.candidates[0])!.basename}]]", or give the notes different titles and aliases.`));
  }
  return undefined;
}

// Anchor ids of a note's headings, the way the page numbers them (github-slugger, repeats get -1, -2 ...).
const anchorCache = new WeakMap<Note, Set<string>>();
export function anchorsOf(note: Note): Set<string> {
  let ids = anchorCache.get(note);
  if (!ids) {
    const slugger = new GithubSlugger();
    anchorCache.set(note, (ids = new Set((note.headings ?? []).map((h) => slugger.slug(h)))));
  }
  return ids;
}

/** `[[Note#Heading]]` whose note has no such heading would open the page at its top: a warning, with the closest. */
function checkHeading(target: Note, note: Note, link: LinkRef, diagnostics: Diagnostic[]): void {
  if (!target.headings || target.broken) return;
  if (anchorsOf(target).has(new GithubSlugger().slug(link.heading!))) return;
  const hint = didYouMean(link.heading!, target.headings, (h) => `[[${link.target}#${h}]]`)
    ?? (target.headings.length ? `Its headings: ${target.headings.slice(0, 8).join(', ')}${target.headings.length > 8 ? ', …' : ''}.` : 'It has no headings; link to the note itself.');
  diagnostics.push(diagnostic(note.file, link.pos, 'warning', 'unknown-heading', `Link "${link.target}#${link.heading}": ${link.target ? `"${target.title}"` : 'this note'} has no heading "${link.heading}"`, hint));
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

function allows(allowed: string[], type: string): boolean {
  return allowed.includes('*') || allowed.includes(type);
}

export interface Resolved {
  relations: Relation[];
  /** note id -> resolved ids of its body links (in order, duplicates kept, unresolved dropped) */
  links: Map<string, Array<string | undefined>>;
  /** note id -> resolved ids of its frontmatter `sources` */
  sources: Map<string, string[]>;
  diagnostics: Diagnostic[];
}

/** A link to a file (`![[map.png]]`): published when the vault has it, else one diagnostic. */
function checkAttachment(attachments: AttachmentIndex | undefined, note: Note, link: LinkRef, severity: Severity, diagnostics: Diagnostic[]): void {
  if (extensionOf(link.target) === 'svg') {
    diagnostics.push(diagnostic(note.file, link.pos, severity, 'unsupported-attachment', `"${link.target}" is an SVG file, which the site does not publish`, 'SVG files can run script when opened; export the drawing as PNG (or WebP) and link that.'));
    return;
  }
  if (attachments && resolveAttachment(attachments, note.file, link.target)) return;
  const hint = (attachments && didYouMean(link.target.split('/').pop()!, attachmentNames(attachments))) ?? 'Put the file in the content folder (any subfolder), or fix the name.';
  diagnostics.push(diagnostic(note.file, link.pos, severity, 'unknown-attachment', `File "${link.target}" is not in the vault`, hint));
}

export function resolveNotes(config: KgConfig, notes: Note[], index: NameIndex, attachments?: AttachmentIndex): Resolved {
  const diagnostics: Diagnostic[] = [];
  const relations: Relation[] = [];
  const links = new Map<string, Array<string | undefined>>();
  const sources = new Map<string, string[]>();
  // `onBrokenLinks: 'warn'` (a vault with a few dangling links) keeps building; the link shows as plain text.
  const broken = config.onBrokenLinks === 'warn' ? 'warning' : 'error';

  for (const note of notes) {
    const first = index.byId.get(note.id)!;
    if (first !== note) {
      diagnostics.push(diagnostic(note.file, { line: 1, column: 1 }, 'error', 'duplicate-id', `Note id "${note.id}" is already used by ${first.file}`, 'Rename one of the files, or set a different `id:` in its frontmatter.'));
      continue;
    }
    links.set(note.id, note.links.map((l) => {
      if (isFileLink(l.target)) { checkAttachment(attachments, note, l, broken, diagnostics); return undefined; }
      const id = resolveLink(index, note, l, broken, 'Link', diagnostics);
      if (id && l.heading) checkHeading(index.byId.get(id)!, note, l, diagnostics);
      return id;
    }));
    const checkSource = (l: LinkRef) => {
      const id = resolveLink(index, note, l, broken, 'Source', diagnostics);
      if (id && index.byId.get(id)!.type !== 'source') {
        diagnostics.push(diagnostic(note.file, l.pos, 'warning', 'not-a-source', `"${l.target}" is cited as a source but is a ${index.byId.get(id)!.type} note`, 'Cite a note with `type: source` (title, publisher, date, url).'));
      }
      return id;
    };
    sources.set(note.id, note.sources.map(checkSource).filter((x): x is string => !!x));

    for (const raw of note.relations) {
      const other = resolveLink(index, note, raw.to, broken, 'Relation target', diagnostics);
      const relSources = raw.sources.map(checkSource).filter((x): x is string => !!x);
      if (!other) continue;
      const inverse = raw.type.startsWith('~');
      const type = inverse ? raw.type.slice(1) : raw.type;
      const spec = config.relations[type];
      const [from, to] = inverse ? [other, note.id] : [note.id, other];
      const fromType = index.byId.get(from)!.type;
      const toType = index.byId.get(to)!.type;
      // A note whose type is misspelt already has its one error; its relations are not wrong on top of it.
      const typeKnown = !index.byId.get(from)!.typeUnknown && !index.byId.get(to)!.typeUnknown;
      if (typeKnown && (!allows(spec.from, fromType) || !allows(spec.to, toType))) {
        const written = inverse ? spec.inverseId! : type;
        diagnostics.push(diagnostic(note.file, raw.pos, 'error', 'relation-not-allowed',
          `Relation "${written}" cannot go from ${article(fromType)} to ${article(toType)}`,
          `"${type}" connects ${spec.from.join('/')} -> ${spec.to.join('/')}. Use another relation type (e.g. related_to) or fix the type of one of the notes.`));
        continue;
      }
      relations.push({
        type, from, to, date: raw.date, start: raw.start, end: raw.end, sources: relSources, quote: raw.quote, note: raw.note,
        definedIn: note.id, pos: raw.pos,
      });
    }
  }
  return { relations, links, sources, diagnostics };
}
