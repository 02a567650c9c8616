// Attachments: images and documents kept in the vault (`![[map.png]]`, `![](assets/map.png)`), found the way Obsidian
// finds them and published under `/attachments/` with the same folders.
import { nameKey } from './slug.ts';

/** Published as they are (images, documents, audio, video). SVG is not: opened directly it is a document that can
 * run script, and the site's pages may be served without the strict CSP. */
export const ATTACHMENT_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'pdf', 'mp3', 'm4a', 'ogg', 'wav', 'mp4', 'webm']);
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp']);

export function extensionOf(path: string): string {
  const name = path.split('/').pop()!;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Whether a link names a file rather than a note: `[[map.png]]`, `[[scan.svg]]` (but `[[Report v1.2]]` is a note). */
export function isFileLink(target: string): boolean {
  const ext = extensionOf(target);
  return ATTACHMENT_EXTENSIONS.has(ext) || ext === 'svg';
}

export const isImage = (path: string) => IMAGE_EXTENSIONS.has(extensionOf(path));

export interface AttachmentIndex {
  /** Content folder, project-relative (attachments' URLs are relative to it). */
  contentDir: string;
  paths: Set<string>;
  /** name key of the file name -> paths, sorted */
  byName: Map<string, string[]>;
}

/** `contentDir` as the paths are written: project-relative, forward slashes (see `vaultDir` in vault.ts). */
export function buildAttachmentIndex(contentDir: string, paths: string[]): AttachmentIndex {
  const byName = new Map<string, string[]>();
  for (const p of [...paths].sort()) {
    const key = nameKey(p.split('/').pop()!);
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  return { contentDir: normalise(contentDir), paths: new Set(paths), byName };
}

/** `a/./b/../c` -> `a/c`; leading `..` stay (a vault beside the project is `../vault/…`). */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * The attachment a note's link means, Obsidian's way: a path relative to the note, then to the vault; a bare file
 * name anywhere in the vault (the note's own folder first, then the shortest path). Undefined when none matches.
 */
export function resolveAttachment(index: AttachmentIndex, noteFile: string, target: string): string | undefined {
  const noteDir = noteFile.split('/').slice(0, -1).join('/');
  const inVault = (p: string) => ((p.startsWith(`${index.contentDir}/`) || !index.contentDir) && index.paths.has(p) ? p : undefined);
  if (target.includes('/')) {
    const direct = inVault(normalise(`${noteDir}/${target}`)) ?? inVault(normalise(`${index.contentDir}/${target}`));
    if (direct) return direct;
  }
  const name = target.split('/').pop()!;
  const candidates = (index.byName.get(nameKey(name)) ?? []).filter((p) => !target.includes('/') || nameKey(p).endsWith(nameKey(`/${target}`)));
  if (candidates.length === 0) return undefined;
  const here = candidates.find((p) => p.split('/').slice(0, -1).join('/') === noteDir);
  return here ?? [...candidates].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))[0];
}

/** An attachment's path under the content folder, which is also its path under `attachments/` in the build. */
export function publishedPath(index: AttachmentIndex, path: string): string {
  return index.contentDir ? path.slice(index.contentDir.length + 1) : path;
}

/** The vault file published at `published` (a path under `attachments/`, decoded), if there is one. */
export function attachmentAt(index: AttachmentIndex, published: string): string | undefined {
  const path = index.contentDir ? `${index.contentDir}/${published}` : published;
  return index.paths.has(path) ? path : undefined;
}

/** Where an attachment is published: `<base>attachments/<path under the content folder>`, each segment URL-encoded. */
export function attachmentHref(index: AttachmentIndex, base: string, path: string): string {
  return `${base}attachments/${publishedPath(index, path).split('/').map(encodeURIComponent).join('/')}`;
}

/** Names for "did you mean": every attachment's file name. */
export function attachmentNames(index: AttachmentIndex): string[] {
  return [...new Set([...index.paths].map((p) => p.split('/').pop()!))].sort();
}
