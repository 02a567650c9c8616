// Worker thread of a build (see build-workers.ts): has its share of the preview cards drawn, and writes its share of the
// view files and embed pages into the output folder, once the main thread has sent the page Astro made for the
// network's embed (the frame every other embed page is filled into; also the sign that Astro has emptied outDir).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { eachLimited } from '../kg/each-limited.ts';
import { type EmbedPageParts, embedPageParts, fillEmbedPage } from '../kg/exports/embed-page.ts';
import { viewFile } from '../kg/exports/view-files.ts';
import { siteFromSnapshot, type SiteSnapshot } from '../kg/site-snapshot.ts';
import { NETWORK_ID } from '../kg/view-catalog.ts';
import { cachedOgPng, ogCard, ogRenderOptions, ogSvg } from './og-image.ts';
import { OgPool } from './og-pool.ts';

export interface BuildWorkerData {
  snapshot: SiteSnapshot;
  base: string;
  outDir: string;
  ogCacheDir: string;
  /** This worker's share: entity ids to draw cards for, and files (paths under outDir) to write. */
  cards: string[];
  files: string[];
}

export type BuildWorkerMessage = { done: true; files: number; cards: number } | { error: string };

const { snapshot, base, outDir, ogCacheDir, cards, files } = workerData as BuildWorkerData;
const site = siteFromSnapshot(snapshot);
// null: the site has no embed route, so no embed pages.
const template = new Promise<string | null>((resolve) => parentPort!.once('message', (m: { template: string | null }) => resolve(m.template)));

const EMBED_PAGE = /^embed\/([^/]+)\/index\.html$/;
const isEmbedPage = (path: string) => EMBED_PAGE.test(path);

/** A file's content: an embed page is its view's parts in the network's frame, anything else is a view file. */
function content(path: string, frame?: { page: string; parts: EmbedPageParts }): string {
  const embed = EMBED_PAGE.exec(path);
  const out = embed && frame ? fillEmbedPage(frame.page, frame.parts, embedPageParts(site, base, embed[1])!) : viewFile(site, base, path);
  if (out === undefined) throw new Error(`No content for ${path}`);
  return out;
}

async function run(): Promise<BuildWorkerMessage> {
  // Cards are drawn by a child process of this thread's own from the start (they need nothing from Astro), while
  // this thread goes on with the view files.
  const pool = new OgPool(fileURLToPath(new URL('./og-process.ts', import.meta.url)), 1);
  const draw = (svg: string) => pool.render(svg, ogRenderOptions(svg));
  const pngs = cards.map((id) => {
    const png = cachedOgPng(ogSvg(ogCard(site, id)), ogCacheDir, draw);
    png.catch(() => {}); // awaited below, after the view files
    return { path: `entity/${id}/og.png`, png };
  });
  const page = await template;
  const frame = page === null ? undefined : { page, parts: embedPageParts(site, base, NETWORK_ID)! };
  const dirs = new Map<string, Promise<unknown>>();
  const write = async (path: string, body: string | Uint8Array) => {
    const file = join(outDir, path);
    const dir = dirname(file);
    if (!dirs.has(dir)) dirs.set(dir, mkdir(dir, { recursive: true }));
    await dirs.get(dir);
    await writeFile(file, body);
  };
  const mine = frame ? files : files.filter((path) => !isEmbedPage(path));
  await eachLimited(mine, 16, (path) => write(path, content(path, frame)));
  await eachLimited(pngs, 8, async ({ path, png }) => write(path, await png));
  return { done: true, files: mine.length, cards: cards.length };
}

run().then(
  (m) => parentPort!.postMessage(m),
  (e: Error) => parentPort!.postMessage({ error: `${e?.message ?? e}` }),
);
