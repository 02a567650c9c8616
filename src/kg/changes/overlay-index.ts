// The name index of a past version, approximated: the notes of its changed files over the current site's index.
// Rebuilding every past version's full index would parse the whole vault once per version; links in the few changed
// notes resolve the same way against "current notes, minus the changed files, plus their content at that version",
// except for a note outside the changed files that was renamed since (its old name then matches nothing).
import { buildNameIndex, type NameIndex, targetKey } from '../resolve.ts';
import type { Note } from '../types.ts';

/** Every name a note's links look up: relation ends, relation and note sources, body links. */
function lookedUpKeys(notes: Note[]): Set<string> {
  const keys = new Set<string>();
  for (const n of notes) {
    for (const r of n.relations) {
      keys.add(targetKey(r.to.target));
      for (const s of r.sources) keys.add(targetKey(s.target));
    }
    for (const s of n.sources) keys.add(targetKey(s.target));
    for (const l of n.links) keys.add(targetKey(l.target));
  }
  return keys;
}

/**
 * An index for resolving `notes` (the changed files' notes at one version): their own names first, then the current
 * index's, without the current notes of `files` (those files are `notes` at that version, or did not exist). Only the
 * keys `notes` look up are filled in.
 */
export function overlayIndex(current: NameIndex, notes: Note[], files: Set<string>): NameIndex {
  const own = buildNameIndex(notes);
  const byKey = new Map<string, Map<string, number>>();
  const byId = new Map(own.byId);
  for (const key of lookedUpKeys(notes)) {
    const ids = new Map(own.byKey.get(key));
    for (const [id, rank] of current.byKey.get(key) ?? []) {
      const note = current.byId.get(id);
      if (!note || files.has(note.file) || own.byId.has(id)) continue;
      ids.set(id, rank);
      byId.set(id, note);
    }
    if (ids.size) byKey.set(key, ids);
  }
  // Suggestions for links that match nothing come from the changed notes only: searching all names per broken
  // link of a past version is work nobody reads.
  return { byKey, byId, names: own.names };
}
