// Worker thread of file-writer.ts: writes each batch of files it is sent, in order, and says when (or what failed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { WriteBatch, WriteReply } from './file-writer.ts';

const made = new Set<string>();
parentPort!.on('message', ({ id, dir, files }: WriteBatch) => {
  try {
    for (const [path, bytes] of files) {
      const file = join(dir, path);
      const folder = dirname(file);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(file, bytes);
    }
    parentPort!.postMessage({ id } satisfies WriteReply);
  } catch (err) {
    parentPort!.postMessage({ id, error: `could not write the site's files: ${(err as Error).message}` } satisfies WriteReply);
  }
});
