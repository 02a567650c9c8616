// Astro content loader: the engine's notes as the `notes` collection (title, type, summary, aliases, tags, fields),
// for pages of a site's own that want `getCollection('notes')`. The site's pages read the engine's result directly
// (getSite()): the HTML is not copied into the store, which at 10k notes cost memory and, in dev, seconds per save.
import { relative, resolve, sep } from 'node:path';
import type { Loader } from 'astro/loaders';
import { isFileLink } from '../kg/attachments.ts';
import { diagnosticReport } from './report.ts';
import { getSite, invalidateSite, siteState } from './site.ts';

export function kgLoader(): Loader {
  return {
    name: 'kg-notes',
    load: async ({ store, logger, watcher, generateDigest }) => {
      const fill = async () => {
        const site = await getSite();
        // Only what changed: entries with an unchanged digest are left as they are, gone notes are deleted.
        const ids = new Set(site.notes.map((n) => n.id));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
        for (const note of site.notes) {
          const data = { title: note.title, type: note.type, summary: note.summary, aliases: note.aliases, tags: note.tags, file: note.file, fields: note.fields };
          // The HTML is in the digest though not in the entry: an edit to the body alone still changes the store, which
          // is what makes Astro's dev server reload the browser.
          store.set({ id: note.id, data, digest: generateDigest(JSON.stringify(data) + (site.html.get(note.id) ?? '')) });
        }
        const ms = Object.entries(site.timings).map(([stage, t]) => `${stage}=${Math.round(t)}`).join(' ');
        logger.info(`${site.notes.length} notes, ${site.graph.size} edges; engine ms: ${ms}`);
      };
      await fill();
      // Dev: a saved note re-runs the engine (parse once per build) and refreshes the store.
      const dir = resolve(siteState().root, siteState().config.contentDir);
      watcher?.add(dir);
      // One save often fires several events (truncate, write, rename): one engine run for all of them, which reads
      // only the files named in them.
      let pending: ReturnType<typeof setTimeout> | undefined;
      let changed: string[] | undefined = [];
      watcher?.on('all', (_event, path) => {
        // Notes, the relation config, and attachments (an image added makes its embed resolve).
        if (!resolve(path).startsWith(dir + sep) || !(/\.(md|json)$/i.test(path) || isFileLink(path))) return;
        if (/\.md$/i.test(path)) changed?.push(relative(siteState().root, resolve(path)).split(sep).join('/'));
        // The relation config changes every note's meaning; an attachment changes no note's text.
        else if (/\.json$/i.test(path)) changed = undefined;
        clearTimeout(pending);
        pending = setTimeout(async () => {
          invalidateSite(changed);
          changed = [];
          await fill();
          const site = await getSite();
          logger.info(site.diagnostics.length ? `\n${diagnosticReport(site.diagnostics)}` : 'notes check clean');
        }, 40);
      });
    },
  };
}
