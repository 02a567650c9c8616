// Builds the Pagefind search index over the finished static site (astro:build:done), into <outDir>/pagefind/.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Indexes the entity pages under `dir` (only the parts marked data-pagefind-body) and writes the index beside them. */
export async function indexSite(dir: string): Promise<{ pages: number; errors: string[] }> {
  const errors: string[] = [];
  const { index, errors: createErrors } = await pagefind.createIndex({
    forceLanguage: 'en',
    // Footnote lists and graph figures repeat names that belong to other pages; results should come from prose.
    excludeSelectors: ['.footnotes', '[data-footnote-ref]', '.kg-view', '.kg-island', '.kg-local'],
  });
  errors.push(...createErrors);
  if (!index) return { pages: 0, errors };
  try {
    // Only entity pages carry data-pagefind-body; not reading the other ~2 pages per entity (embeds) halves the work.
    const added = await index.addDirectory({ path: dir, glob: 'entity/**/*.html' });
    errors.push(...added.errors);
    const written = await index.writeFiles({ outputPath: `${dir.replace(/\/$/, '')}/pagefind` });
    errors.push(...written.errors);
    return { pages: added.page_count, errors };
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'kg-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const t0 = performance.now();
        const { pages, errors } = await indexSite(fileURLToPath(dir));
        for (const e of errors) logger.error(e);
        if (errors.length) throw new Error(`Pagefind indexing failed with ${errors.length} error(s)`);
        logger.info(`indexed ${pages} pages in ${Math.round(performance.now() - t0)} ms`);
      },
    },
  };
}
