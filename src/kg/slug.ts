// Names: note ids (URL slugs) and the normalised keys wiki-links are matched by.

/** A stable URL id from a file name or title: lower-case letters and digits of any script, joined by `-`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'note';
}

/** The key a name is matched by, Obsidian-style: Unicode-normalised, case-insensitive, spaces collapsed. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
