// Tags across the site: each tag's URL slug, its display name and the notes that carry it.
import type { Site } from '../../kg/build.ts';
import { slugify } from '../../kg/slug.ts';

export interface TagEntry {
  slug: string;
  /** The spelling used by the first note (by id) that has it. */
  label: string;
  ids: string[];
}

export const tagSlug = (tag: string) => slugify(tag);

const cache = new WeakMap<Site, TagEntry[]>();

/** Every tag, sorted by slug; notes in id order. Tags that slugify alike are one tag. */
export function tagIndex(site: Site): TagEntry[] {
  let out = cache.get(site);
  if (out) return out;
  const bySlug = new Map<string, TagEntry>();
  for (const note of site.notes) {
    for (const tag of new Set(note.tags)) {
      const slug = tagSlug(tag);
      let entry = bySlug.get(slug);
      if (!entry) bySlug.set(slug, (entry = { slug, label: tag, ids: [] }));
      if (!entry.ids.includes(note.id)) entry.ids.push(note.id);
    }
  }
  out = [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  cache.set(site, out);
  return out;
}
