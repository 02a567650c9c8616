// The site's change log (Changes page and feed), read from git once per engine result and shared like the site itself.
import type { Site } from '../kg/build.ts';
import { type ChangeLog, readChangeLog } from '../kg/changes/history.ts';
import { getSite, siteState } from './site.ts';

// On globalThis, like the site: Astro loads this module more than once, and the page and the feed share one reading.
const KEY = Symbol.for('kg-site.changes');
const g = globalThis as typeof globalThis & { [KEY]?: WeakMap<Site, Promise<ChangeLog>> };

/** The change log of the notes being built; read when first asked for, again only after the notes changed (dev). */
export async function getChangeLog(): Promise<ChangeLog> {
  const site = await getSite();
  const cache = (g[KEY] ??= new WeakMap());
  let log = cache.get(site);
  if (!log) cache.set(site, (log = readChangeLog(site, { root: siteState().root, versions: site.config.changes.versions })));
  return log;
}
