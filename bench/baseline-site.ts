// The baseline: a bare Astro 7 project, written by the bench, that renders every note of a vault to one page with
// Astro's own remark (unified) Markdown processor and nothing else. It reuses this project's node_modules.
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'kg-bench-baseline', private: true, type: 'module' }, null, 2),
  'astro.config.mjs': `// Bare baseline: Markdown through @astrojs/markdown-remark's unified() processor (Astro 7's default is Sätteri).
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.BASELINE_OUT_DIR ?? './dist',
  cacheDir: process.env.BASELINE_OUT_DIR ? process.env.BASELINE_OUT_DIR + '-cache' : './node_modules/.astro-baseline',
  markdown: { processor: unified() },
});
`,
  'src/content.config.ts': `// One collection: every .md file of the vault, rendered by Astro's configured Markdown processor.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { notes: defineCollection({ loader: glob({ pattern: '**/*.md', base: process.env.BASELINE_CONTENT_DIR ?? './content' }) }) };
`,
  'src/pages/[...id].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const notes = await getCollection('notes');
  return notes.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8"><title>{String(entry.data.title ?? entry.id)}</title></head>
<body><main><h1>{String(entry.data.title ?? entry.id)}</h1><Content /></main></body></html>
`,
};

/** Writes the baseline project into `dir` (fresh each time) and links `node_modules` to the project's. */
export async function writeBaselineSite(dir: string, projectRoot: string): Promise<string> {
  const root = resolve(dir);
  await rm(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  await symlink(resolve(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}
