// Where one of the integration's worker scripts is: beside this module, or, when the integration runs from Vite's
// bundle (where relative URLs point elsewhere), in the project's src/integration/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The absolute path of `name` (e.g. `og-worker.ts`); `root` is the project folder. */
export function workerScript(name: string, root: string): string {
  const here = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return existsSync(here) ? here : join(root, 'src/integration', name);
}
