// `new` and `check --fix` on a scratch project: they write atomically, never overwrite, truncate or shadow a note,
// keep BOM, line endings and permissions, fix only what is unambiguous, and leave a note alone if it changed.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileAtomically, replaceFileAtomically } from '../../src/cli/atomic-write.ts';
import { fixNotes, singleSuggestion } from '../../src/cli/fix.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { buildSite } from '../../src/kg/build.ts';

const LIMIT = 60_000;
let root: string;

function run(script: 'new' | 'check', args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [resolve(`src/cli/${script}.ts`), ...args], { cwd: root, timeout: LIMIT }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const note = (path: string) => join(root, 'content', path);
const write = (path: string, text: string | Buffer) => { mkdirSync(join(note(path), '..'), { recursive: true }); writeFileSync(note(path), text); };
const dotFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? dotFiles(join(dir, e.name)) : e.name.startsWith('.') ? [join(dir, e.name)] : []);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kg-cli-'));
  // The same integration the site uses, with its default config.
  writeFileSync(join(root, 'astro.config.mjs'), `import kg from ${JSON.stringify(pathToFileURL(resolve('src/integration/index.ts')).href)};\nexport default { integrations: [kg({})] };\n`);
  mkdirSync(join(root, 'content'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('new', () => {
  it('creates a note from the type\'s template that checks cleanly', async () => {
    const r = await run('new', ['organization', 'Acme Corp']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Created content/organizations/Acme Corp.md\n');
    const text = readFileSync(note('organizations/Acme Corp.md'), 'utf8');
    expect(text).toMatch(/^---\ntype: organization\ntitle: Acme Corp\n/);
    expect((await run('check', [])).code).toBe(0);
    expect(dotFiles(join(root, 'content'))).toEqual([]);
  }, LIMIT);

  it('keeps any title exactly, with a file name every system accepts', async () => {
    const title = 'Q&A: "Hikvision" [draft] #1 / 2019?';
    const r = await run('new', ['organization', title]);
    expect(r.stdout).toBe('Created content/organizations/Q&A Hikvision draft 1 2019.md\n');
    expect(readFileSync(note('organizations/Q&A Hikvision draft 1 2019.md'), 'utf8')).toContain(`title: '${title}'`);
    const check = await run('check', ['--json']);
    // A fresh note is valid; `check` reminds the writer of what it still lacks.
    expect(JSON.parse(check.stdout).diagnostics.map((d: { code: string; severity: string }) => `${d.severity} ${d.code}`)).toEqual(['warning missing-summary', 'warning no-sources', 'warning orphan']);
  }, LIMIT);

  it('says what a source needs', async () => {
    const r = await run('new', ['source', 'Straits Times 2019-10-08']);
    expect(r.stdout).toBe('Created content/sources/Straits Times 2019-10-08.md (fill in: publisher, date)\n');
    const check = await run('check', []);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Field "publisher" is required  [missing-field]');
  }, LIMIT);

  it('never overwrites a note, nor creates one that another note\'s name or id would shadow', async () => {
    write('organizations/Acme.md', 'precious\n');
    write('people/Tom Jerry.md', 'also precious\n');
    const same = await run('new', ['organization', 'Acme']);
    expect(same.code).toBe(1);
    expect(same.stderr).toBe('A note named like that exists already: content/organizations/Acme.md. Open it, or choose another title.\n');
    const shadow = await run('new', ['organization', 'Tom & Jerry']);
    expect(shadow.code).toBe(1);
    expect(shadow.stderr).toContain('content/people/Tom Jerry.md');
    expect(readFileSync(note('organizations/Acme.md'), 'utf8')).toBe('precious\n');
    expect(readFileSync(note('people/Tom Jerry.md'), 'utf8')).toBe('also precious\n');
  }, LIMIT);

  it('two at once with the same title: exactly one note, whole', async () => {
    const results = await Promise.all([run('new', ['law', 'Entity List']), run('new', ['law', 'Entity List']), run('new', ['law', 'Entity List'])]);
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    expect(readFileSync(note('laws/Entity List.md'), 'utf8')).toMatch(/^---\ntype: law\ntitle: Entity List\n[^]*\n---\n$/);
    expect(dotFiles(join(root, 'content'))).toEqual([]);
  }, LIMIT);

  it('refuses unknown types and empty titles with a suggestion, no stack trace', async () => {
    const r = await run('new', ['organisation', 'X']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('Unknown type "organisation". Did you mean "organization"?\n');
    expect((await run('new', ['person', '///'])).stderr).toMatch(/has no characters a file name can use/);
    expect((await run('new', [])).stderr).toMatch(/^Usage: npm run new -- <type> "<Title>"/);
  }, LIMIT);
});

/** The demo-independent view of a temp project's graph: one line per relation edge. */
async function relationEdges(): Promise<string[]> {
  const site = await buildSite(root, resolveConfig(), { checkOnly: true });
  return site.graph.filterEdges((_, a) => a.kind === 'relation').map((e) => {
    const a = site.graph.getEdgeAttributes(e);
    return `${site.graph.source(e)} ${a.type} ${site.graph.target(e)} ${a.date ?? ''} ${a.sources.join(',')} ${a.quote ?? ''}`;
  }).sort();
}

describe('check --fix', () => {
  it('fixes single suggestions for fields, types, relation types and link targets, and says what it changed', async () => {
    write('Target.md', '---\ntype: organization\n---\n');
    write('Bad.md', '---\ntype: organization\nfoundd: 2019\nrelations:\n  - type: onws\n    to: "[[Targte]]"\n---\nSee [[Targte|the target]] and [[Nothing like it]].\n');
    write('Typo.md', '---\ntype: organisation\n---\n');
    const r = await run('check', ['--fix']);
    expect(r.stdout.split('\n\n')[0].split('\n')).toEqual([
      'fixed content/Bad.md:3:1  "foundd" -> "founded"  [unknown-field]',
      'fixed content/Bad.md:5:11  "onws" -> "owns"  [unknown-relation-type]',
      'fixed content/Bad.md:8:5  "Targte" -> "Target"  [unknown-target]',
      'fixed content/Typo.md:2:7  "organisation" -> "organization"  [unknown-type]',
      'fixed content/Bad.md:6:9  "Targte" -> "Target"  [unknown-target]',
      '5 fix(es) applied in 2 file(s)',
    ]);
    expect(readFileSync(note('Bad.md'), 'utf8')).toBe('---\ntype: organization\nfounded: 2019\nrelations:\n  - type: owns\n    to: "[[Target]]"\n---\nSee [[Target|the target]] and [[Nothing like it]].\n');
    // What no fix can decide is left, and still stops the build.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Link "Nothing like it" matches no note {2}\[unknown-target\]\n[^]*\n1 error, \d+ warnings in 3 notes\n$/);
  }, LIMIT);

  it('keeps BOM, CRLF line endings and permissions, and leaves no temporary file', async () => {
    write('Target.md', '---\ntype: organization\n---\n');
    write('Crlf.md', Buffer.from('\ufeff---\r\ntype: organization\r\ncountryy: CN\r\n---\r\nBody [[targte]]\r\n', 'utf8'));
    chmodSync(note('Crlf.md'), 0o640);
    await run('check', ['--fix']);
    expect(readFileSync(note('Crlf.md')).toString('utf8')).toBe('\ufeff---\r\ntype: organization\r\ncountry: CN\r\n---\r\nBody [[Target]]\r\n');
    expect(statSync(note('Crlf.md')).mode & 0o777).toBe(0o640);
    expect(dotFiles(join(root, 'content'))).toEqual([]);
  }, LIMIT);

  it('leaves alone what is ambiguous or would not make the note valid', async () => {
    write('Dahua.md', '---\ntype: organization\n---\n');
    write('Dahuo.md', '---\ntype: organization\n---\n');
    const ambiguous = '---\ntype: organization\n---\n[[Dahuaa]]\n';
    write('Links.md', ambiguous);
    // Renaming `foundd` would repeat `founded`: YAML forbids duplicate keys.
    const duplicate = '---\ntype: organization\nfounded: 2019\nfoundd: 2020\n---\n';
    write('Dup.md', duplicate);
    const r = await run('check', ['--fix']);
    expect(r.stdout).toContain('not fixed content/Dup.md: the suggested names would not make it valid');
    expect(r.stdout).toContain('0 fix(es) applied in 0 file(s)');
    expect(readFileSync(note('Links.md'), 'utf8')).toBe(ambiguous);
    expect(readFileSync(note('Dup.md'), 'utf8')).toBe(duplicate);
  }, LIMIT);

  it("writes a link's name the way its note spells it", async () => {
    write('Hikvision.md', '---\ntype: organization\naliases: [海康威视, HIK]\n---\n');
    write('Links.md', '---\ntype: note\nsources: ["[[hikvision]]"]\n---\n[[hikvision|the company]], [[hik#Products]], [[folder/hikvision]] and [[Hikvision]].\n');
    const r = await run('check', ['--fix']);
    expect(r.stdout.split('\n\n')[0].split('\n')).toEqual([
      'fixed content/Links.md:3:11  "hikvision" -> "Hikvision"  [link-case]',
      'fixed content/Links.md:5:1  "hikvision" -> "Hikvision"  [link-case]',
      'fixed content/Links.md:5:28  "hik" -> "HIK"  [link-case]',
      '3 fix(es) applied in 1 file(s)',
    ]);
    // A folder path is written on purpose and left alone.
    expect(readFileSync(note('Links.md'), 'utf8')).toBe('---\ntype: note\nsources: ["[[Hikvision]]"]\n---\n[[Hikvision|the company]], [[HIK#Products]], [[folder/hikvision]] and [[Hikvision]].\n');
  }, LIMIT);

  it('--add-inverses writes one-sided relations on their other note, once, and the graph stays the same', async () => {
    write('Commerce.md', '---\ntype: agency\nrelations:\n  - type: sanctions\n    to: "[[Hikvision]]"\n    date: 2019-10-07\n    sources: ["[[Wire]]"]\n    quote: "The \\"Entity List\\" grows"\n---\n');
    write('Hikvision.md', '---\ntype: organization\nrelations:\n  # kept as it is\n  - type: related_to\n    to: "[[Dahua]]"\ncountry: CN\n---\nBody.\n');
    write('Dahua.md', '---\ntype: organization\n---\n');
    write('Wire.md', '---\ntype: source\npublisher: Wire\ndate: 2019-10-08\n---\n');
    const before = await relationEdges();
    const r = await run('check', ['--add-inverses']);
    expect(r.stdout.split('\n\n')[0].split('\n')).toEqual([
      'fixed content/Dahua.md:3:1  added related_to (inverse relations)  [add-inverse]',
      'fixed content/Hikvision.md:7:1  added sanctioned_by (inverse relations)  [add-inverse]',
      '2 fix(es) applied in 2 file(s)',
    ]);
    expect(readFileSync(note('Hikvision.md'), 'utf8')).toBe('---\ntype: organization\nrelations:\n  # kept as it is\n  - type: related_to\n    to: "[[Dahua]]"\n  - type: sanctioned_by\n    to: "[[Commerce]]"\n    date: 2019-10-07\n    sources: ["[[Wire]]"]\n    quote: "The \\"Entity List\\" grows"\ncountry: CN\n---\nBody.\n');
    expect(readFileSync(note('Dahua.md'), 'utf8')).toBe('---\ntype: organization\nrelations:\n  - type: related_to\n    to: "[[Hikvision]]"\n---\n');
    expect((await run('check', ['--add-inverses'])).stdout).toContain('0 fix(es) applied in 0 file(s)');
    // Each relation is still one edge, with the same dates, sources and quote (a symmetric one may read either way).
    expect(await relationEdges()).toEqual(before.map((e) => e.replace('hikvision related_to dahua', 'dahua related_to hikvision')));
  }, LIMIT);

  it('does not touch a note that changed after it was read', () => {
    const config = resolveConfig();
    write('A.md', '---\ntype: organization\nfoundd: 2019\n---\n');
    const diagnostics = [{ file: 'content/A.md', line: 3, column: 1, severity: 'error' as const, code: 'unknown-field', message: 'Unknown field "foundd" for type organization', hint: 'Did you mean "founded"?' }];
    // What the check saw differs from what is on disk now (someone saved the note in the meantime).
    const stale = new Map([['content/A.md', '---\ntype: organization\nfoundd: 2018\n---\n']]);
    const report = fixNotes(root, config, stale, diagnostics);
    expect(report).toEqual({ applied: [], skipped: [{ file: 'content/A.md', reason: 'it changed since it was read' }] });
    expect(readFileSync(note('A.md'), 'utf8')).toBe('---\ntype: organization\nfoundd: 2019\n---\n');
  });
});

describe('atomic writes', () => {
  it('create refuses an existing file, and replace refuses a file that changed', () => {
    const path = join(root, 'x.md');
    createFileAtomically(path, 'one');
    expect(() => createFileAtomically(path, 'two')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(path, 'utf8')).toBe('one');
    expect(replaceFileAtomically(path, 'three', Buffer.from('not one'))).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('one');
    expect(replaceFileAtomically(path, 'three', Buffer.from('one'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('three');
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });

  it('reads only a single "did you mean" as a fix', () => {
    expect(singleSuggestion('Did you mean "founded"?')).toBe('founded');
    expect(singleSuggestion('Did you mean [[Hikvision]]?')).toBe('Hikvision');
    expect(singleSuggestion('Did you mean "a" or "b"?')).toBeUndefined();
    expect(singleSuggestion('Did you mean [[A]] or [[B]]?')).toBeUndefined();
    expect(singleSuggestion('Create a note with that name, or fix the spelling.')).toBeUndefined();
  });
});
