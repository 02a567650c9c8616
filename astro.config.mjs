// Site configuration. The knowledge-graph integration's options (entity types, relation types, colours) live here.
import { defineConfig } from 'astro/config';
import knowledgeGraph from './src/integration/index.ts';
import externalAssets from './src/integration/external-assets.ts';
import sitemap from '@astrojs/sitemap';
import siteRelations from './content/kg.relations.json' with { type: 'json' };

const kg = knowledgeGraph({
  title: 'The 2019 Entity List',
  description: 'Who the US Commerce Department blacklisted in October 2019 over Xinjiang, and who reacted — every link sourced.',
  // Relation types this story needs beyond the defaults (label, inverse label, allowed types).
  relations: siteRelations,
});

export default defineConfig({
  site: 'https://entity-list-2019.example.org',
  trailingSlash: 'always',
  // Several pages at once: while one waits for its file to be written, the next renders (measured in bench/README.md).
  build: { format: 'directory', concurrency: 4 },
  // KG_OUT_DIR lets tests and benchmarks build side by side without sharing dist/ or Astro's cache.
  outDir: process.env.KG_OUT_DIR ?? './dist',
  cacheDir: process.env.KG_OUT_DIR ? `${process.env.KG_OUT_DIR}-cache` : './node_modules/.astro',
  // The dev server watches the project; benchmark sites and test builds (tens of thousands of files) are not its
  // sources and would exhaust the system's file watchers.
  vite: { server: { watch: { ignored: ['**/bench/sites/**', '**/bench/vaults/**', '**/test-results/**'] } } },
  integrations: [
    kg,
    externalAssets(),
    // No lastmod: the sitemap stays byte-identical between builds. Embeds are iframe content, not pages to index. The
    // note pages are written by the kg integration from a shell (`/_shell/`), so it lists them.
    sitemap({ customPages: kg.notePageUrls, filter: (page) => !page.includes('/embed/') && !page.endsWith('/search/') && !page.includes('/_shell/') }),
  ],
});
