// Parse and render of one note that never throw: an engine failure on one note is an error on that note, not a crash.
import type { KgConfig } from './config.ts';
import { diagnostic } from './diagnostics.ts';
import { brokenNote, parseNote, type ParseOptions } from './parse.ts';
import { type RenderContext, renderNote, renderPlain } from './render.ts';
import type { Diagnostic, Note } from './types.ts';
import type { SourceFile } from './vault.ts';

export interface ParsedNote { note: Note; diagnostics: Diagnostic[] }

/** parseNote that never throws: an engine failure on one note is an error on that note, not a crash of the build. */
export function parseNoteSafely(config: KgConfig, file: string, text: string, timings?: Record<string, number>, options?: ParseOptions): ParsedNote {
  try {
    return parseNote(config, file, text, timings, options);
  } catch (err) {
    return {
      note: brokenNote(file, text),
      diagnostics: [diagnostic(file, { line: 1, column: 1 }, 'error', 'note-failed', `The engine could not read this note: ${(err as Error).message}`, 'Please report this as an engine bug, with the note.')],
    };
  }
}

/** A file as read from the vault -> its note; an unreadable one (binary, not UTF-8) is a broken note and its error. */
export function parseSource(config: KgConfig, f: SourceFile, timings?: Record<string, number>, options?: ParseOptions): ParsedNote {
  return f.unreadable ? { note: brokenNote(f.file), diagnostics: [f.unreadable] } : parseNoteSafely(config, f.file, f.text, timings, options);
}

/** renderNote that never throws: `failed` carries the error message, the HTML is then the note's text as it is. */
export interface RenderedNote { html: string; failed?: string }

export function renderNoteSafely(note: Note, ctx: RenderContext): RenderedNote {
  try {
    return { html: renderNote(note, ctx) };
  } catch (err) {
    // A note no renderer stage can handle still gets its page, with its text shown as it is.
    return { html: renderPlain(note), failed: String((err as Error).message) };
  }
}

/** The warning for a note renderNoteSafely could not render. */
export function renderFailed(note: Note, message: string): Diagnostic {
  return diagnostic(note.file, { line: 1, column: 1 }, 'warning', 'render-failed', `This note could not be rendered (${message}); its text is shown unformatted`, 'Simplify the note; please report it as an engine bug.');
}
