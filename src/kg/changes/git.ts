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

/** Paths (relative to `dir`) that differ between two commits, or between a commit and the working tree (untracked files included). */
export async function changedPaths(dir: string, from: string, to?: string): Promise<string[]> {
  const diff = fields(await git(dir, ['diff', '--name-only', '--relative', '--no-renames', '--no-ext-diff', '--no-textconv', '-z', from, ...(to ? [to] : []), '--', '.']), '\0');
  const untracked = to ? [] : fields(await git(dir, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']), '\0');
  return [...new Set([...diff, ...untracked])].sort();
}

/** Paths of every file under `dir` at a commit. */
export async function pathsAt(dir: string, commit: string): Promise<string[]> {
  return fields(await git(dir, ['ls-tree', '-r', '--name-only', '-z', commit, '--', '.']), '\0');
}

/**
 * The bytes of `path` (relative to the repository top) at each commit, undefined where it does not exist; one git
 * process for all of them. Paths with a line break cannot be asked for this way and read as missing.
 */
export async function blobsAt(dir: string, wanted: Array<{ commit: string; path: string }>): Promise<Array<Uint8Array | undefined>> {
  const asked = wanted.filter((w) => !/[\n\r]/.test(w.path));
  if (asked.length === 0) return wanted.map(() => undefined);
  const out = await git(dir, ['cat-file', '--batch'], asked.map((w) => `${w.commit}:${w.path}`).join('\n') + '\n');
  const found = new Map<string, Uint8Array>();
  let at = 0;
  for (const w of asked) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = / (\w+) (\d+)$/.exec(header);
    if (!m || header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const size = Number(m[2]);
    if (m[1] === 'blob') found.set(`${w.commit}:${w.path}`, out.subarray(at, at + size));
    at += size + 1;
  }
  return wanted.map((w) => found.get(`${w.commit}:${w.path}`));
}
