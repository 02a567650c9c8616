// Engine-only run on a vault (no Astro): per-stage timings, diagnostics and graph size; the thing to profile.
// `npx node [--cpu-prof] bench/engine.ts <vault dir> [--check] [--serial]` (--serial: one thread, see build-parallel.ts)
import { resolve } from 'node:path';
import { buildSite } from '../src/kg/build.ts';
import { resolveConfig } from '../src/kg/config.ts';
import siteRelations from '../content/kg.relations.json' with { type: 'json' };

const [dir = 'bench/vaults/1000', ...flags] = process.argv.slice(2);
const config = { ...resolveConfig({ relations: siteRelations }), contentDir: resolve(dir) };
const t0 = performance.now();
const site = await buildSite(process.cwd(), config, { checkOnly: flags.includes('--check'), ...(flags.includes('--serial') ? { parallel: false } : {}) });
const wall = performance.now() - t0;
const ms = (v: number) => Math.round(v);
console.log(JSON.stringify({
  notes: site.notes.length, edges: site.graph.size, errors: site.errors, warnings: site.warnings,
  wallMs: ms(wall), timings: Object.fromEntries(Object.entries(site.timings).map(([k, v]) => [k, ms(v)])),
  rssMB: ms(process.memoryUsage().rss / 2 ** 20),
}));
for (const d of site.diagnostics.slice(0, 5)) console.log(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`);
