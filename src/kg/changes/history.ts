// The change log of a site: its versions from git (tags reachable from HEAD, else the last commits that changed the
// notes), newest first, each compared with the one before by parsing only the files that changed between them. The
// notes being built are the newest version: what differs from the last tag (or commit) is listed as unreleased.
import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Site } from '../build.ts';
import { slugify } from '../slug.ts';
import { extensionOf } from '../attachments.ts';
import { decodeNote, ignoredFolders, type SourceFile } from '../vault.ts';
import { diffSides, isEmptyDiff, type VersionDiff } from './diff.ts';
import { changedFiles, type CommitInfo, commitsTouching, GitError, hasCommits, headCommit, isIgnored, pathsAt, readBlobs, repositoryOf, tagsOfHead, treesAt } from './git.ts';
import { type ParsedFile, parseFiles, resolveSide } from './side.ts';

/** Why a site has no change log. */
export type NoHistoryReason = 'disabled' | 'no-git' | 'not-a-repository' | 'shallow' | 'ignored' | 'no-commits' | 'error';

export interface Version {
  /** `tag` and `commit` are published versions; `unreleased` is the notes being built, where they differ from the last one. */
  kind: 'tag' | 'commit' | 'unreleased';
  /** The tag, or the commit abbreviated to 7 characters; empty for `unreleased`. */
  name: string;
  /** Full commit id (HEAD for `unreleased`). */
  commit: string;
  /** Committer date of the commit, ISO 8601 in UTC: never the build's clock. */
  date: string;
  /** Tag message or commit subject (empty for `unreleased`). */
  subject: string;
  /** Fragment id of the version's section on the page. */
  anchor: string;
  /** Name of the version this one is compared with; absent for the first version there is. */
  since?: string;
  /** First version: how many notes it had (it is not compared with anything). */
  notes?: number;
  diff?: VersionDiff;
}

export interface ChangeLog {
  mode: 'tags' | 'commits' | 'none';
  reason?: NoHistoryReason;
  /** git's own message when it failed. */
  detail?: string;
  /** Newest first. */
  versions: Version[];
  /** The most versions read (the `changes.versions` option). */
  limit: number;
  /** True when the history has older versions than those listed. */
  more: boolean;
}

export interface ChangeLogOptions {
  /** Project root; the content folder is `site.config.contentDir` under it. */
  root: string;
  /** How many versions to read (tags, or commits without tags). */
  versions: number;
}

const none = (reason: NoHistoryReason, limit: number, detail?: string): ChangeLog => ({ mode: 'none', reason, ...(detail ? { detail } : {}), versions: [], limit, more: false });

const iso = (time: number) => new Date(time * 1000).toISOString().replace(/\.000Z$/, 'Z');

interface Where {
  root: string;
  dir: string;
  prefix: string;
  /** Folders the vault skips (templates, `ignore`), relative to it, lower-case. */
  skip: string[];
}

/** What the vault reads (vault.ts): `.md` files outside dot-folders, node_modules and the folders it skips. */
function isNotePath(w: Where, path: string): boolean {
  const lower = path.toLowerCase();
  return extensionOf(path) === 'md' && !path.split('/').some((p) => p.startsWith('.') || p === 'node_modules')
    && !w.skip.some((f) => lower.startsWith(`${f}/`));
}

/** A path under the content folder (as git prints it) as the engine names files: relative to the project root. */
const projectPath = (w: Where, path: string) => relative(w.root, resolve(w.dir, path)).split(sep).join('/');

/** Compares the notes at `from` with those at `to` (a commit, or the notes being built when undefined). */
async function compare(w: Where, site: Site, from: string, to?: string): Promise<VersionDiff> {
  const changed = (await changedFiles(w.dir, from, to)).filter((c) => isNotePath(w, c.path));
  const files = new Set(changed.map((c) => projectPath(w, c.path)));
  const blobs = await readBlobs(w.dir, changed.flatMap((c) => [c.before, to ? c.after : undefined]).filter((x): x is string => !!x));
  const read = (side: 'before' | 'after'): SourceFile[] => changed.flatMap((c) => {
    const bytes = c[side] && blobs.get(c[side]);
    return bytes ? [decodeNote(projectPath(w, c.path), bytes)] : [];
  });
  // The notes being built were parsed by this build already.
  const after: ParsedFile[] = to
    ? parseFiles(site.config, read('after'))
    : [...files].flatMap((f) => { const p = site.cache.parsed.get(f); return p ? [{ note: p.note, diagnostics: p.diagnostics }] : []; });
  const changedIds = new Set(site.notes.filter((n) => files.has(n.file)).map((n) => n.id));
  const unchanged = { relations: site.resolved.relations.filter((r) => !changedIds.has(r.definedIn)), index: site.index };
  const side = (parsed: ParsedFile[]) => resolveSide(site.config, parsed, site.index, files, site.attachments);
  return diffSides(site.config, side(parseFiles(site.config, read('before'))), side(after), unchanged);
}

async function noteCount(w: Where, commit: string): Promise<number> {
  return (await pathsAt(w.dir, commit)).filter((p) => isNotePath(w, p)).length;
}

