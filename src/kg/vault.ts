// Vault: the folder of notes on disk -> (file, text) pairs, sorted, with unreadable files reported, never thrown.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { diagnostic } from './diagnostics.ts';
import { eachLimited } from './each-limited.ts';
import type { Diagnostic } from './types.ts';

export interface SourceFile {
  /** Path relative to the project root, forward slashes. */
  file: string;
  text: string;
  /** Set when the bytes are not a text note (binary or invalid UTF-8). */
  unreadable?: Diagnostic;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes note bytes; a NUL byte or invalid UTF-8 means a binary file with a `.md` name. */
export function decodeNote(file: string, bytes: Uint8Array): SourceFile {
  // Windows editors may save UTF-16 (its NUL bytes would otherwise read as "binary"): say what to do instead.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { file, text: '', unreadable: diagnostic(file, { line: 1, column: 1 }, 'error', 'binary-file', 'This file is saved as UTF-16, not UTF-8 text', 'Save the note as UTF-8 in your editor.') };
  }
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) {
    return { file, text: '', unreadable: diagnostic(file, { line: 1, column: 1 }, 'error', 'binary-file', 'This file is binary, not a Markdown note', 'Remove it from the content folder or rename it so it does not end in .md.') };
  }
  try {
    return { file, text: decoder.decode(bytes) };
  } catch {
    return { file, text: '', unreadable: diagnostic(file, { line: 1, column: 1 }, 'error', 'binary-file', 'This file is not valid UTF-8 text', 'Save the note as UTF-8 in your editor.') };
  }
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    // Dot-folders are editor state (.obsidian, .trash), not notes.
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) out.push(full);
  }
  return out;
}

/** Dev: texts already read, and which of those files changed since (the watcher says so); the rest is not read again. */
export interface KnownTexts { texts: Map<string, string>; changed: Set<string> }

/** Reads every `.md` under `dir`, in a fixed order so builds are deterministic. */
export async function readVault(root: string, dir: string, known?: KnownTexts): Promise<SourceFile[]> {
  const files = (await walk(resolve(root, dir))).map((f) => relative(root, f).split(sep).join('/'));
  files.sort();
  const out: SourceFile[] = new Array(files.length);
  await eachLimited(files, 64, async (file, i) => {
    const text = known && !known.changed.has(file) ? known.texts.get(file) : undefined;
    out[i] = text !== undefined ? { file, text } : decodeNote(file, await readFile(join(root, file)));
  });
  return out;
}
