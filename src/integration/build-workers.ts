// Worker threads that write a build's many small files while Astro renders the pages on the main thread: the preview
// cards, every view's JSON and oEmbed files, the evidence shards and the embed pages (build-worker.ts). Each gets a
// snapshot of the site and a fixed share (every n-th view, every n-th card), so the files do not depend on timing.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SiteData } from '../kg/build.ts';
import { viewFileGroups } from '../kg/exports/view-files.ts';
import { siteSnapshot } from '../kg/site-snapshot.ts';
import type { BuildWorkerData, BuildWorkerMessage } from './build-worker.ts';
import { entitiesWithCards, ogCacheDir } from './og-image.ts';

interface Running {
  base: string;
  started: number;
  workers: Worker[];
  sent: boolean;
  done: Promise<Array<{ files: number; cards: number }>>;
}

// On globalThis: the middleware that hands over the template runs from Vite's bundle, another copy of this module.
const KEY = Symbol.for('kg-build-workers');
const g = globalThis as typeof globalThis & { [KEY]?: Running };

/** The path of the page the workers fill every other embed page into (Astro renders it; see embed-page.ts). */
export const templatePath = (base: string) => `${base}embed/network/`;

/**
 * Build start: snapshot the site and start the workers. Two by default: with the main thread rendering pages, that
 * keeps both cores of a small machine busy, and a third would only take turns.
 */
export function startBuildWorkers(site: SiteData, base: string, outDir: string, count = Math.max(1, Math.min(2, availableParallelism()))): void {
  const snapshot = siteSnapshot(site);
  const groups = viewFileGroups(site, { embedPages: true });
  const cards = [...entitiesWithCards(site)];
  const workers = Array.from({ length: count }, (_, k) => {
    const data: BuildWorkerData = {
      snapshot, base, outDir, ogCacheDir: ogCacheDir(),
      cards: cards.filter((_, i) => i % count === k),
      files: groups.filter((_, i) => i % count === k).flat(),
    };
    // Next to this module, which the integration loads from source (not from Vite's bundle, unlike the pages).
    return new Worker(new URL('./build-worker.ts', import.meta.url), { workerData: data });
  });
  const done = Promise.all(workers.map((w, k) => new Promise<{ files: number; cards: number }>((resolve, reject) => {
    w.once('message', (m: BuildWorkerMessage) => ('error' in m ? reject(new Error(`build worker ${k + 1}: ${m.error}`)) : resolve(m)));
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`build worker ${k + 1} stopped (exit code ${code}) before it finished`)));
  })));
  // A failed build must not wait for the workers to exit.
  done.catch(() => {}).finally(() => workers.forEach((w) => w.unref()));
  g[KEY] = { base, started: performance.now(), workers, sent: false, done };
}

/** The template page as Astro rendered it (from the middleware): the workers may now write into outDir. */
export function handOverEmbedTemplate(path: string, html: string): boolean {
  const running = g[KEY];
  if (!running || running.sent || path !== templatePath(running.base)) return false;
  running.sent = true;
  for (const w of running.workers) w.postMessage({ template: html });
  return true;
}

/** Wants the template page: the middleware reads responses only while this is true. */
export const wantsEmbedTemplate = () => g[KEY]?.sent === false;

/** Build end: waits for the workers (sending the template from disk if no page handed it over); throws on failure. */
export async function finishBuildWorkers(outDir: string): Promise<{ files: number; cards: number; ms: number }> {
  const running = g[KEY];
  g[KEY] = undefined;
  if (!running) throw new Error('The build workers were not started (astro:build:start did not run?)');
  if (!running.sent) {
    // A site without the embed route (a custom set of pages) gets the view files but no embed pages.
    const html = await readFile(join(outDir, 'embed/network/index.html'), 'utf8').catch(() => null);
    for (const w of running.workers) w.postMessage({ template: html });
  }
  const results = await running.done;
  const ms = Math.round(performance.now() - running.started);
  return { files: results.reduce((n, r) => n + r.files, 0), cards: results.reduce((n, r) => n + r.cards, 0), ms };
}

/** The middleware that hands over the template (added by the integration with addMiddleware). */
export const embedTemplateMiddleware = new URL('./embed-template-middleware.ts', import.meta.url);
