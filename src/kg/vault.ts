// Vault: the folder of notes on disk -> (file, text) pairs, sorted, with unreadable files reported, never thrown.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { ATTACHMENT_EXTENSIONS, extensionOf } from './attachments.ts';
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

/** The notes (`.md`) and attachments under a content folder, project-relative with forward slashes, sorted; `dir` is
 * the folder itself written the same way (`content`, or `../vault` for a vault beside the project). */
export interface VaultListing { dir: string; notes: string[]; attachments: string[] }

/** Folders to skip, relative to the vault: the configured ones plus an Obsidian vault's templates folder. */
export async function ignoredFolders(dir: string, ignore: string[]): Promise<string[]> {
  const out = [...ignore];
  // Obsidian's core Templates plugin and the Templater plugin say where their templates live.
  for (const [file, key] of [['.obsidian/templates.json', 'folder'], ['.obsidian/plugins/templater-obsidian/data.json', 'templates_folder']]) {
    try {
      const value = JSON.parse(await readFile(join(dir, file), 'utf8'))?.[key];
      if (typeof value === 'string' && value.trim()) out.push(value);
    } catch { /* no such plugin, or unreadable settings: nothing to skip */ }
  }
  return out.map((f) => f.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '')).filter(Boolean);
}

export async function listVault(root: string, dir: string, ignore: string[] = []): Promise<VaultListing> {
  const top = resolve(root, dir);
  const skip = new Set((await ignoredFolders(top, ignore)).map((f) => f.toLowerCase()));
  const notes: string[] = [];
  const attachments: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const e of await readdir(folder, { withFileTypes: true })) {
      // Dot-folders are editor state (.obsidian, .trash), not notes.
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = join(folder, e.name);
      if (e.isDirectory()) {
        if (!skip.has(relative(top, full).split(sep).join('/').toLowerCase())) await walk(full);
      } else if (e.isFile()) {
        const ext = extensionOf(e.name);
        if (ext === 'md') notes.push(full);
        else if (ATTACHMENT_EXTENSIONS.has(ext)) attachments.push(full);
      }
    }
  };
  await walk(top);
  const rel = (list: string[]) => list.map((f) => relative(root, f).split(sep).join('/')).sort();
  return { dir: relative(root, top).split(sep).join('/'), notes: rel(notes), attachments: rel(attachments) };
}

/** Dev: texts already read, and which of those files changed since (the watcher says so); the rest is not read again. */
export interface KnownTexts { texts: Map<string, string>; changed: Set<string> }

/** Reads every `.md` under `dir` (or the notes of `listing`), in a fixed order so builds are deterministic. */
export async function readVault(root: string, dir: string, known?: KnownTexts, listing?: VaultListing): Promise<SourceFile[]> {
  const files = (listing ?? (await listVault(root, dir))).notes;
  const out: SourceFile[] = new Array(files.length);
  await eachLimited(files, 64, async (file, i) => {
    const text = known && !known.changed.has(file) ? known.texts.get(file) : undefined;
    out[i] = text !== undefined ? { file, text } : decodeNote(file, await readFile(join(root, file)));
  });
  return out;
}
