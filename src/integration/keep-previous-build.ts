// A failed build must not leave a half-written site where the last good one was. Astro empties outDir early in the
// build; this moves the previous build aside first, deletes it when the build succeeds, and puts it back (saying so)
// when the build fails, so dist/ always holds a complete site.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface BuildGuard {
  /** Where the previous build waits while this one runs (undefined when there was none). */
  backup?: string;
  /** What happens at process exit: 'kept' (success), 'restored' or 'incomplete' (failure). */
  settle: (exitCode: number) => 'kept' | 'restored' | 'incomplete';
}

const shown = (path: string) => relative(process.cwd(), path) || path;

/** Moves `outDir` to `<cacheDir>/kg-previous-build` (same disk: a rename) and returns how to settle at exit. */
export function keepPreviousBuild(outDir: string, cacheDir: string): BuildGuard {
  const backup = join(cacheDir, 'kg-previous-build');
  rmSync(backup, { recursive: true, force: true });
  let moved = false;
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    mkdirSync(dirname(backup), { recursive: true });
    renameSync(outDir, backup);
    moved = true;
  }
  return {
    backup: moved ? backup : undefined,
    settle: (exitCode) => {
      if (exitCode === 0) { rmSync(backup, { recursive: true, force: true }); return 'kept'; }
      if (!moved) return 'incomplete';
      rmSync(outDir, { recursive: true, force: true });
      renameSync(backup, outDir);
      return 'restored';
    },
  };
}

/**
 * Settles the guard when the process exits, and says what happened to the published folder. `finished` says whether
 * the build's last step got to its end: Node ends a process whose event loop has nothing left to wait on with exit code
 * 0, even in the middle of an \`await\` (an await on something that can no longer happen), and such a build is a failure.
 */
export function settleOnExit(guard: BuildGuard, outDir: string, finished: () => boolean): void {
  process.once('exit', (code) => {
    const cutShort = code === 0 && !finished();
    if (cutShort) {
      process.stderr.write('\nThe build stopped before its last step (astro:build:done of the knowledge-graph integration) was done.\n');
      process.exitCode = 1;
    }
    const result = guard.settle(cutShort ? 1 : code);
    if (result === 'restored') process.stderr.write(`\nThe build failed: ${shown(outDir)}/ was put back as it was before this build (the previous site, complete and unchanged).\n`);
    if (result === 'incomplete') process.stderr.write(`\nThe build failed: ${shown(outDir)}/ is incomplete (there was no previous build to keep). Do not publish it.\n`);
  });
}
