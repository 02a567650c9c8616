// Fixture helpers: load a folder of notes (as the engine would read them) and print results as stable text lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildFromFiles, type Site } from '../../src/kg/build.ts';
import { resolveConfig, type KgUserConfig } from '../../src/kg/config.ts';
import { decodeNote, type SourceFile } from '../../src/kg/vault.ts';

export function readFixtureFiles(dir: string): SourceFile[] {
  const walk = (d: string): string[] => readdirSync(d).sort().flatMap((name) => {
    const full = join(d, name);
    return statSync(full).isDirectory() ? walk(full) : name.endsWith('.md') ? [full] : [];
  });
  return walk(dir).map((f) => decodeNote(relative(dir, f).split(sep).join('/'), readFileSync(f)));
}

export function buildFixture(dir: string, config: KgUserConfig = {}): Site {
  return buildFromFiles(resolveConfig(config), readFixtureFiles(dir));
}

/** `file:line:col severity code` per diagnostic, in the engine's order. */
export function diagnosticLines(site: Site): string[] {
  return site.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);
}

/** `from -[type]-> to` per edge, sorted. */
export function edgeLines(site: Site): string[] {
  return site.graph.mapEdges((_, a, s, t) => `${s} -[${a.type}]-> ${t}`).sort();
}

export function expectedLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}
