// The bad-input corpus: committed cases (folders under cases/) plus generated ones, as bytes, ready to build or to write out.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedCases } from './generated.ts';

export interface CorpusFile {
  /** Path inside the case folder, forward slashes. */
  path: string;
  bytes: Uint8Array;
}

export const HOSTILE_DIR = dirname(fileURLToPath(import.meta.url));
const CASES = join(HOSTILE_DIR, 'cases');

function readCase(dir: string): CorpusFile[] {
  const walk = (d: string): string[] => readdirSync(d).sort().flatMap((name) => {
    const full = join(d, name);
    return statSync(full).isDirectory() ? walk(full) : name.endsWith('.md') ? [full] : [];
  });
  return walk(dir).map((f) => ({ path: relative(dir, f).split(sep).join('/'), bytes: readFileSync(f) }));
}

/** Every case by name, sorted. */
export function corpus(): Map<string, CorpusFile[]> {
  const all: Record<string, CorpusFile[]> = { ...generatedCases() };
  for (const name of readdirSync(CASES)) all[name] = readCase(join(CASES, name));
  return new Map(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** `file:line:col severity code` lines a case must produce (empty when it must build cleanly). */
export function expected(name: string): string[] {
  const path = join(HOSTILE_DIR, 'expected', `${name}.txt`);
  let text = '';
  try { text = readFileSync(path, 'utf8'); } catch { return []; }
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

/** Writes each case to `<dir>/<case>/` (for the `check` command and site builds). */
export function materialise(dir: string, cases = corpus()): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, files] of cases) {
    for (const f of files) {
      const out = join(dir, name, f.path);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, f.bytes);
    }
  }
}
