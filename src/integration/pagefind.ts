// The Pagefind search index over the entity pages, into <outDir>/pagefind/. During a build the pages are indexed as they
// are rendered (pagefind-middleware.ts), in Pagefind's own process; the kg integration's astro:build:done only writes
// the files.
import * as pagefind from 'pagefind';

const OPTIONS = {
  forceLanguage: 'en',
  // Footnote lists and graph figures repeat names that belong to other pages; results should come from prose.
  excludeSelectors: ['.footnotes', '[data-footnote-ref]', '.kg-view', '.kg-island', '.kg-local'],
};

interface Indexing {
  base: string;
  add(sourcePath: string, html: string): void;
  /** Waits for every page added so far, writes the index under `dir`; errors from any step are returned. */
  finish(dir: string): Promise<{ pages: number; errors: string[] }>;
}

// On globalThis: the middleware runs from Vite's bundle, a different copy of this module than the integration's.
const KEY = Symbol.for('kg-pagefind.indexing');
const g = globalThis as typeof globalThis & { [KEY]?: Indexing };

export function searchIndexInProgress(): Indexing | undefined {
  return g[KEY];
}

function startIndexing(base: string): Indexing {
  const errors: string[] = [];
  const created = pagefind.createIndex(OPTIONS);
  const added: Promise<unknown>[] = [];
  let pages = 0;
  return {
    base,
    add(sourcePath, content) {
      added.push(created.then(async ({ index, errors: e }) => {
        if (!index) return void errors.push(...e);
        const r = await index.addHTMLFile({ sourcePath, content });
        errors.push(...r.errors);
        pages++;
      }));
    },
    async finish(dir) {
      try {
        const { index, errors: createErrors } = await created;
        errors.push(...createErrors);
        await Promise.all(added);
        if (index) errors.push(...(await index.writeFiles({ outputPath: `${dir.replace(/\/$/, '')}/pagefind` })).errors);
        return { pages, errors: [...new Set(errors)] };
      } finally {
        await pagefind.close();
      }
    },
  };
}

/** Build start: index entity pages as the middleware hands them over. */
export function startSearchIndex(base: string): void {
  g[KEY] = startIndexing(base);
}

/** Build end: writes the index under `dir`; throws when Pagefind reported errors. */
export async function finishSearchIndex(dir: string): Promise<number> {
  const indexing = g[KEY];
  g[KEY] = undefined;
  if (!indexing) throw new Error('The search index was not started (astro:build:start did not run?)');
  const { pages, errors } = await indexing.finish(dir);
  if (errors.length) throw new Error(`Pagefind indexing failed with ${errors.length} error(s):\n${errors.join('\n')}`);
  return pages;
}

/** The middleware that feeds the index (added by the integration with addMiddleware). */
export const searchMiddleware = new URL('./pagefind-middleware.ts', import.meta.url);
