// Diagnostics: construction, "did you mean" suggestions, sorting and the human-readable format.
import { distance } from 'fastest-levenshtein';
import type { Diagnostic, Position, Severity } from './types.ts';

export function diagnostic(
  file: string, pos: Position, severity: Severity, code: string, message: string, hint?: string,
): Diagnostic {
  return { file, line: pos.line, column: pos.column, severity, code, message, ...(hint ? { hint } : {}) };
}

/** Up to `max` candidates closest to `input` by edit distance, close enough to be a plausible typo. */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  const scored: Array<[number, string]> = [];
  for (const c of candidates) {
    const d = distance(needle, c.toLowerCase());
    // A prefix or substring match is a good suggestion even when the distance is large ("Hikvision" vs "Hangzhou Hikvision ...").
    const contains = needle.length >= 3 && c.toLowerCase().includes(needle);
    if (d <= limit || contains) scored.push([contains ? Math.min(d, limit) : d, c]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return [...new Set(scored.map(([, c]) => c))].slice(0, max);
}

/** "Did you mean X?" hint text, or undefined when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>, quote = (s: string) => `"${s}"`): string | undefined {
  const near = closest(input, candidates);
  if (near.length === 0) return undefined;
  return `Did you mean ${near.map(quote).join(' or ')}?`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** `path/to/note.md:LINE:COL  error  message` then an indented hint line. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  [${d.code}]`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}

export function countBySeverity(list: Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of list) if (d.severity === 'error') errors++;
  return { errors, warnings: list.length - errors };
}
