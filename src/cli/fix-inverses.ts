// `check --add-inverses`: a relation written on one note only is added to the note at its other end too (with
// its inverse id, dates, sources and quote), for writers who want to see every relation in both files. The engine
// reads a relation written on both ends as one edge (graph.ts), so the site does not change.
import type { Site } from '../kg/build.ts';
import { isSymmetric } from '../kg/config.ts';
import { relationKey } from '../kg/graph.ts';
import { resolveName } from '../kg/resolve.ts';
import type { Note, Relation } from '../kg/types.ts';
import type { Fix } from './fix.ts';

/** How to link `note` from a frontmatter string: its file name, else its title, if that resolves to it alone. */
function linkName(site: Site, note: Note): string | undefined {
  for (const name of [note.basename, note.title]) {
    const r = resolveName(site.index, name);
    if ('id' in r && r.id === note.id && !/[[\]|#]/.test(name)) return name;
  }
  return undefined;
}

/** The relation as the other end writes it: its YAML list item, lines without indentation. */
function inverseItem(site: Site, r: Relation, writer: string): string[] | undefined {
  const spec = site.config.relations[r.type];
  const other = site.byId.get(writer === r.to ? r.from : r.to)!;
  // From the target's end a relation is written with its inverse id; a type without one only if it reads both ways.
  const type = writer === r.from ? r.type : spec.inverseId ?? (isSymmetric(spec) ? r.type : undefined);
  const to = linkName(site, other);
  const sources = r.sources.map((id) => linkName(site, site.byId.get(id)!));
  if (!type || !to || sources.some((s) => s === undefined)) return undefined;
  return [
    `- type: ${type}`,
    `  to: ${JSON.stringify(`[[${to}]]`)}`,
    ...(['date', 'start', 'end'] as const).filter((k) => r[k]).map((k) => `  ${k}: ${r[k]}`),
    ...(sources.length ? [`  sources: [${sources.map((s) => JSON.stringify(`[[${s}]]`)).join(', ')}]`] : []),
    ...(r.quote ? [`  quote: ${JSON.stringify(r.quote)}`] : []),
  ];
}

/** Where the items go in a note's text, and how they are indented; undefined when the frontmatter is not plain. */
function insertionPoint(text: string): { offset: number; indent: string; header: string } | undefined {
  const lines = text.split('\n');
  if (lines[0].trimEnd() !== '---') return undefined;
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (close < 0) return undefined;
  const offsetOfLine = (i: number) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
  const start = lines.findIndex((l, i) => i > 0 && i < close && /^relations:/.test(l));
  if (start < 0) return { offset: offsetOfLine(close), indent: '  ', header: 'relations:\n' };
  // Only a block list (`relations:` then `- type: …` lines) is extended; a flow list `[...]` is left to a person.
  if (!/^relations:\s*(#.*)?$/.test(lines[start])) return undefined;
  let last = start;
  for (let i = start + 1; i < close; i++) {
    if (/^\S/.test(lines[i]) && !lines[i].startsWith('-') && !lines[i].startsWith('#')) break;
    if (lines[i].trim() && !lines[i].trim().startsWith('#')) last = i;
  }
  const indent = /^(\s*)-/.exec(lines[start + 1] ?? '')?.[1] ?? '  ';
  return { offset: offsetOfLine(last + 1), indent, header: '' };
}

export function planInverseFixes(site: Site, texts: Map<string, string>): { fixes: Fix[]; skipped: Array<{ file: string; reason: string }> } {
  const fixes: Fix[] = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  const writers = new Map<string, Set<string>>();
  for (const r of site.resolved.relations) {
    const key = relationKey(site.config, r);
    writers.set(key, (writers.get(key) ?? new Set()).add(r.definedIn));
  }
  const items = new Map<string, string[][]>();
  for (const r of site.resolved.relations) {
    const writer = r.definedIn === r.from ? r.to : r.from;
    if (writer === r.definedIn || writers.get(relationKey(site.config, r))!.has(writer)) continue;
    const note = site.byId.get(writer)!;
    const item = inverseItem(site, r, writer);
    if (!item) { skipped.push({ file: note.file, reason: `the inverse of "${r.type}" from ${site.byId.get(r.definedIn)!.file} cannot be written there` }); continue; }
    items.set(note.file, [...(items.get(note.file) ?? []), item]);
  }
  for (const [file, list] of [...items].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = texts.get(file);
    const at = text === undefined ? undefined : insertionPoint(text);
    if (!at) { skipped.push({ file, reason: 'its relations are not a plain YAML list (add the inverse relations by hand)' }); continue; }
    const to = at.header + list.map((item) => item.map((l) => `${at.indent}${l}\n`).join('')).join('');
    const line = text!.slice(0, at.offset).split('\n').length;
    fixes.push({ file, line, column: 1, code: 'add-inverse', offset: at.offset, from: '', to });
  }
  return { fixes, skipped };
}
