// Worker: runs the engine property (random notes in, a result out, never an exception) under fast-check and posts the
// outcome; a worker so the test can stop a run that hangs. See test/unit/property-engine.test.ts.
import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { buildFromFiles } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { vault } from './arbitraries.ts';
import { unsafeParts } from './html-safety.ts';

const config = resolveConfig();

/** What must hold for any notes: diagnostics inside the files, a page body per note, nothing executable in it. */
function problems(files: Array<{ file: string; text: string }>): string[] {
  const site = buildFromFiles(config, files);
  const out: string[] = [];
  const byFile = new Map(files.map((f) => [f.file, f.text.charCodeAt(0) === 0xfeff ? f.text.slice(1) : f.text]));
  for (const d of site.diagnostics) {
    const text = byFile.get(d.file);
    if (text === undefined) { out.push(`diagnostic for unknown file ${d.file}`); continue; }
    const lines = text.split('\n');
    if (!(d.line >= 1 && d.line <= lines.length && d.column >= 1 && d.column <= lines[d.line - 1].length + 1)) {
      out.push(`${d.file}:${d.line}:${d.column} ${d.code} lies outside the file`);
    }
  }
  for (const note of site.notes) {
    const html = site.html.get(note.id);
    if (typeof html !== 'string') { out.push(`no HTML for ${note.id}`); continue; }
    for (const p of unsafeParts(html)) out.push(`${note.id}: ${p}`);
  }
  return out;
}

const { numRuns, seed } = workerData as { numRuns: number; seed: number };
const result = fc.check(fc.property(vault, (files) => {
  const found = problems(files);
  if (found.length) throw new Error(found.join('\n'));
}), { numRuns, seed, endOnFailure: false });
parentPort!.postMessage({
  failed: result.failed,
  numRuns: result.numRuns,
  seed: result.seed,
  counterexample: result.counterexample ? JSON.stringify(result.counterexample) : undefined,
  error: result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance ? String(result.errorInstance) : undefined,
});
