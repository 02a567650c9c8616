// Writes one file of a build cache (preview cards, font subsets, font faces) so that it is whole or absent: the bytes
// go to a temporary name first, which only then takes the file's name. A build stopped halfway, or two processes
// making the same file at once, never leave a truncated file for the next build to read.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeCacheFile(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const part = `${path}.${process.pid}.part`;
  writeFileSync(part, bytes);
  renameSync(part, path);
}
