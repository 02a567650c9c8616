// A build that ends early never counts as a success: the previous site is put back (or the folder is said to be
// incomplete) and the exit code is 1, also when Node ended the process with 0 because nothing was left to wait on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const guard = new URL('../../src/integration/keep-previous-build.ts', import.meta.url).href;

/** Runs a build-like process: the previous site is moved aside, then the process ends as `end` says. */
function run(end: string) {
  const dir = mkdtempSync(join(tmpdir(), 'kg-keep-'));
  const out = join(dir, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'previous site');
  const script = join(dir, 'build.mjs');
  writeFileSync(script, `
    import { writeFileSync, mkdirSync } from 'node:fs';
    const { keepPreviousBuild, settleOnExit } = await import(${JSON.stringify(guard)});
    let finished = false;
    settleOnExit(keepPreviousBuild(${JSON.stringify(out)}, ${JSON.stringify(join(dir, 'cache'))}), ${JSON.stringify(out)}, () => finished);
    mkdirSync(${JSON.stringify(out)}); writeFileSync(${JSON.stringify(join(out, 'half.html'))}, 'half');
    // Not a top-level await (which Node ends with code 13): inside a function, as Astro's CLI awaits its hooks.
    (async () => { ${end} })();`);
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
  return { ...result, site: existsSync(join(out, 'index.html')) ? readFileSync(join(out, 'index.html'), 'utf8') : undefined, half: existsSync(join(out, 'half.html')) };
}

describe('keeping the previous build', () => {
  it('a build whose last step got to its end replaces the previous site', () => {
    const r = run('finished = true;');
    expect(r.status).toBe(0);
    expect(r.site).toBeUndefined();
    expect(r.half).toBe(true);
  });

  it('a build that Node ended with exit code 0 in the middle of an await fails, and the previous site comes back', () => {
    // An await on a promise nothing will settle: the event loop empties and Node exits with 0.
    const r = run('await new Promise(() => {}); finished = true;');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stopped before its last step/);
    expect(r.stderr).toMatch(/was put back as it was before this build/);
    expect(r.site).toBe('previous site');
    expect(r.half).toBe(false);
  });

  it('a build that fails puts the previous site back', () => {
    const r = run('process.exitCode = 1;');
    expect(r.status).toBe(1);
    expect(r.site).toBe('previous site');
  });
});
