// Writes the files that are not Astro pages into the build (astro:build:done) and serves them in dev: every view's
// JSON files (kg/exports/view-files.ts), the redirect pages of renamed notes (kg/exports/redirects.ts) and, at build
// time, every note's page and neighbourhood embed page, filled into the shells Astro rendered (page-shell.ts).
import type { ViteDevServer } from 'vite';
import type { Site } from '../kg/build.ts';
import { redirectPage, redirects } from '../kg/exports/redirects.ts';
import { viewFile, viewFilePaths } from '../kg/exports/view-files.ts';
import { getSite, siteState } from './site.ts';
import { FileWriter } from './file-writer.ts';
import { fillShell, takeShell } from './page-shell.ts';
import { entityPageHead, entityPageMain } from '../components/html/entity-page.ts';
import { embedPageBody, embedPageHead } from '../components/html/embed-page.ts';
import { neighbourhoodEntry } from '../kg/view-catalog.ts';
import { embedPath } from '../kg/view-embed.ts';

/** The path and content of each redirect page. */
function redirectFiles(site: Site, base: string): Map<string, string> {
  return new Map(redirects(site).map(({ from, to }) => [`entity/${from}/index.html`, redirectPage(site, base, to)]));
}

/**
 * Each note's page and its neighbourhood's embed page, path → how to make it. Both of a note in a row: they share the
 * neighbourhood's drawing, which view-svg.ts keeps only until its second use.
 */
async function notePages(site: Site, base: string, outDir: string): Promise<Map<string, () => string>> {
  const [entityShell, embedShell] = await Promise.all([takeShell(outDir, 'entity'), takeShell(outDir, 'embed')]);
  const out = new Map<string, () => string>();
  for (const { id } of site.notes) {
    if (entityShell) out.set(`entity/${id}/index.html`, () => fillShell(entityShell, entityPageHead(site, base, id), entityPageMain(site, base, id)));
    const hood = embedShell && neighbourhoodEntry(site, base, id);
    if (hood) out.set(`${decodeURIComponent(embedPath(hood.id))}index.html`, () => fillShell(embedShell, embedPageHead(site, base, hood), embedPageBody(site, base, hood)));
  }
  return out;
}

/**
 * Writes the files under `outDir`; returns how many, and the notes whose pages were among them (none when the site has
 * no entity page route). This thread makes each file and a worker thread writes it (file-writer.ts): creating 40k
 * files and 20k folders at 10k notes is kernel work that on this thread took 4-13 s of the build's critical path. It
 * yields to the event loop every few dozen milliseconds, so that Pagefind's answers and the card processes' results
 * come in meanwhile.
 */
export async function writeViewFiles(outDir: string, base: string): Promise<{ files: number; notePages: string[] }> {
  const site = await getSite();
  const redirectPages = redirectFiles(site, base);
  const pages = await notePages(site, base, outDir);
  const paths = [...pages.keys(), ...viewFilePaths(site), ...redirectPages.keys()];
  const writer = new FileWriter(outDir, siteState().root);
  let slice = performance.now();
  try {
    for (const path of paths) {
      await writer.write(path, redirectPages.get(path) ?? pages.get(path)?.() ?? viewFile(site, base, path)!);
      if (performance.now() - slice > 50) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
  } finally {
    await writer.close();
  }
  return { files: paths.length, notePages: site.notes.map((n) => n.id).filter((id) => pages.has(`entity/${id}/index.html`)) };
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
