// Serves the files that are not Astro pages in dev: every view's JSON files (kg/exports/view-files.ts; a build's
// workers write them, see build-workers.ts) and the redirect pages of renamed notes (kg/exports/redirects.ts), which
// a build writes here.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { eachLimited } from '../kg/each-limited.ts';
import type { Site } from '../kg/build.ts';
import { redirectPage, redirects } from '../kg/exports/redirects.ts';
import { viewFile } from '../kg/exports/view-files.ts';
import { getSite } from './site.ts';

/** The path and content of each redirect page. */
function redirectFiles(site: Site, base: string): Map<string, string> {
  return new Map(redirects(site).map(({ from, to }) => [`entity/${from}/index.html`, redirectPage(site, base, to)]));
}

/** Writes the redirect pages of renamed notes under `outDir` (the view files come from the build workers); returns how many. */
export async function writeRedirectPages(outDir: string, base: string): Promise<number> {
  const pages = redirectFiles(await getSite(), base);
  await eachLimited([...pages], 16, async ([path, html]) => {
    const file = join(outDir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, html);
  });
  return pages.size;
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
