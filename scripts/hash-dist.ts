// Hashes a built site: one sha256 per file (sorted by path) and a combined hash, to prove two builds byte-identical.
//   npx node scripts/hash-dist.ts [dir]                 prints "<sha256>  <path>" lines, then "<sha256>  (all N files)"
//   npx node scripts/hash-dist.ts <dirA> --compare <dirB>  lists files that differ or exist on one side only; exit 1 if any
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every file under `dir` (forward-slash paths relative to it), sorted, with its sha256. */
export function hashDir(dir: string): Map<string, string> {
  const out: Array<[string, string]> = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push([relative(dir, full).split(sep).join('/'), createHash('sha256').update(readFileSync(full)).digest('hex')]);
    }
  };
  walk(dir);
  return new Map(out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One hash over every path and file hash: equal iff the two trees are byte-identical. */
export function combinedHash(hashes: Map<string, string>): string {
  const h = createHash('sha256');
  for (const [path, hash] of hashes) h.update(`${hash}  ${path}\n`);
  return h.digest('hex');
}

/** Paths that differ between two trees: changed, or present on one side only. */
export function diffHashes(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, hash] of a) {
    if (!b.has(path)) out.push(`only in first: ${path}`);
    else if (b.get(path) !== hash) out.push(`differs: ${path}`);
  }
  for (const path of b.keys()) if (!a.has(path)) out.push(`only in second: ${path}`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const compare = args.indexOf('--compare');
  const dir = args.find((a, i) => !a.startsWith('--') && !(compare >= 0 && i === compare + 1)) ?? 'dist';
  const hashes = hashDir(dir);
  if (compare >= 0) {
    const other = args[compare + 1];
    const diff = diffHashes(hashes, hashDir(other));
    process.stdout.write(diff.length ? `${diff.join('\n')}\n${diff.length} difference(s) between ${dir} and ${other}\n` : `identical: ${combinedHash(hashes)}  (${hashes.size} files)\n`);
    process.exitCode = diff.length ? 1 : 0;
  } else {
    for (const [path, hash] of hashes) process.stdout.write(`${hash}  ${path}\n`);
    process.stdout.write(`${combinedHash(hashes)}  (all ${hashes.size} files)\n`);
  }
}
