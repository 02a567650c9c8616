// `check --fix`: applies the fixes that are unambiguous, a single "did you mean" for an unknown field name, type,
// relation type or link target, by rewriting each note atomically, only if it did not change since it was read,
// and only if the rewrite leaves the note with fewer problems and no new kind of problem.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KgConfig } from '../kg/config.ts';
import { parseNote } from '../kg/parse.ts';
import type { Diagnostic } from '../kg/types.ts';
import { decodeNote } from '../kg/vault.ts';
import { replaceFileAtomically } from './atomic-write.ts';

export interface Fix {
  file: string;
  line: number;
  column: number;
  code: string;
  /** Offset in the note text (BOM removed) of the text replaced. */
  offset: number;
  from: string;
  to: string;
}

/** The one suggestion of a "Did you mean …?" hint; undefined when there are several or none. */
export function singleSuggestion(hint: string | undefined): string | undefined {
  const m = /^Did you mean (.+)\?$/.exec(hint ?? '');
  if (!m) return undefined;
  const names = [...m[1].matchAll(/"([^"]*)"|\[\[(.*?)\]\]/g)].map((x) => x[1] ?? x[2]);
  const rebuilt = names.map((n) => (m[1].includes(`[[${n}]]`) ? `[[${n}]]` : `"${n}"`)).join(' or ');
  return names.length === 1 && rebuilt === m[1] ? names[0] : undefined;
}

/** What a diagnostic says is wrong: the name as written, from its message. */
const WRONG: Record<string, RegExp> = {
  'unknown-field': /^Unknown (?:relation )?field "(.*)"(?: for type .*)?$/,
  'unknown-type': /^Unknown type "(.*)"$/,
  'unknown-relation-type': /^Unknown relation type "(.*)"$/,
  'unknown-target': /^.* "(.*)" matches no note$/,
};

function offsetOf(text: string, line: number, column: number): number | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  const offset = start + column - 1;
  return offset <= (end < 0 ? text.length : end) ? offset : undefined;
}

/** Offset of a link's name: `[[name…]]` in the body, or a frontmatter string holding it, at or after its position on its line. */
export function locate(text: string, line: number, column: number, name: string): number | undefined {
  const at = offsetOf(text, line, column);
  if (at === undefined) return undefined;
  const nl = text.indexOf('\n', at);
  const found = text.slice(at, nl < 0 ? text.length : nl).indexOf(name);
  return found < 0 ? undefined : at + found;
}

/** Fixes for one note's diagnostics, each checked against the text at its position. */
export function planFixes(text: string, diagnostics: Diagnostic[]): Fix[] {
  const fixes: Fix[] = [];
  for (const d of diagnostics) {
    const pattern = WRONG[d.code];
    const wrong = pattern?.exec(d.message)?.[1];
    const to = singleSuggestion(d.hint);
    const at = offsetOf(text, d.line, d.column);
    if (wrong === undefined || to === undefined || at === undefined || wrong === '' || wrong === to) continue;
    let offset: number;
    if (d.code === 'unknown-target') {
      // A name with `#`, `|` or brackets would change what the link means (a heading, shown text): leave it to a person.
      if (/[#|[\]]/.test(to)) continue;
      const found = locate(text, d.line, d.column, wrong);
      if (found === undefined) continue;
      offset = found;
    } else {
      // A key or a value, possibly quoted.
      const quote = text[at] === '"' || text[at] === "'" ? 1 : 0;
      if (text.slice(at + quote, at + quote + wrong.length) !== wrong) continue;
      const after = text[at + quote + wrong.length] ?? '';
      if (!/^[\s:"'#]?$/.test(after)) continue;
      offset = at + quote;
    }
    if (fixes.some((f) => f.offset === offset)) continue;
    fixes.push({ file: d.file, line: d.line, column: d.column, code: d.code, offset, from: wrong, to });
  }
  return fixes.sort((a, b) => a.offset - b.offset);
}

export function applyFixes(text: string, fixes: Fix[]): string {
  let out = text;
  for (const f of [...fixes].sort((a, b) => b.offset - a.offset)) out = out.slice(0, f.offset) + f.to + out.slice(f.offset + f.from.length);
  return out;
}

export interface FixReport {
  applied: Fix[];
  skipped: Array<{ file: string; reason: string }>;
}

/**
 * Plans and applies fixes to every file with fixable diagnostics. `texts` are the notes as the diagnostics saw them
 * (file -> text, BOM removed). A file is rewritten only when it still holds that text and the fixes improve it.
 */
export function fixNotes(root: string, config: KgConfig, texts: Map<string, string>, diagnostics: Diagnostic[], more: Fix[] = []): FixReport {
  const report: FixReport = { applied: [], skipped: [] };
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (WRONG[d.code]) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const moreByFile = new Map<string, Fix[]>();
  for (const f of more) {
    moreByFile.set(f.file, [...(moreByFile.get(f.file) ?? []), f]);
    if (!byFile.has(f.file)) byFile.set(f.file, []);
  }
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const text = texts.get(file);
    if (text === undefined) continue;
    // Fixes from diagnostics first; other planners' fixes (link case, inverses) where they do not overlap them.
    const fixes = planFixes(text, list);
    for (const f of moreByFile.get(file) ?? []) if (!fixes.some((x) => f.offset < x.offset + x.from.length && x.offset < f.offset + Math.max(f.from.length, 1))) fixes.push(f);
    fixes.sort((a, b) => a.offset - b.offset);
    if (fixes.length === 0) continue;
    const path = join(root, file);
    const bytes = readFileSync(path);
    const now = decodeNote(file, bytes).text;
    if (now.replace(/^\uFEFF/, '') !== text) { report.skipped.push({ file, reason: 'it changed since it was read' }); continue; }
    const fixed = applyFixes(text, fixes);
    // The note must come out better: fewer diagnostics from its own frontmatter and body, and no new kind of problem.
    const codes = (t: string) => parseNote(config, file, t).diagnostics.map((d) => d.code);
    const before = codes(text);
    const after = codes(fixed);
    if (after.some((c) => !before.includes(c)) || after.length > before.length) {
      report.skipped.push({ file, reason: 'the suggested names would not make it valid' });
      continue;
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
    if (!fixed.length && text.length) { report.skipped.push({ file, reason: 'the fix would empty it' }); continue; }
    if (!replaceFileAtomically(path, bom + fixed, bytes)) { report.skipped.push({ file, reason: 'it changed while being fixed' }); continue; }
    report.applied.push(...fixes);
  }
  return report;
}
