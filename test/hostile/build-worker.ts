// Worker: builds one corpus case with the engine (full build: parse, resolve, graph, layout, render) and posts a summary.
// A worker, so the test can stop a build that hangs, and give it the main thread's stack size.
import { parentPort, workerData } from 'node:worker_threads';
import { buildFromFiles } from '../../src/kg/build.ts';
import { loadConfig } from '../../src/cli/load-config.ts';
import { decodeNote } from '../../src/kg/vault.ts';
import type { CorpusFile } from './corpus.ts';

const files = (workerData.files as CorpusFile[]).map((f) => decodeNote(f.path, f.bytes));
// The site's own config (astro.config.mjs), as `check` uses it, so the two can be compared.
const config = await loadConfig(process.cwd());
const t0 = performance.now();
const site = buildFromFiles(config, files);
parentPort!.postMessage({
  ms: performance.now() - t0,
  diagnostics: site.diagnostics,
  errors: site.errors,
  notes: site.notes.map((n) => ({ id: n.id, file: n.file, title: n.title, type: n.type })),
  html: Object.fromEntries(site.html),
  edges: site.graph.mapEdges((_, a, s, t) => `${s} -[${a.type}]-> ${t}`).sort(),
});
