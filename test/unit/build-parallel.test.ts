// The two-thread build (build-parallel.ts) gives what the one-thread build gives: the same notes, diagnostics, HTML,
// graph and timing keys, also when its worker crashes while parsing or while rendering.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateVault } from '../../bench/vault/generate.ts';
import { buildFromFilesParallel, parallelWorkerFor, type ParseWorker } from '../../src/kg/build-parallel.ts';
import { type BuildOptions, buildFromFiles, buildSite, type Site } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { decodeNote, type SourceFile } from '../../src/kg/vault.ts';
import { WorkerThread } from '../../src/kg/worker-thread.ts';

const config = resolveConfig();
const options: BuildOptions = { attachments: ['vault/map.png', 'vault/doc.pdf'], vaultDir: 'vault' };

/** A synthetic vault with, every few files, a graph view, broken notes, links to headings and files, and a duplicate. */
function vaultFiles(): SourceFile[] {
  const generated = generateVault({ notes: 240, seed: 5 }).files.map((f) => ({ file: `vault/${f.path}`, text: f.text }));
  const title = (f: SourceFile) => f.file.replace(/^.*\/|\.md$/g, '');
  const extras = (n: number, f: SourceFile): SourceFile[] => [
    { file: `vault/extra/View ${n}.md`, text: `---\ntype: note\ntitle: View ${n}\n---\nAbout [[${title(f)}]].\n\n::graph{focus="${title(f)}" depth=1}\n\n::graph{focus="Nobody"}\n` },
    { file: `vault/extra/Bad yaml ${n}.md`, text: '---\ntitle: [unclosed\n---\nBody [[Nowhere]]\n' },
    decodeNote(`vault/extra/Binary ${n}.md`, new Uint8Array([0x23, 0, 0x41])),
    { file: `vault/extra/Headings ${n}.md`, text: `# Alpha\n\nText[^1] with <b>raw</b> HTML, ${'*emphasis* '.repeat(3)}and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: A footnote.\n` },
    { file: `vault/extra/Linker ${n}.md`, text: `[[Headings ${n}#Alpha]], [[Headings ${n}#Missing]], ![[map.png|300]], [[doc.pdf|the doc]], ![[gone.png]], [[${title(f)}]] :smile: 3:1\n` },
  ];
  const out: SourceFile[] = [];
  generated.forEach((f, i) => { out.push(f); if (i % 30 === 7) out.push(...extras(i, f)); });
  out.push({ file: 'vault/extra/dupe/' + generated[3]!.file.split('/').pop(), text: 'A second note with the same name.\n' });
  return out;
}

/** The real worker, once its modules have loaded (else this thread may parse everything before it starts). */
async function readyWorker(): Promise<ParseWorker> {
  const worker = parallelWorkerFor(process.cwd(), 1, { parallel: true })!;
  expect(await worker.request({ kind: 'ping' })).toEqual({});
  return worker;
}

/** The real worker, made to crash instead of sending its parse results (`parsed`) or its HTML (`rendered`). */
async function crashingWorker(at: 'parsed' | 'rendered'): Promise<ParseWorker> {
  const file = join(mkdtempSync(join(tmpdir(), 'kg-crash-')), 'worker.mjs');
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';
import ${JSON.stringify(pathToFileURL(join(process.cwd(), 'src/kg/parse-worker.ts')).href)};
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (m) => { if (${JSON.stringify(at)} in m) throw new Error('worker crash'); post(m); };
`);
  const worker: ParseWorker = new WorkerThread(file);
  expect(await worker.request({ kind: 'ping' })).toEqual({});
  return worker;
}

function expectSame(two: Site, one: Site): void {
  expect(two.notes).toEqual(one.notes);
  expect(two.diagnostics).toEqual(one.diagnostics);
  expect([two.errors, two.warnings]).toEqual([one.errors, one.warnings]);
  expect([...two.html]).toEqual([...one.html]);
  expect([...two.cache.rendered]).toEqual([...one.cache.rendered]);
  // The worker keeps the trees of the notes it parsed; a duplicate's tree (never rendered, never read) stays there.
  const withoutTrees = (site: Site) => [...site.cache.parsed].map(([file, p]) => [file, { ...p, note: { ...p.note, tree: undefined } }]);
  expect(withoutTrees(two)).toEqual(withoutTrees(one));
  expect(two.graph.export()).toEqual(one.graph.export());
  expect([...two.views]).toEqual([...one.views]);
  expect(Object.keys(two.timings)).toEqual(Object.keys(one.timings));
}

describe('the two-thread build', () => {
  const files = vaultFiles();
  const one = buildFromFiles(config, files, options);

  it('covers what it should: graph views, broken notes, failed links, raw HTML', () => {
    expect([...one.views.values()].flat().length).toBeGreaterThan(5);
    expect(one.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['yaml-syntax', 'binary-file', 'duplicate-id', 'unknown-heading', 'unknown-attachment', 'view-unknown-entity']));
    expect(one.notes.find((n) => n.broken)).toBeDefined();
    expect(one.html.get('linker-7')).toContain('<img src="/attachments/map.png"');
  });

  it('gives the same site as one thread, byte for byte', async () => {
    const two = await buildFromFilesParallel(await readyWorker(), config, files, options);
    expectSame(two, one);
  });

  it('parses the files a crashed worker took on this thread', async () => {
    expectSame(await buildFromFilesParallel(await crashingWorker('parsed'), config, files, options), one);
  });

  it('renders the notes of a worker that crashed while rendering on this thread, from their text', async () => {
    expectSame(await buildFromFilesParallel(await crashingWorker('rendered'), config, files, options), one);
  });

  it('is what buildSite uses when asked, on a vault on disk, with the same result', async () => {
    const cfg = resolveConfig({ contentDir: 'test/fixtures/obsidian-vault' });
    expectSame(await buildSite(process.cwd(), cfg, { parallel: true }), await buildSite(process.cwd(), cfg, { parallel: false }));
  });
});
