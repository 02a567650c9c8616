// Preview-card fonts cut down to the characters a site's cards can use. resvg-js reads a font file whole each time it
// looks up a glyph (about 200 times a card), so DejaVu's 0.4-0.8 MB files cost more system time than the drawing; the
// same fonts subset to a site's characters are about 20 KB and draw the same pixels (checked in og-fonts.test.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import subsetFont from 'subset-font';
import { writeCacheFile } from './cache-file.ts';

export interface CardFonts {
  /** Original font file -> its subset. */
  subsets: Map<string, string>;
  /** The characters every subset has (when the original font has them). */
  chars: Set<string>;
}

// What card markup adds to a note's own text: the SVG syntax itself, and the punctuation wrapping and stats insert.
const ALWAYS = `${Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')}\n…–—‘’“”·`;

/**
 * Subsets of `files` (TrueType or OpenType fonts, not collections) holding every character of `text`, written once into `dir` under a
 * name made from the font and the characters, so a rebuild with the same notes reuses them.
 */
export async function subsetCardFonts(files: string[], text: string, dir: string): Promise<CardFonts> {
  const chars = new Set(ALWAYS + text);
  const sorted = [...chars].sort().join('');
  const subsets = new Map<string, string>();
  for (const file of files) {
    const key = createHash('sha256').update(`${file}:${statSync(file).size}\n${sorted}`).digest('hex').slice(0, 24);
    const out = join(dir, `${basename(file).replace(/\.\w+$/, '')}-${key}.ttf`);
    if (!existsSync(out)) {
      const bytes = await subsetFont(readFileSync(file), sorted, { targetFormat: 'truetype' });
      writeCacheFile(out, bytes);
    }
    subsets.set(file, out);
  }
  return { subsets, chars };
}

/** The font files to draw `svg` with: the subsets when they hold all its characters, else the original files. */
export function cardFontFiles(fonts: CardFonts | undefined, files: string[], svg: string): string[] {
  if (!fonts) return files;
  for (const ch of svg) if (!fonts.chars.has(ch)) return files;
  return files.map((f) => fonts.subsets.get(f) ?? f);
}
