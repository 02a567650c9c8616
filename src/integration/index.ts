// The Astro integration: resolves the knowledge-graph options, runs the engine once, stops the build on errors, and
// writes what is not a page (preview images ahead, view files, the search index).
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { type KgConfig, type KgUserConfig, resolveConfig } from '../kg/config.ts';
import { relative } from 'node:path';
import { keepPreviousBuild, settleOnExit } from './keep-previous-build.ts';
import { diagnosticReport } from './report.ts';
import { copyAttachments, serveAttachments } from './attachment-files.ts';
import { drawOgCardsAhead, pruneOgCache, writeOgCards } from './og-image.ts';
import { finishSearchIndex, startSearchIndex } from './pagefind.ts';
import { configureSite, getSite, invalidateSite } from './site.ts';
import { getChangeLog } from './changes.ts';
import { serveViewFiles, writeViewFiles } from './view-files.ts';
import { entityHref } from '../kg/build.ts';

/** How much V8's heap may grow past the live data between two full collections, in a build (see astro:build:start). */
const HEAP_GROWING_PERCENT = 100;

export type KgIntegration = AstroIntegration & {
  kgConfig: KgConfig;
  /**
   * Every note page's address, filled once the build has written them (page-shell.ts): Astro does not list them. Give
   * it to the sitemap, which runs after this integration (`sitemap({ customPages: kg.notePageUrls })`).
   */
  notePageUrls: string[];
};

export default function knowledgeGraph(options: KgUserConfig = {}): KgIntegration {
  const kgConfig = resolveConfig(options);
  let outDir: string | undefined;
  let cacheDir: string | undefined;
  let base = '/';
  const notePageUrls: string[] = [];
  let finished = false; // astro:build:done got to its end (see settleOnExit)
  return {
    name: 'kg',
    kgConfig,
    notePageUrls,
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:config:setup': ({ config, command }) => {
        // KG_CONTENT_DIR builds another folder of notes with the same site (tests, benchmarks).
        const contentDir = process.env.KG_CONTENT_DIR ?? kgConfig.contentDir;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // KG_ON_BROKEN_LINKS=warn builds a vault with dangling links once, without changing the config.
        const broken = process.env.KG_ON_BROKEN_LINKS;
        const onBrokenLinks = broken === 'warn' || broken === 'throw' ? broken : kgConfig.onBrokenLinks;
        configureSite({ ...kgConfig, contentDir, onBrokenLinks, site: config.site ?? kgConfig.site }, fileURLToPath(config.root), base, command === 'build');
        if (command === 'dev') invalidateSite();
      },
      'astro:build:start': async ({ logger }) => {
        // V8 lets the heap grow to up to four times what survived its last full collection before the next one: at 10k
        // notes ~270 MB live became a 1.07 GB heap while the note pages were written, most of it garbage. Twice is
        // plenty, and cut the build's peak by ~400 MB at no measured cost (bench/README.md, tenth round).
        setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
        const site = await getSite();
        if (site.diagnostics.length) logger.warn(`\n${diagnosticReport(site.diagnostics)}`);
        if (site.errors > 0) {
          // A short error without a stack: the diagnostics above say everything. Nothing has touched outDir yet.
          const err = new Error(`The notes have ${site.errors} error(s); nothing was published and ${outDir ? relative(process.cwd(), outDir) || outDir : 'dist'}/ was left as it was. Fix them and build again (\`npm run check\` lists them).`);
          err.stack = err.message;
          throw err;
        }
        // Astro empties outDir next: keep the previous build until this one has succeeded.
        if (outDir && cacheDir) settleOnExit(keepPreviousBuild(outDir, cacheDir), outDir, () => finished);
        // Preview images take the longest per page: child processes draw them while Astro renders everything else.
        const t0 = performance.now();
        void drawOgCardsAhead(site).then((n) => logger.info(`drew ${n} preview cards ahead in ${Math.round(performance.now() - t0)} ms (child processes, alongside the pages; the step after the pages asks for the rest)`));
        // Pagefind indexes every note's page in its own process while Astro renders them.
        const t2 = performance.now();
        void startSearchIndex(site).then(({ pages, errors }) => {
          if (!errors.length) logger.info(`indexed ${pages} pages for search in ${Math.round(performance.now() - t2)} ms (Pagefind's process, alongside the pages)`);
        });
        // The change log reads git while the pages render; the Changes page and its feed wait for it.
        const t1 = performance.now();
        void getChangeLog().then((log) => logger.info(log.mode === 'none'
          ? `no change log: ${log.reason}${log.detail ? ` (${log.detail})` : ''}`
          : `read ${log.versions.length} versions of the notes from git (${log.mode}) in ${Math.round(performance.now() - t1)} ms`));
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Side by side: this process writes the note pages (into the shells Astro rendered) and the view files, the
        // preview cards go in as their drawing processes finish them, Pagefind writes the index it built meanwhile.
        const t0 = performance.now();
        const out = fileURLToPath(dir);
        // Each part's own finishing time is logged too: they share two cores, and the slowest decides the build's end.
        const done = <T>(work: Promise<T>) => work.then((value) => ({ value, ms: Math.round(performance.now() - t0) }));
        // Pagefind writes its index (its biggest moment, ~700 MB at 10k notes) once the card processes have ended: both
        // at once took the build past 2.4 GB.
        const site = await getSite();
        const cardsWritten = writeOgCards(site, out);
        const [files, pages, attachments, cards] = await Promise.all([done(writeViewFiles(out, base)), done(cardsWritten.then(() => finishSearchIndex(out))), done(copyAttachments(out)), done(cardsWritten)]);
        notePageUrls.splice(0, Infinity, ...files.value.notePages.map((id) => new URL(entityHref(base, id), site.config.site).href));
        logger.info(`wrote ${files.value.files} note pages and view files (${files.ms} ms), ${attachments.value} attachments, ${cards.value} preview cards (${cards.ms} ms) and the search index of ${pages.value} pages (${pages.ms} ms) in ${Math.round(performance.now() - t0)} ms`);
        // Only now, with the build done: a failed build must not cost the next one its cards.
        const pruned = pruneOgCache();
        if (pruned) logger.info(`removed ${pruned} old preview cards and fonts from the card cache (this build did not use them)`);
        finished = true;
      },
      'astro:server:setup': async ({ server, logger }) => {
        serveViewFiles(server, base);
        serveAttachments(server, base);
        const site = await getSite();
        if (site.diagnostics.length) logger.warn(`\n${diagnosticReport(site.diagnostics)}`);
      },
    },
  };
}
