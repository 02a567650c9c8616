// Astro content loader: hands the engine's notes, already rendered to HTML, to Astro's content layer,
// so `render(entry)` serves the engine's HTML and Astro never parses the Markdown a second time.
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
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
          const html = site.html.get(note.id) ?? '';
          const data = { title: note.title, type: note.type, summary: note.summary, aliases: note.aliases, tags: note.tags, file: note.file, fields: note.fields };
          store.set({ id: note.id, data, digest: generateDigest(html + JSON.stringify(data)), rendered: { html } });
        }
        const ms = Object.entries(site.timings).map(([stage, t]) => `${stage}=${Math.round(t)}`).join(' ');
        logger.info(`${site.notes.length} notes, ${site.graph.size} edges; engine ms: ${ms}`);
      };
      await fill();
      // Dev: a saved note re-runs the engine (parse once per build) and refreshes the store.
      const dir = resolve(siteState().root, siteState().config.contentDir);
      watcher?.add(dir);
      // One save often fires several events (truncate, write, rename): one engine run for all of them.
      let pending: ReturnType<typeof setTimeout> | undefined;
      watcher?.on('all', (_event, path) => {
        if (!resolve(path).startsWith(dir) || !/\.(md|json)$/i.test(path)) return;
        clearTimeout(pending);
        pending = setTimeout(async () => {
          invalidateSite();
          await fill();
          const site = await getSite();
          logger.info(site.diagnostics.length ? `\n${diagnosticReport(site.diagnostics)}` : 'notes check clean');
        }, 40);
      });
    },
  };
}