function published(kind: 'tag' | 'commit', c: CommitInfo, name: string, subject: string): Version {
  return { kind, name, commit: c.commit, date: iso(c.time), subject, anchor: kind === 'tag' ? `tag-${slugify(name)}` : `commit-${name}` };
}

/** Tags in commit-date order, keeping one per state of the notes (a tag that changed no note is a release of something else). */
async function noteTags(w: Where): Promise<Array<{ tag: string } & CommitInfo>> {
  const collator = new Intl.Collator('en', { numeric: true });
  const tags = (await tagsOfHead(w.dir)).sort((a, b) => a.time - b.time || collator.compare(a.tag, b.tag));
  const trees = await treesAt(w.dir, w.prefix, tags.map((t) => t.commit));
  let last: string | undefined;
  return tags.filter((_t, i) => {
    const tree = trees[i];
    if (!tree || tree === last) return false;
    last = tree;
    return true;
  });
}

async function unreleased(w: Where, site: Site, since: string, sinceName: string): Promise<Version | undefined> {
  const diff = await compare(w, site, since);
  if (isEmptyDiff(diff)) return undefined;
  const head = await headCommit(w.dir);
  return { kind: 'unreleased', name: '', commit: head.commit, date: iso(head.time), subject: '', anchor: 'unreleased', since: sinceName, diff };
}

async function fromTags(w: Where, site: Site, tags: Array<{ tag: string } & CommitInfo>, limit: number): Promise<ChangeLog> {
  const shown = tags.slice(-limit);
  const versions: Version[] = [];
  for (let i = 0; i < shown.length; i++) {
    const t = shown[i];
    const v = published('tag', t, t.tag, t.subject);
    const prev = tags[tags.length - shown.length + i - 1];
    if (prev) versions.push({ ...v, since: prev.tag, diff: await compare(w, site, prev.commit, t.commit) });
    else versions.push({ ...v, notes: await noteCount(w, t.commit) });
  }
  // Tags that slugify alike ("v1.0", "v1-0") keep distinct anchors.
  const anchors = new Set<string>();
  for (const v of versions) {
    if (anchors.has(v.anchor)) v.anchor = `${v.anchor}-${v.commit.slice(0, 7)}`;
    anchors.add(v.anchor);
  }
  const last = shown[shown.length - 1];
  const open = await unreleased(w, site, last.commit, last.tag);
  if (open) versions.push(open);
  return { mode: 'tags', versions: versions.reverse(), limit, more: tags.length > shown.length };
}

async function fromCommits(w: Where, site: Site, limit: number): Promise<ChangeLog> {
  const found = await commitsTouching(w.dir, limit + 1);
  const shown = found.slice(0, limit);
  if (shown.length === 0) return none('no-commits', limit);
  const versions: Version[] = [];
  const oldest = shown[shown.length - 1];
  // The oldest commit listed is compared with its parent, unless the notes did not exist before it.
  const [parentTree] = oldest.parent ? await treesAt(w.dir, w.prefix, [oldest.parent]) : [undefined];
  for (let i = 0; i < shown.length; i++) {
    const c = shown[i];
    const v = published('commit', c, c.commit.slice(0, 7), c.subject);
    const base = i + 1 < shown.length ? shown[i + 1].commit : parentTree ? oldest.parent : undefined;
    if (base) versions.push({ ...v, since: base.slice(0, 7), diff: await compare(w, site, base, c.commit) });
    else versions.push({ ...v, notes: await noteCount(w, c.commit) });
  }
  const open = await unreleased(w, site, shown[0].commit, shown[0].commit.slice(0, 7));
  if (open) versions.unshift(open);
  return { mode: 'commits', versions, limit, more: found.length > limit };
}

/**
 * Reads the change log of the site's notes from git. Never throws: without git, outside a repository, in a shallow
 * clone, with an ignored or never-committed content folder, or when git fails, the log says why there is no history.
 */
export async function readChangeLog(site: Site, options: ChangeLogOptions): Promise<ChangeLog> {
  const limit = Math.max(0, Math.floor(options.versions));
  if (limit === 0) return none('disabled', limit);
  const dir = resolve(options.root, site.config.contentDir);
  try {
    if (!(await stat(dir).catch(() => undefined))?.isDirectory()) return none('no-commits', limit);
    let repo;
    try {
      repo = await repositoryOf(dir);
    } catch (err) {
      if (err instanceof GitError && err.kind === 'failed' && /not a git repository/i.test(err.message)) return none('not-a-repository', limit);
      throw err;
    }
    if (repo.shallow) return none('shallow', limit);
    if (repo.prefix && (await isIgnored(dir))) return none('ignored', limit);
    if (!(await hasCommits(dir))) return none('no-commits', limit);
    const skip = (await ignoredFolders(dir, site.config.ignore ?? [])).map((f) => f.toLowerCase());
    const w: Where = { root: options.root, dir, prefix: repo.prefix, skip };
    const tags = await noteTags(w);
    return tags.length ? await fromTags(w, site, tags, limit) : await fromCommits(w, site, limit);
  } catch (err) {
    if (err instanceof GitError && err.kind === 'no-git') return none('no-git', limit);
    return none('error', limit, err instanceof Error ? err.message : String(err));
  }
}
