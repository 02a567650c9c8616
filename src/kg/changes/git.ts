// Reading a repository's history with the `git` command: where the notes are, their tags and commits, which files
// changed between two versions and what they held. Read-only: no checkout, no index or lock file written.
import { spawn } from 'node:child_process';

/** Why git gave no answer: not installed, or the command failed (its first line of stderr). */
export class GitError extends Error {
  readonly kind: 'no-git' | 'failed';
  constructor(kind: 'no-git' | 'failed', message: string) {
    super(message);
    this.kind = kind;
  }
}

// Plumbing-like behaviour whatever the user's configuration: no prompts, no pager, no optional index refresh (lock).
const ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };

/** Runs `git args` in `cwd` and returns its stdout; `input` is written to its stdin. */
export function git(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', ...args], { cwd, env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => reject(new GitError(e.code === 'ENOENT' ? 'no-git' : 'failed', e.message)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError('failed', Buffer.concat(err).toString('utf8').trim().split('\n')[0] || `git ${args[0]} exited with ${code}`));
    });
    child.stdin.on('error', () => {}); // git may exit before reading all of stdin; its exit code says what happened
    child.stdin.end(input ?? '');
  });
}

const fields = (buf: Buffer, sep = '\n') => buf.toString('utf8').split(sep).filter((l) => l !== '');

export interface Repository {
  /** The folder's path inside the repository, `/`-terminated (empty at the top). */
  prefix: string;
  shallow: boolean;
}

/** Where `dir` sits in its repository; throws a GitError when it is in none. */
export async function repositoryOf(dir: string): Promise<Repository> {
  const [prefix = '', shallow] = (await git(dir, ['rev-parse', '--show-prefix', '--is-shallow-repository'])).toString('utf8').split('\n');
  return { prefix, shallow: shallow === 'true' };
}

export async function isIgnored(dir: string): Promise<boolean> {
  try {
    await git(dir, ['check-ignore', '-q', '.']);
    return true;
  } catch (err) {
    if (err instanceof GitError && err.kind === 'failed') return false;
    throw err;
  }
}

export async function hasCommits(dir: string): Promise<boolean> {
  try {
    await git(dir, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']);
    return true;
  } catch {
    return false;
  }
}

export interface CommitInfo {
  commit: string;
  /** Committer date, seconds since the epoch. */
  time: number;
  subject: string;
  /** First parent, if any. */
  parent?: string;
}

export interface TagInfo extends CommitInfo { tag: string }

/** Tags reachable from HEAD that point at commits, with the commit's date; subject of the tag message, else the commit's. */
export async function tagsOfHead(dir: string): Promise<TagInfo[]> {
  const format = ['%(refname:strip=2)', '%(objecttype)', '%(objectname)', '%(*objectname)', '%(committerdate:unix)', '%(*committerdate:unix)', '%(*objecttype)', '%(contents:subject)'].join('%00');
  const out: TagInfo[] = [];
  for (const line of fields(await git(dir, ['for-each-ref', '--merged=HEAD', `--format=${format}`, 'refs/tags']))) {
    const [tag, type, object, peeled, time, peeledTime, peeledType, subject] = line.split('\0');
    // Lightweight tags name a commit; annotated ones a tag object that names it.
    if (type === 'commit') out.push({ tag, commit: object, time: Number(time), subject });
    else if (type === 'tag' && peeledType === 'commit') out.push({ tag, commit: peeled, time: Number(peeledTime), subject });
  }
  return out;
}

/** The newest `limit` commits of HEAD's first-parent history that changed something in `dir`, newest first. */
function commitInfo(line: string): CommitInfo {
  const [commit, time, parents, subject] = line.split('\0');
  const parent = parents.split(' ')[0];
  return { commit, time: Number(time), subject, ...(parent ? { parent } : {}) };
}
const COMMIT_FORMAT = '--format=%H%x00%ct%x00%P%x00%s';

/** The newest `limit` commits of HEAD's first-parent history that changed something in `dir`, newest first. */
export async function commitsTouching(dir: string, limit: number): Promise<CommitInfo[]> {
  return fields(await git(dir, ['log', '--first-parent', `--max-count=${limit}`, COMMIT_FORMAT, 'HEAD', '--', '.'])).map(commitInfo);
}

export async function headCommit(dir: string): Promise<CommitInfo> {
  return commitInfo(fields(await git(dir, ['log', '-1', COMMIT_FORMAT, 'HEAD']))[0]);
}

/** The id of the tree `prefix` names at each commit (undefined where it does not exist), in one git process. */
export async function treesAt(dir: string, prefix: string, commits: string[]): Promise<Array<string | undefined>> {
  if (commits.length === 0) return [];
  const spec = (c: string) => (prefix ? `${c}:${prefix.replace(/\/$/, '')}` : `${c}^{tree}`);
  const lines = fields(await git(dir, ['cat-file', '--batch-check'], commits.map(spec).join('\n') + '\n'));
  return lines.map((l) => (/ tree \d+$/.test(l) ? l.split(' ')[0] : undefined));
}

/** A file that differs between two versions: its path relative to `dir` and its blob on each side (absent: no file there). */
export interface ChangedFile { path: string; before?: string; after?: string }

const isZero = (oid: string) => /^0+$/.test(oid);
// Regular files only (100644, 100755): the vault reads no symlinks, and a submodule is not a note.
const blobSide = (mode: string, oid: string) => (/^1006[0-7]{2}$/.test(mode) && !isZero(oid) ? oid : undefined);

/**
 * Files that differ between two commits, or between a commit and the working tree (`to` undefined: untracked files
 * included; a changed working-tree file has no blob id, its text is on disk).
 */
export async function changedFiles(dir: string, from: string, to?: string): Promise<ChangedFile[]> {
  const raw = (await git(dir, ['diff', '--raw', '-z', '--no-abbrev', '--relative', '--no-renames', '--no-ext-diff', from, ...(to ? [to] : []), '--', '.'])).toString('utf8').split('\0');
  const out = new Map<string, ChangedFile>();
  // `:<old mode> <new mode> <old blob> <new blob> <status>` then the path, each NUL-terminated.
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const [oldMode, newMode, oldOid, newOid] = raw[i].slice(1).split(' ');
    const before = blobSide(oldMode, oldOid);
    const after = blobSide(newMode, newOid);
    out.set(raw[i + 1], { path: raw[i + 1], ...(before ? { before } : {}), ...(after ? { after } : {}) });
  }
  if (!to) for (const path of fields(await git(dir, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']), '\0')) out.set(path, { path });
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Paths of every file under `dir` at a commit. */
export async function pathsAt(dir: string, commit: string): Promise<string[]> {
  return fields(await git(dir, ['ls-tree', '-r', '--name-only', '-z', commit, '--', '.']), '\0');
}

/** The bytes of each blob, by id, from one git process. */
export async function readBlobs(dir: string, oids: string[]): Promise<Map<string, Uint8Array>> {
  const wanted = [...new Set(oids)];
  const found = new Map<string, Uint8Array>();
  if (wanted.length === 0) return found;
  const out = await git(dir, ['cat-file', '--batch'], wanted.join('\n') + '\n');
  let at = 0;
  for (const oid of wanted) {
    const eol = out.indexOf(0x0a, at);
    const [, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (type === undefined || size === undefined) continue; // `<oid> missing`
    if (type === 'blob') found.set(oid, out.subarray(at, at + Number(size)));
    at += Number(size) + 1;
  }
  return found;
}
