// A failing build leaves the previous site in outDir, complete and unchanged, and says so; with no previous site it
// says the folder is incomplete. Uses a one-page site (test/hostile/failing-site) whose page can be made to throw.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combinedHash, hashDir } from '../../scripts/hash-dist.ts';

const SITE = 'test/hostile/failing-site';
const OUT = resolve('test-results/failed-build/dist');
const LIMIT = 120_000;
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function build(env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile('npx', ['astro', 'build'], { cwd: SITE, env: { ...process.env, KG_OUT_DIR: OUT, ...env }, timeout: LIMIT }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, output: stdout + stderr });
    });
  });
}

const fresh = () => { rmSync(OUT, { recursive: true, force: true }); rmSync(`${OUT}-cache`, { recursive: true, force: true }); };

describe('a failing build', () => {
  it('with errors in the notes: stops before touching outDir and says so', async () => {
    fresh();
    expect((await build()).code).toBe(0);
    const before = combinedHash(hashDir(OUT));
    const notes = resolve('test-results/failed-build/bad-notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'Bad.md'), '---\ntype: organization\nfoundd: 2019\n---\n');
    const r = await build({ KG_CONTENT_DIR: notes });
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/Bad\.md:3:1 {2}error {2}Unknown field "foundd"/);
    expect(r.output).toMatch(/nothing was published and .*dist\/ was left as it was/);
    expect(combinedHash(hashDir(OUT))).toBe(before);
  }, LIMIT * 3);

  it('after Astro started writing: puts the previous site back, unchanged, and says so', async () => {
    fresh();
    expect((await build()).code).toBe(0);
    const before = combinedHash(hashDir(OUT));
    const r = await build({ KG_FAIL_PAGE: '1' });
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/The build failed: .*dist\/ was put back as it was before this build/);
    expect(combinedHash(hashDir(OUT))).toBe(before);
    expect(existsSync(join(`${OUT}-cache`, 'kg-previous-build'))).toBe(false);
  }, LIMIT * 3);

  it('with no previous site: says the folder is incomplete', async () => {
    fresh();
    const r = await build({ KG_FAIL_PAGE: '1' });
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/The build failed: .*dist\/ is incomplete \(there was no previous build to keep\)\. Do not publish it\./);
  }, LIMIT);

  it('a successful build replaces the previous site and leaves no backup behind', async () => {
    fresh();
    expect((await build()).code).toBe(0);
    const r = await build();
    expect(r.code).toBe(0);
    expect(r.output).not.toMatch(STACK_LINE);
    expect(readFileSync(join(OUT, 'index.html'), 'utf8')).toContain('A note');
    expect(existsSync(join(`${OUT}-cache`, 'kg-previous-build'))).toBe(false);
  }, LIMIT * 2);
});
