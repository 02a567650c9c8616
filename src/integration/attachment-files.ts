// Copies the vault's attachments (images, documents) into the build under `attachments/`, and serves them in dev.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { attachmentAt, publishedPath } from '../kg/attachments.ts';
import { eachLimited } from '../kg/each-limited.ts';
import { getSite, siteState } from './site.ts';

const TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', bmp: 'image/bmp',
  pdf: 'application/pdf', mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg', wav: 'audio/wav', mp4: 'video/mp4', webm: 'video/webm',
};

/** Copies every attachment to `outDir/attachments/<path under the content folder>`; returns how many. */
export async function copyAttachments(outDir: string): Promise<number> {
  const site = await getSite();
  const { root } = siteState();
  const paths = [...site.attachments.paths].sort();
  await eachLimited(paths, 16, async (path) => {
    const target = join(outDir, 'attachments', publishedPath(site.attachments, path));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(root, path), target);
  });
  return paths.length;
}

/** Dev: answers `/attachments/…` with the file from the vault (only files the engine listed). */
export function serveAttachments(server: ViteDevServer, base: string): void {
  server.middlewares.use(async (req, res, next) => {
    const url = req.url?.split('?')[0] ?? '';
    const prefix = `${base}attachments/`;
    if (!url.startsWith(prefix)) return next();
    try {
      const site = await getSite();
      const path = attachmentAt(site.attachments, decodeURIComponent(url.slice(prefix.length)));
      if (!path) return next();
      res.setHeader('Content-Type', TYPES[path.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream');
      res.end(await readFile(join(siteState().root, path)));
    } catch (err) {
      next(err);
    }
  });
}
