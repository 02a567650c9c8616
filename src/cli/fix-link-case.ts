// `check --fix`: a link that matches its note only case-insensitively (`[[hikvision]]`) is rewritten with the exact
// spelling of the name it matched (`[[Hikvision]]`), so links read the same everywhere and survive case-sensitive tools.
import type { Site } from '../kg/build.ts';
import { isFileLink } from '../kg/attachments.ts';
import { resolveName } from '../kg/resolve.ts';
import { nameKey } from '../kg/slug.ts';
import type { LinkRef, Note } from '../kg/types.ts';
import { type Fix, locate } from './fix.ts';

/** Every link a note writes: body links, its sources, and each relation's target and sources. */
function linksOf(note: Note): LinkRef[] {
  return [...note.links, ...note.sources, ...note.relations.flatMap((r) => [r.to, ...r.sources])];
}

/** The exact spelling to use for `target`, or undefined when it is already exact or does not resolve. */
export function exactSpelling(site: Site, target: string): string | undefined {
  const r = resolveName(site.index, target);
  if (!('id' in r)) return undefined;
  const note = site.byId.get(r.id)!;
  // Same order as resolution prefers them: file name, title, aliases.
  const names = [note.basename, note.title, ...note.aliases];
  if (names.includes(target)) return undefined;
  return names.find((n) => nameKey(n) === nameKey(target));
}

export function planLinkCaseFixes(site: Site, texts: Map<string, string>): Fix[] {
  const fixes: Fix[] = [];
  for (const note of site.notes) {
    const text = texts.get(note.file);
    if (text === undefined) continue;
    for (const link of linksOf(note)) {
      // A folder path or `.md` names a file, written on purpose: leave those as they are.
      if (!link.target || /[/|#[\]]|\.md$/i.test(link.target) || isFileLink(link.target)) continue;
      const to = exactSpelling(site, link.target);
      const offset = to === undefined ? undefined : locate(text, link.pos.line, link.pos.column, link.target);
      if (to === undefined || offset === undefined || fixes.some((f) => f.file === note.file && f.offset === offset)) continue;
      fixes.push({ file: note.file, line: link.pos.line, column: link.pos.column, code: 'link-case', offset, from: link.target, to });
    }
  }
  return fixes;
}
