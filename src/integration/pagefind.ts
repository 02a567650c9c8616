// The Pagefind search index over the note pages, into <outDir>/pagefind/. The pages' indexed parts are made from the
// engine's result (search-document.ts) and handed to Pagefind when the build starts, so its process indexes them
// while Astro renders the pages; astro:build:done only has Pagefind write the files.
import * as pagefind from 'pagefind';
import type { Site } from '../kg/build.ts';
import { eachLimited } from '../kg/each-limited.ts';
import { searchDocument, searchPath } from './search-document.ts';

export const SEARCH_OPTIONS = {
  forceLanguage: 'en',
  // Footnote lists and graph figures repeat names that belong to other pages; results should come from prose.
  excludeSelectors: ['.footnotes', '[data-footnote-ref]', '.kg-view', '.kg-island', '.kg-local'],
};

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;
interface Indexed { index?: Index; pages: number; errors: string[] }

let current: Promise<Indexed> | undefined;

async function indexDocuments(site: Site, ids: string[]): Promise<Indexed> {
  try {
    const { index, errors } = await pagefind.createIndex(SEARCH_OPTIONS);
    if (!index) return { pages: 0, errors };
    // A bounded number in flight, each document made when it is sent: 50k at once would hold them all, encoded.
    await eachLimited(ids, 64, async (id) => {
      errors.push(...(await index.addHTMLFile({ sourcePath: searchPath(id), content: searchDocument(site, id) })).errors);
    });
    return { index, pages: ids.length, errors };
  } catch (err) {
    return { pages: 0, errors: [String(err)] };
  }
}

/**
 * Build start: every note's page goes to Pagefind, in id order (Pagefind's files do not depend on the order, but the
 * log does). Resolves when Pagefind has indexed them all; errors are reported by finishSearchIndex.
 */
export function startSearchIndex(site: Site): Promise<{ pages: number; errors: string[] }> {
  return (current = indexDocuments(site, site.notes.map((n) => n.id).sort()));
}

/** Build end: writes the index under `<dir>/pagefind` and stops Pagefind; throws when Pagefind reported errors. */
export async function finishSearchIndex(dir: string): Promise<number> {
  const started = current;
  current = undefined;
  if (!started) throw new Error('The search index was not started (astro:build:start did not run?)');
  try {
    const { index, pages, errors } = await started;
    if (index) errors.push(...(await index.writeFiles({ outputPath: `${dir.replace(/\/$/, '')}/pagefind` })).errors);
    if (errors.length) throw new Error(`Pagefind indexing failed with ${new Set(errors).size} error(s):\n${[...new Set(errors)].join('\n')}`);
    return pages;
  } finally {
    await pagefind.close();
  }
}
