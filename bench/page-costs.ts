// What the build's step after Astro's pages makes, without Astro: runs the engine on a vault, then makes every note's
// page (head and main content), neighbourhood embed page and view file with the builders the build uses
// (src/integration/view-files.ts), timed per part; with `--write <dir>` it also writes them there, timed apart.
// `npx node bench/page-costs.ts [vault dir] [--write <dir>]`
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { embedPageBody, embedPageHead } from '../src/components/html/embed-page.ts';
import { entityPageHead, entityPageMain } from '../src/components/html/entity-page.ts';
import { configureSite } from '../src/integration/site.ts';
import { buildSite } from '../src/kg/build.ts';
import { resolveConfig } from '../src/kg/config.ts';
import { viewFile, viewFilePaths } from '../src/kg/exports/view-files.ts';
import { neighbourhoodEntry } from '../src/kg/view-catalog.ts';
import { embedPath } from '../src/kg/view-embed.ts';
import siteRelations from '../content/kg.relations.json' with { type: 'json' };

const args = process.argv.slice(2);
const writeAt = args.indexOf('--write');
const out = writeAt >= 0 ? resolve(args[writeAt + 1]) : undefined;
const dir = args.find((a, i) => !a.startsWith('--') && i !== writeAt + 1) ?? 'bench/vaults/10000';
const config = { ...resolveConfig({ relations: siteRelations }), contentDir: resolve(dir), site: 'https://example.org' };
configureSite(config, process.cwd(), '/', true);
const site = await buildSite(process.cwd(), config, {});
const base = '/';

const ms: Record<string, number> = {};
let bytes = 0;
let files = 0;
const dirs = new Set<string>();
if (out) rmSync(out, { recursive: true, force: true });
/** Makes one file's content, timed under `part`; writes it under `out` (timed as 'write') when asked. */
const make = (part: string, path: string, fn: () => string | undefined) => {
  let t = performance.now();
  const text = fn();
  ms[part] = (ms[part] ?? 0) + performance.now() - t;
  if (text === undefined) return;
  bytes += text.length;
  files++;
  if (!out) return;
  t = performance.now();
  const file = join(out, path);
  if (!dirs.has(dirname(file))) { mkdirSync(dirname(file), { recursive: true }); dirs.add(dirname(file)); }
  writeFileSync(file, text);
  ms.write = (ms.write ?? 0) + performance.now() - t;
};

const t0 = performance.now();
for (const { id } of site.notes) {
  make('entity pages', `entity/${id}/index.html`, () => entityPageHead(site, base, id) + entityPageMain(site, base, id));
  const hood = neighbourhoodEntry(site, base, id);
  if (hood) make('embed pages', `${decodeURIComponent(embedPath(hood.id))}index.html`, () => embedPageHead(site, base, hood) + embedPageBody(site, base, hood));
}
for (const path of viewFilePaths(site)) make('view and oEmbed files', path, () => viewFile(site, base, path));
for (const [part, t] of Object.entries(ms)) console.log(`${t.toFixed(0).padStart(7)} ms  ${(t / site.notes.length).toFixed(3)} ms/note  ${part}`);
console.log(`${(performance.now() - t0).toFixed(0).padStart(7)} ms  in all: ${files} files, ${(bytes / 1e6).toFixed(0)} MB of text, ${site.notes.length} notes`);
