// The search index the build ships, compared with one Pagefind makes from the built pages themselves: the build hands
// Pagefind documents made from the engine's result (src/integration/search-document.ts), and they must index to the
// same bytes as the pages a reader sees, or search would find words that are not on a page (or miss ones that are).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_OPTIONS } from '../../src/integration/pagefind.ts';
import { searchPath } from '../../src/integration/search-document.ts';
import { filesUnder } from './files-under.ts';

/** Every file of `<outDir>/pagefind` whose bytes differ from the index made from the pages (missing ones too). */
export async function searchIndexDifferences(outDir: string): Promise<{ pages: number; files: number; differences: string[] }> {
  const tmp = mkdtempSync(join(tmpdir(), 'kg-pagefind-'));
  try {
    const { index, errors } = await pagefind.createIndex(SEARCH_OPTIONS);
    if (!index) throw new Error(errors.join('\n'));
    let pages = 0;
    for (const id of readdirSync(join(outDir, 'entity')).sort()) {
      const html = readFileSync(join(outDir, 'entity', id, 'index.html'), 'utf8');
      // Redirect pages of renamed notes carry no indexed part.
      if (!html.includes(' data-pagefind-body')) continue;
      const r = await index.addHTMLFile({ sourcePath: searchPath(id), content: html });
      if (r.errors.length) throw new Error(r.errors.join('\n'));
      pages++;
    }
    await index.writeFiles({ outputPath: tmp });
    const shipped = join(outDir, 'pagefind');
    const names = [...new Set([...filesUnder(shipped).map((f) => relative(shipped, f)), ...filesUnder(tmp).map((f) => relative(tmp, f))])].sort();
    const bytes = (f: string) => { try { return readFileSync(f); } catch { return undefined; } };
    const differences = names.filter((n) => { const a = bytes(join(shipped, n)), b = bytes(join(tmp, n)); return !a || !b || !a.equals(b); });
    return { pages, files: names.length, differences };
  } finally {
    await pagefind.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
