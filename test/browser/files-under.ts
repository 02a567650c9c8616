// Every file under a folder, recursively (paths joined to `dir`): the built site's files for tests that read them all.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? filesUnder(f) : [f];
  });
}
