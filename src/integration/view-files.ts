// Writes every view's JSON files into the build (astro:build:done) and serves them in dev; see kg/exports/view-files.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { eachLimited } from '../kg/each-limited.ts';
import { viewFile, viewFilePaths } from '../kg/exports/view-files.ts';
import { getSite } from './site.ts';

/** Writes the files under `outDir`, a bounded number at a time; returns how many. */
export async function writeViewFiles(outDir: string, base: string): Promise<number> {
  const site = await getSite();
  const paths = viewFilePaths(site);
  const dirs = new Map<string, Promise<unknown>>();
  await eachLimited(paths, 32, async (path) => {
    const file = join(outDir, path);
    const dir = dirname(file);
    if (!dirs.has(dir)) dirs.set(dir, mkdir(dir, { recursive: true }));
    await dirs.get(dir);
    await writeFile(file, viewFile(site, base, path)!);
  });
  return paths.length;
}

/** Dev: answers requests for view files from the current notes. */
export function serveViewFiles(server: ViteDevServer, base: string): void {
  server.middlewares.use(async (req, res, next) => {
    const url = req.url?.split('?')[0] ?? '';
    if (!url.startsWith(base) || !url.endsWith('.json')) return next();
    try {
      const body = viewFile(await getSite(), base, decodeURIComponent(url.slice(base.length)));
      if (body === undefined) return next();
      res.setHeader('Content-Type', 'application/json');
      res.end(body);
    } catch (err) {
      next(err);
    }
  });
}
