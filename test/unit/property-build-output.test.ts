// Same notes, same bytes: two clean builds of the site into two folders are byte-identical (every file hashed), and
// every internal link, anchor, image and script in the built pages resolves. The link checker itself is tested on a
// small hand-made site with known breakage.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/check-links.ts';
import { combinedHash, diffHashes, hashDir } from '../../scripts/hash-dist.ts';

const A = 'test-results/determinism-a';
const B = 'test-results/determinism-b';
const BUILD_LIMIT = 600_000;

/** A clean build: no output folder and no Astro cache from before. */
function cleanBuild(out: string): void {
  rmSync(out, { recursive: true, force: true });
  rmSync(`${out}-cache`, { recursive: true, force: true });
  execFileSync('npx', ['astro', 'build'], { env: { ...process.env, KG_OUT_DIR: out }, stdio: 'pipe' });
}

describe('built output', () => {
  it('two clean builds of the same notes are byte-identical', () => {
    cleanBuild(A);
    cleanBuild(B);
    const a = hashDir(A);
    const b = hashDir(B);
    expect(a.size).toBeGreaterThan(100);
    expect(diffHashes(a, b)).toEqual([]);
    expect(combinedHash(a)).toBe(combinedHash(b));
  }, BUILD_LIMIT);

  it('carries no build date, clock time or build folder (so another day or machine gives the same bytes)', () => {
    const now = new Date();
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const day = (d: Date) => [d.toISOString().slice(0, 10), `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`];
    const stamps = [...day(now), process.cwd(), A];
    // The Changes page and its feed show the dates of the commits that changed the notes, which may be today's.
    const gitLog = (() => { try { return execFileSync('git', ['log', '--format=%ct', '--', 'content'], { encoding: 'utf8' }); } catch { return ''; } })();
    const commitDays = new Set(gitLog.split('\n').filter(Boolean).flatMap((t) => day(new Date(Number(t) * 1000))));
    const found: string[] = [];
    for (const [path] of hashDir(A)) {
      if (!/\.(html|json|xml|gexf|csv|js|css|txt|svg)$/.test(path)) continue;
      const text = readFileSync(join(A, path), 'utf8');
      for (const s of stamps) if (text.includes(s) && !(/^changes[./]/.test(path) && commitDays.has(s))) found.push(`${path}: ${s}`);
    }
    expect(found).toEqual([]);
  });

  it('every internal link, anchor, image and script resolves', () => {
    const { pages, refs, broken } = checkLinks(A);
    expect(pages).toBeGreaterThan(50);
    expect(refs).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });
});

describe('the link checker', () => {
  it('reports missing pages, files and anchors, and ignores other sites', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-links-'));
    const page = (path: string, body: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), `<!doctype html><html><head><link rel="canonical" href="https://site.example/${path.replace(/index\.html$/, '')}"><link rel="stylesheet" href="/a.css"></head><body>${body}</body></html>`);
    };
    writeFileSync(join(dir, 'a.css'), '');
    page('index.html', [
      '<a href="/a/">ok</a> <a href="a/#top">ok anchor</a> <a href="#here" id="here">self</a> <a href="https://other.example/x">other site</a>',
      '<a href="/missing/">missing page</a> <a href="/a/#nowhere">missing anchor</a> <a href="#gone">missing local anchor</a>',
      '<img src="/img.png" alt=""> <script type="module" src="/x.js"></script> <a href="https://site.example/absent/">own origin</a>',
      '<a href="/caf%C3%A9/">encoded ok</a> <a href="mailto:a@b.example">mail</a> <img srcset="/a.css 1x, /nope.png 2x" alt="">',
    ].join('\n'));
    page('a/index.html', '<h1 id="top">A</h1>');
    page('café/index.html', '<p>accented folder</p>');
    const { broken } = checkLinks(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(broken.map((b) => `${b.page} ${b.ref}`).sort()).toEqual([
      '/ #gone', '/ /a/#nowhere', '/ /img.png', '/ /missing/', '/ /nope.png', '/ /x.js', '/ https://site.example/absent/',
    ]);
  });
});
