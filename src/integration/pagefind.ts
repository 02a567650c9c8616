// The Pagefind search index over the entity pages, into <outDir>/pagefind/. During a build the pages are indexed as they
// are rendered (pagefind-middleware.ts), in Pagefind's own process; astro:build:done only writes the files.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
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

export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'kg-pagefind',
    hooks: {
      'astro:config:setup': ({ addMiddleware, config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        addMiddleware({ entrypoint: new URL('./pagefind-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:build:start': () => {
        g[KEY] = startIndexing(base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const t0 = performance.now();
        const indexing = g[KEY]!;
        g[KEY] = undefined;
        const { pages, errors } = await indexing.finish(fileURLToPath(dir));
        for (const e of errors) logger.error(e);
        if (errors.length) throw new Error(`Pagefind indexing failed with ${errors.length} error(s)`);
        logger.info(`indexed ${pages} pages in ${Math.round(performance.now() - t0)} ms`);
      },
    },
  };
}
