// One side of a comparison: the changed files' notes at one version, parsed, validated and resolved by the engine.
import type { AttachmentIndex } from '../attachments.ts';
import type { KgConfig } from '../config.ts';
import { parseSource } from '../note-safely.ts';
import { type NameIndex, resolveNotes } from '../resolve.ts';
import type { Diagnostic, Note, Relation } from '../types.ts';
import type { SourceFile } from '../vault.ts';
import { overlayIndex } from './overlay-index.ts';

export interface ParsedFile { note: Note; diagnostics: Diagnostic[] }

export interface VersionSide {
  /** The changed files' notes at this version by id (files in path order; a repeated id keeps the first). */
  notes: Map<string, Note>;
  /** Relations written in those notes, resolved. */
  relations: Relation[];
  /** Resolves the ids relations end at (their title and type at this version, or the current one). */
  index: NameIndex;
  diagnostics: Diagnostic[];
  errors: number;
}

/**
 * Parses files the way a build does (an unreadable or unparseable file is a broken note and an error, never a throw),
 * but only their frontmatter: a comparison needs fields and relations, and compares bodies as text.
 */
export function parseFiles(config: KgConfig, files: SourceFile[]): ParsedFile[] {
  return files.map((f) => parseSource(config, f, undefined, { body: false }));
}

/**
 * Resolves one version's changed notes against `current` (the built site's index) with `files` (every file changed
 * between the two versions compared, on either side) taken out of it. Both sides of a comparison resolve this way,
 * so a relation that did not change compares equal.
 */
export function resolveSide(config: KgConfig, parsed: ParsedFile[], current: NameIndex, files: Set<string>, attachments?: AttachmentIndex): VersionSide {
  const sorted = [...parsed].sort((a, b) => (a.note.file < b.note.file ? -1 : a.note.file > b.note.file ? 1 : 0));
  const list = sorted.map((p) => p.note);
  const index = overlayIndex(current, list, files);
  const resolved = resolveNotes(config, list, index, attachments);
  const notes = new Map<string, Note>();
  for (const note of list) if (!notes.has(note.id)) notes.set(note.id, note);
  const diagnostics = [...sorted.flatMap((p) => p.diagnostics), ...resolved.diagnostics];
  return { notes, relations: resolved.relations, index, diagnostics, errors: diagnostics.filter((d) => d.severity === 'error').length };
}
