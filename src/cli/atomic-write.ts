// Writes that can never leave a half-written, truncated or overwritten note: the content goes to a hidden temporary
// file in the same folder, is flushed to disk, and only then takes the note's name in one step.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A hidden sibling (dot files are not notes, so a crash never leaves a stray note behind). */
function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function writeDurably(path: string, content: string | Uint8Array, mode?: number): void {
  const fd = openSync(path, 'wx', mode ?? 0o644);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes sure a rename or link is on disk: flush the folder itself (not possible everywhere; best effort). */
function syncDir(dir: string): void {
  try { const fd = openSync(dir, 'r'); try { fsyncSync(fd); } finally { closeSync(fd); } } catch { /* e.g. Windows */ }
}

/**
 * Creates `path` with `content`, or throws an error with code EEXIST when a file of that name exists, never touching
 * it. A hard link is the atomic "create only if absent"; where links are not supported, exclusive create (`wx`).
 */
export function createFileAtomically(path: string, content: string): void {
  const temp = tempPath(path);
  writeDurably(temp, content);
  try {
    linkSync(temp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw err;
    // No hard links on this file system (FAT, some network shares): exclusive create still never overwrites.
    writeDurably(path, content);
  } finally {
    try { unlinkSync(temp); } catch { /* already gone */ }
  }
  syncDir(dirname(path));
}

/**
 * Replaces `path` with `content` only if the file still holds exactly `expected` (what the caller read); returns
 * false, touching nothing, when someone changed it in the meantime. Keeps the file's permissions.
 */
export function replaceFileAtomically(path: string, content: string | Uint8Array, expected: Uint8Array): boolean {
  const mode = statSync(path).mode & 0o777;
  const temp = tempPath(path);
  writeDurably(temp, content, mode);
  try {
    chmodSync(temp, mode);
    if (!Buffer.from(readFileSync(path)).equals(Buffer.from(expected))) { unlinkSync(temp); return false; }
    renameSync(temp, path);
  } catch (err) {
    try { unlinkSync(temp); } catch { /* renamed or gone */ }
    throw err;
  }
  syncDir(dirname(path));
  return true;
}
