// The built site model, computed once per build (or once per change in dev) and shared by every page and endpoint.
import { buildSite, type Site } from '../kg/build.ts';
import { DEFAULT_CONFIG, type KgConfig } from '../kg/config.ts';

interface SiteState {
  config: KgConfig;
  root: string;
  base: string;
  /** `astro build` (not the dev server): note, embed and card files are then written by the integration. */
  building?: boolean;
  promise?: Promise<Site>;
  /** Dev: the result before the last change, reused by the next engine run for what did not change. */
  previous?: Promise<Site>;
  /** Dev: files changed since `previous` (project-relative), or undefined when any file may have (read them all). */
  changed?: Set<string>;
}

// On globalThis: Astro loads this module more than once (config, content loader, prerendered pages),
// and every copy must share one engine run.
const KEY = Symbol.for('kg-site.state');
const g = globalThis as typeof globalThis & { [KEY]?: SiteState };

export function configureSite(config: KgConfig, root: string, base: string, building = false): void {
  g[KEY] = { config, root, base, building };
}

/**
 * Whether this process is an `astro build`, whose integration writes the note pages, neighbourhood embed pages and
 * preview cards itself (page-shell.ts), so their routes list only a shell or nothing. Not `import.meta.env.DEV`: a
 * build started with NODE_ENV=test (as vitest's global setup does) has it true.
 */
export const isBuilding = (): boolean => siteState().building === true;

export function siteState(): SiteState {
  return (g[KEY] ??= { config: DEFAULT_CONFIG, root: process.cwd(), base: '/' });
}

/** The engine's result for the current notes; the first call runs the engine, later calls reuse it. */
export function getSite(): Promise<Site> {
  const state = siteState();
  return (state.promise ??= (async () => {
    const previous = await state.previous?.catch(() => undefined);
    const changed = state.changed;
    state.previous = undefined;
    state.changed = undefined;
    return buildSite(state.root, state.config, { base: state.base, previous, changed });
  })());
}

/**
 * Forget the current result (dev: a note changed); the next run reuses what did not change. `files` are the changed
 * files (project-relative paths) when the caller knows them; without them every file is read again.
 */
export function invalidateSite(files?: string[]): void {
  const state = siteState();
  // Changes add up until the engine runs again; one unknown change means reading everything.
  const alreadyInvalid = state.promise === undefined;
  if (!files) state.changed = undefined;
  else if (!alreadyInvalid) state.changed = new Set(files);
  else for (const f of files) state.changed?.add(f);
  state.previous = state.promise ?? state.previous;
  state.promise = undefined;
}
