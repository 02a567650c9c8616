// Writes the files that are not Astro pages into the build (astro:build:done) and serves them in dev: every view's
// JSON files (kg/exports/view-files.ts) and the redirect pages of renamed notes (kg/exports/redirects.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { eachLimited } from '../kg/each-limited.ts';
import type { Site } from '../kg/build.ts';
import { redirectPage, redirects } from '../kg/exports/redirects.ts';
import { viewFile, viewFilePaths } from '../kg/exports/view-files.ts';
import { getSite } from './site.ts';

/** The path and content of each redirect page. */
function redirectFiles(site: Site, base: string): Map<string, string> {
  return new Map(redirects(site).map(({ from, to }) => [`entity/${from}/index.html`, redirectPage(site, base, to)]));
}

/** Writes the files under `outDir`, a bounded number at a time; returns how many. */
export async function writeViewFiles(outDir: string, base: string): Promise<number> {
  const site = await getSite();
  const pages = redirectFiles(site, base);
  const paths = [...viewFilePaths(site), ...pages.keys()];
  const dirs = new Map<string, Promise<unknown>>();
  await eachLimited(paths, 32, async (path) => {
    const file = join(outDir, path);
    const dir = dirname(file);
    if (!dirs.has(dir)) dirs.set(dir, mkdir(dir, { recursive: true }));
    await dirs.get(dir);
    await writeFile(file, pages.get(path) ?? viewFile(site, base, path)!);
  });
  return paths.length;
}

/** Dev: answers requests for view files and old addresses of renamed notes from the current notes. */
export function serveViewFiles(server: ViteDevServer, base: string): void {
  server.middlewares.use(async (req, res, next) => {
    const url = req.url?.split('?')[0] ?? '';
    if (!url.startsWith(base)) return next();
    try {
      const path = decodeURIComponent(url.slice(base.length));
      const site = await getSite();
      const page = /^entity\/[^/]+\/$/.test(path) && !site.byId.has(path.slice(7, -1)) ? redirectFiles(site, base).get(`${path}index.html`) : undefined;
      const body = page ?? (path.endsWith('.json') ? viewFile(site, base, path) : undefined);
      if (body === undefined) return next();
      res.setHeader('Content-Type', page ? 'text/html; charset=utf-8' : 'application/json');
      res.end(body);
    } catch (err) {
      next(err);
    }
  });
}
