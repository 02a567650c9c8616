// The bad-input corpus (test/hostile/): every case builds within a time limit without crashing, its diagnostics are
// the expected ones at positions inside the file, the valid-but-odd cases build, and `check` agrees, with no stack trace.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { QUALITY_CODES } from '../../src/kg/quality.ts';
import type { Diagnostic } from '../../src/kg/types.ts';
import { decodeNote } from '../../src/kg/vault.ts';
import { corpus, type CorpusFile, expected, HOSTILE_DIR, materialise } from '../hostile/corpus.ts';
import { buildCase, type CaseResult } from '../hostile/run-case.ts';

// Hang guards, not performance claims: the slowest case (the 5 MB note) takes about 10 s here.
const BUILD_LIMIT = 120_000;
const CHECK_LIMIT = 120_000;
const UPDATE = process.env.HOSTILE_UPDATE === '1';
const CASES = corpus();
const STACK_TRACE = /^\s+at .+[:(].*\d+:\d+\)?$/m;

const line = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`;

/** The decoded text of each file, as the engine sees it (BOM removed). */
function texts(files: CorpusFile[]): Map<string, string> {
  return new Map(files.map((f) => {
    const text = decodeNote(f.path, f.bytes).text;
    return [f.path, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text];
  }));
}

/** A position is inside the file: an existing line, and at most one column past its end. */
export function insideFile(d: Pick<Diagnostic, 'line' | 'column'>, text: string): boolean {
  const lines = text.split('\n');
  if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line < 1 || d.line > lines.length) return false;
  return d.column >= 1 && d.column <= lines[d.line - 1].length + 1;
}

const results = new Map<string, Promise<CaseResult>>();
const resultOf = (name: string) => {
  if (!results.has(name)) results.set(name, buildCase(CASES.get(name)!, BUILD_LIMIT));
  return results.get(name)!;
};

describe('hostile corpus: engine build', () => {
  for (const [name, files] of CASES) {
    it(`${name}: builds within the time limit, with the expected diagnostics inside the files`, async () => {
      const r = await resultOf(name);
      expect(r.outcome, r.error).toBe('built');
      const byFile = texts(files);
      for (const d of r.diagnostics) {
        expect(byFile.has(d.file), `${line(d)} names a file of the case`).toBe(true);
        expect(insideFile(d, byFile.get(d.file)!), `${line(d)} lies inside the file`).toBe(true);
        expect(d.message).not.toMatch(STACK_TRACE);
      }
      const actual = r.diagnostics.map(line);
      if (UPDATE) {
        mkdirSync(join(HOSTILE_DIR, 'expected'), { recursive: true });
        writeFileSync(join(HOSTILE_DIR, 'expected', `${name}.txt`), actual.length ? `${actual.join('\n')}\n` : '# builds cleanly\n');
      } else expect(actual).toEqual(expected(name));
      // No error: every note got a page body (the valid-but-odd cases build).
      if (r.errors === 0) for (const n of r.notes) expect(typeof r.html[n.id], n.file).toBe('string');
    }, BUILD_LIMIT + 10_000);
  }
});

describe('hostile corpus: nothing the writer typed is lost', () => {
  it('deep nesting is flattened, never dropped', async () => {
    const r = await resultOf('deep');
    const html = (id: string) => r.html[id] ?? '';
    expect(html('blockquotes')).toContain('deep quoted text');
    expect(html('blockquotes')).toContain('rung 2999');
    expect(html('lists')).toContain('deep listed text');
    expect(html('lists')).toContain('level 2999');
    expect(html('mixed')).toContain('deep mixed text');
    // Raw HTML nested too deeply is shown as text, escaped: no element survives, the words do.
    expect(html('html')).toContain('deep html text');
    expect(html('html')).toContain('&#x3C;div>');
    expect(html('html')).not.toMatch(/<div>/);
    expect(html('emphasis')).toContain('deep emphasis');
    expect(html('emphasis')).toContain('*a*a*a*a');
  });

  it('the 5 MB note renders to its end', async () => {
    const r = await resultOf('big');
    const text = texts(CASES.get('big')!).get('big.md')!;
    const last = /## (Section \d+)\n[^]*$/.exec(text)![1];
    expect(r.html.big.length).toBeGreaterThan(4_000_000);
    expect(r.html.big).toContain(`>${last}</h2>`);
    expect(r.edges).toContain('big -[mentions]-> small');
  });

  it('BOM and CRLF notes keep their frontmatter and links', async () => {
    const r = await resultOf('bom-crlf');
    const titles = Object.fromEntries(r.notes.map((n) => [n.id, n.title]));
    expect(titles['bom-and-crlf']).toBe('BOM and CRLF');
    expect(r.edges).toEqual(expect.arrayContaining(['bom-and-crlf -[mentions]-> crlf-only', 'crlf-only -[mentions]-> bom-and-crlf']));
    expect(r.html['cr-only']).toContain('Old Mac line endings');
  });

  it('odd file names get distinct ids and pages', async () => {
    const r = await resultOf('file-names');
    const ids = r.notes.map((n) => n.id);
    expect(new Set(ids).size).toBe(CASES.get('file-names')!.length);
    expect(ids).toEqual(expect.arrayContaining(['海康威视', 'tom-jerry', 'acme-2019', 'c-notes', '100-sure', 'what-why', 'ünïcödé-dash']));
    expect(r.edges).toEqual(expect.arrayContaining(['with-spaces-in-name -[mentions]-> 海康威视', 'with-spaces-in-name -[mentions]-> it-s-quoted']));
  });

  it('self links and relation cycles build', async () => {
    const r = await resultOf('self-and-cycle');
    expect(r.errors).toBe(0);
    expect(r.edges).toEqual(expect.arrayContaining(['a -[owns]-> b', 'b -[owns]-> c', 'c -[owns]-> a', 'self -[related_to]-> self']));
    expect(r.html.c).toContain('data-view="c--1"');
    expect(r.html.self).toContain('href="/entity/self/#top"');
  });

  it('a link to a heading the note does not have links the note, with no dead anchor', async () => {
    const r = await resultOf('relations-hostile');
    expect(r.html.links).toContain('<a href="/entity/target/" class="wikilink">Target</a> links to a heading');
    expect(r.html.links).not.toContain('#no-such-heading');
  });

  it('unreadable and broken notes keep their names, so links to them resolve', async () => {
    const r = await resultOf('binary');
    expect(r.edges).toContain('good -[mentions]-> image');
    expect(r.diagnostics.find((d) => d.file === 'utf16.md')?.message).toMatch(/UTF-16/);
  });
});

describe('hostile corpus: no prototype pollution', () => {
  it('`__proto__`, `constructor` and `toString` in notes are plain names', () => {
    const files = CASES.get('yaml-odd')!.map((f) => decodeNote(f.path, f.bytes));
    const site = buildFromFiles(resolveConfig(), files);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(site.notes.find((n) => n.file === 'proto-type.md')?.type).toBe('note');
  });
});

describe('hostile corpus: every diagnostic kind', () => {
  // Codes the engine can emit, read from its source; the backstops (a parser or renderer failing anyway) have unit tests.
  const BACKSTOPS = new Set(['markdown-failed', 'render-failed', 'note-failed', 'tree-flattened',
    // Only `check` adds the editorial warnings; test/unit/quality.test.ts covers them.
    ...QUALITY_CODES]);
  const source = (dir: string): string => readdirSync(dir, { withFileTypes: true }).map((e) =>
    e.isDirectory() ? source(join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(join(dir, e.name), 'utf8') : '').join('\n');
  const engine = source('src/kg');
  const codes = new Set([...engine.matchAll(/(?:'(?:error|warning)', '|code: '|withCode\('|fail\(')([a-z][a-z-]+)'/g)].map((m) => m[1]));
  for (const c of ['missing-to', 'missing-field', 'invalid-field']) codes.add(c);

  it('the corpus produces each of them', () => {
    const seen = new Set([...CASES.keys()].flatMap((name) => expected(name).map((l) => l.split(' ')[2])));
    const missing = [...codes].filter((c) => !seen.has(c) && !BACKSTOPS.has(c)).sort();
    expect(codes.size).toBeGreaterThan(25);
    expect(missing).toEqual([]);
  });
});

describe('hostile corpus: the check command', () => {
  const dir = 'test-results/hostile-corpus';
  materialise(dir, CASES);
  const check = (args: string[]) => new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const t0 = performance.now();
    execFile(process.execPath, ['src/cli/check.ts', ...args], { timeout: CHECK_LIMIT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr, ms: performance.now() - t0 });
    });
  });

  for (const [name] of CASES) {
    it.concurrent(`${name}: check finishes, agrees with the build and prints no stack trace`, async () => {
      const r = await check([`${dir}/${name}`, '--json']);
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toMatch(STACK_TRACE);
      const out = JSON.parse(r.stdout) as { errors: number; diagnostics: Diagnostic[] };
      expect(r.code).toBe(out.errors > 0 ? 1 : 0);
      const prefix = `${dir}/${name}/`;
      expect(out.diagnostics.every((d) => d.file.startsWith(prefix))).toBe(true);
      // `check` adds the editorial warnings (no sources, orphans …) that builds leave out; the rest must agree.
      const built = out.diagnostics.filter((d) => !(QUALITY_CODES as readonly string[]).includes(d.code));
      expect(built.map((d) => line({ ...d, file: d.file.slice(prefix.length) }))).toEqual(expected(name));
    }, CHECK_LIMIT + 10_000);
  }

  it('prints positioned diagnostics with hints in the human format', async () => {
    const r = await check([`${dir}/relations-hostile`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    // Grouped under the file's name, each line still starts with its full `file:line:column` (terminals link it).
    expect(r.stdout).toMatch(/^test-results\/hostile-corpus\/relations-hostile\/bad\.md {2}\(\d+ errors, \d+ warnings?\)\n/m);
    expect(r.stdout).toMatch(/^ {2}test-results\/hostile-corpus\/relations-hostile\/bad\.md:21:11 {2}error {2}Unknown relation type "onws" {2}\[unknown-relation-type\]\n {6}hint: Did you mean "owns"\?$/m);
    expect(r.stdout).toMatch(/\n\d+ errors, \d+ warnings in \d+ notes\n$/);
    expect(r.stdout).not.toMatch(STACK_TRACE);
  });
});
