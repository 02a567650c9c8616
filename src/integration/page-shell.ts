// Entity and neighbourhood embed pages at build time: Astro renders each route once as a shell (the site's layout,
// its bundled styles and scripts, two markers where the page's own head and content go), and the integration fills
// that shell once per note. Rendering 20k pages through Astro's page pipeline cost more than the rest of the site's
// pages together (bench/README.md, ninth round); the per-page HTML is the same hast either way (src/components/html/).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The route parameter of a shell: not a note id or view id, which never contain `_` (slugify keeps letters, digits, `-`). */
export const SHELL_ID = '_shell';
export const HEAD_MARK = '<!--kg:head-->';
export const MAIN_MARK = '<!--kg:main-->';

export type Shell = readonly [before: string, between: string, after: string];

/** Splits a rendered shell at its two markers; throws when either is missing or repeated (a layout change broke it). */
export function splitShell(html: string, what: string): Shell {
  const [before, rest, extra] = html.split(HEAD_MARK);
  const [between, after, extra2] = rest?.split(MAIN_MARK) ?? [];
  if (extra !== undefined || extra2 !== undefined || after === undefined) {
    throw new Error(`The page shell ${what} must hold ${HEAD_MARK} once, then ${MAIN_MARK} once: check that its layout renders the head and content it is given.`);
  }
  return [before, between, after];
}

export const fillShell = (shell: Shell, head: string, main: string) => shell[0] + head + shell[1] + main + shell[2];

/**
 * Reads the shell Astro rendered for `route` (e.g. `entity`) and removes it from the build; undefined when the site
 * has no such route (a site of its own pages that uses the integration for its data).
 */
export async function takeShell(outDir: string, route: string): Promise<Shell | undefined> {
  const dir = join(outDir, route, SHELL_ID);
  const html = await readFile(join(dir, 'index.html'), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (html === undefined) return undefined;
  const shell = splitShell(html, `${route}/${SHELL_ID}/`);
  await rm(dir, { recursive: true });
  return shell;
}
