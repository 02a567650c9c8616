// A tiny site with the knowledge-graph integration whose page can be made to fail (KG_FAIL_PAGE=1), to test what a
// build that fails after Astro started writing leaves in outDir (test/unit/hostile-failed-build.test.ts).
import { defineConfig } from 'astro/config';
import knowledgeGraph from '../../../src/integration/index.ts';

export default defineConfig({
  outDir: process.env.KG_OUT_DIR,
  cacheDir: `${process.env.KG_OUT_DIR}-cache`,
  integrations: [knowledgeGraph({ contentDir: 'notes' })],
});
