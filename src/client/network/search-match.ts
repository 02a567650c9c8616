// Finding entities by title or alias: accent- and case-insensitive, best matches first (pure, unit-tested).
export interface SearchEntry {
  id: string;
  title: string;
  aliases: string[];
}

export const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** Rank of one name for a query: 0 exact, 1 prefix, 2 word prefix, 3 substring; undefined when it does not match. */
function rank(name: string, q: string): number | undefined {
  const n = fold(name);
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  if (n.split(/[\s\-–,.()/]+/).some((w) => w.startsWith(q))) return 2;
  if (n.includes(q)) return 3;
  return undefined;
}

export function matchEntries(entries: SearchEntry[], query: string, limit = 8): Array<SearchEntry & { via?: string }> {
  const q = fold(query);
  if (!q) return [];
  const hits: Array<{ e: SearchEntry; score: number; via?: string }> = [];
  for (const e of entries) {
    let best = rank(e.title, q);
    let via: string | undefined;
    for (const alias of e.aliases) {
      const r = rank(alias, q);
      // An alias counts a little less than the title at the same rank.
      if (r !== undefined && (best === undefined || r + 0.5 < best)) { best = r + 0.5; via = alias; }
    }
    if (best !== undefined) hits.push({ e, score: best, via });
  }
  hits.sort((a, b) => a.score - b.score || a.e.title.length - b.e.title.length || (a.e.title < b.e.title ? -1 : 1));
  return hits.slice(0, limit).map((h) => ({ ...h.e, via: h.via }));
}
