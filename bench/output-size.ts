// What a build produced: total bytes and files, and the network payload (graph.json raw and gzip, bytes per node+edge).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface OutputSize {
  bytes: number;
  files: number;
  graphJson?: { raw: number; gzip: number; nodes: number; edges: number; gzipPerItem: number };
  graphDetailsJson?: { raw: number; gzip: number };
}

function walk(dir: string, acc: { bytes: number; files: number }): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, acc);
    else if (e.isFile()) { acc.bytes += statSync(p).size; acc.files++; }
  }
}

const gzipLength = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

export function outputSize(dir: string): OutputSize {
  const acc = { bytes: 0, files: 0 };
  walk(dir, acc);
  const out: OutputSize = { ...acc };
  try {
    const raw = readFileSync(join(dir, 'graph.json'));
    const g = JSON.parse(raw.toString('utf8'));
    // Columnar (nodes.id[]) or anything with a node and edge count we can find.
    const nodes = g.nodes?.id?.length ?? g.nodes?.length ?? 0;
    const edges = g.edges?.source?.length ?? g.edges?.length ?? 0;
    const gzip = gzipLength(raw);
    out.graphJson = { raw: raw.length, gzip, nodes, edges, gzipPerItem: gzip / Math.max(1, nodes + edges) };
  } catch { /* no graph.json in this output (the baseline) */ }
  try {
    const raw = readFileSync(join(dir, 'graph-details.json'));
    out.graphDetailsJson = { raw: raw.length, gzip: gzipLength(raw) };
  } catch { /* none */ }
  return out;
}
