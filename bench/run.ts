// `npm run bench [-- --50k] [--sizes=1000,10000] [--rounds=1] [--no-browser] [--no-dev] [--no-baseline]`:
// generates the synthetic vaults, then per size alternates the full site build and the bare Astro baseline (cold
// builds, outputs and caches removed first), then the network view in Chromium and a dev-server edit at 10k.
// Writes bench/results/run-<time>.json and the table in bench/README.md.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAstroLog } from './astro-log.ts';
import { writeBaselineSite } from './baseline-site.ts';
import { benchNetworkView, type BrowserResult } from './browser-bench.ts';
import { benchDevServer, type DevResult } from './dev-bench.ts';
import { measure } from './measure.ts';
import { outputSize } from './output-size.ts';
import { type BuildRun, markdownTable, peakShares, resultNotes, stageRow, updateReadme } from './report.ts';
import { writeVault, type VaultStats } from './vault/generate.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

const sizes = option('sizes')?.split(',').map(Number) ?? [1000, 10_000, ...(flag('50k') ? [50_000] : [])];
const rounds = Number(option('rounds') ?? 1);
const seed = Number(option('seed') ?? 1);
const ms = (v: number) => `${(v / 1000).toFixed(1)} s`;
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

function machine(): string {
  const cpu = cpus();
  let chromium = '';
  try { chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim(); } catch { /* not installed */ }
  return `${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Linux ${release()}, Node ${process.version}${chromium ? `, ${chromium} (SwiftShader WebGL)` : ''}`;
}

async function build(kind: 'full' | 'baseline', notes: number, round: number, vault: string, baselineRoot: string): Promise<BuildRun> {
  // What `npm run build` gets (Node's default heap) up to 10k notes; 50k needs a bigger heap (see README).
  const heapMb = notes >= 50_000 ? 16_384 : undefined;
  const out = kind === 'full' ? join(ROOT, `bench/sites/full-${notes}/dist`) : join(baselineRoot, `out-${notes}/dist`);
  // Cold build: no output, no Astro cache, no content store from an earlier run.
  await rm(join(out, '..'), { recursive: true, force: true });
  await rm(join(ROOT, '.astro/data-store.json'), { force: true }).catch(() => {});
  const env = {
    ...process.env,
    NODE_OPTIONS: heapMb ? `--max-old-space-size=${heapMb}` : '',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(kind === 'full' ? { KG_CONTENT_DIR: vault, KG_OUT_DIR: out } : { BASELINE_CONTENT_DIR: vault, BASELINE_OUT_DIR: out }),
  };
  log(`${kind} build, ${notes} notes (round ${round})…`);
  const m = await measure(process.execPath, [ASTRO, 'build'], { cwd: kind === 'full' ? ROOT : baselineRoot, env, echo: flag('verbose') });
  const stages = parseAstroLog(m.lines, m.wallMs);
  const ok = m.code === 0;
  const run: BuildRun = {
    kind, notes, round, ok, wallMs: m.wallMs, peakRssBytes: m.peakRssBytes, peakProcesses: m.peakProcesses,
    phases: stages.phases, engine: stages.engine, routes: stages.routes, searchIndexMs: stages.searchIndexMs, ogMs: stages.ogMs, afterPagesMs: stages.afterPagesMs, afterParts: stages.afterParts, pages: stages.pages,
    output: ok ? outputSize(out) : { bytes: 0, files: 0 },
    error: ok ? undefined : m.lines.map((l) => l.text).filter((t) => /error/i.test(t)).slice(0, 5).join(' | ').slice(0, 800) || `exit ${m.code}`,
  };
  await writeFile(join(ROOT, `bench/sites/${kind}-${notes}.log`), m.lines.map((l) => `${(l.ms / 1000).toFixed(2).padStart(8)} ${l.text}`).join('\n'));
  log(`${kind} ${notes}: ${ok ? 'ok' : 'FAILED'} in ${ms(m.wallMs)}, peak RSS ${(m.peakRssBytes / 2 ** 20).toFixed(0)} MB (${peakShares(m.peakProcesses)})${run.output.graphJson ? `, graph.json ${(run.output.graphJson.gzip / 1024).toFixed(0)} KB gzip = ${run.output.graphJson.gzipPerItem.toFixed(2)} B per node+edge` : ''}`);
  if (!ok) log(`  ${run.error}`);
  return run;
}

async function main(): Promise<void> {
  const started = new Date();
  const load0 = loadavg();
  log(`machine: ${machine()}; load average ${load0.map((l) => l.toFixed(1)).join(' ')}`);
  const baselineRoot = await writeBaselineSite(join(ROOT, 'bench/sites/baseline'), ROOT);
  const vaults: Record<number, VaultStats> = {};
  const runs: BuildRun[] = [];
  for (const notes of sizes) {
    const vault = join(ROOT, `bench/vaults/${notes}`);
    const t0 = performance.now();
    vaults[notes] = await writeVault(vault, { notes, seed });
    log(`vault ${notes}: ${vaults[notes].relations} relations, ${vaults[notes].bodyLinks} body links, ${(vaults[notes].bytes / 2 ** 20).toFixed(1)} MB (${ms(performance.now() - t0)})`);
    for (let round = 1; round <= rounds; round++) {
      // Alternate which goes first, so neither always runs on a warmer machine.
      const order: Array<'full' | 'baseline'> = round % 2 === 1 ? ['full', 'baseline'] : ['baseline', 'full'];
      for (const kind of order) {
        if (kind === 'baseline' && flag('no-baseline')) continue;
        runs.push(await build(kind, notes, round, vault, baselineRoot));
      }
    }
  }

  let browser: (BrowserResult & { notes: number }) | undefined;
  const browserSize = [...sizes].filter((n) => n <= 10_000).pop();
  if (!flag('no-browser') && browserSize && runs.some((r) => r.kind === 'full' && r.notes === browserSize && r.ok)) {
    log(`network view in Chromium, ${browserSize} notes…`);
    await mkdir(join(ROOT, 'test-results/screenshots'), { recursive: true });
    browser = { notes: browserSize, ...(await benchNetworkView(join(ROOT, `bench/sites/full-${browserSize}/dist`), join(ROOT, `test-results/screenshots/bench-network-${browserSize}.png`))) };
    log(`first frame ${browser.firstFrameMs} ms (pixels ${browser.firstPixelsMs} ms); camera frames median ${browser.camera?.medianMs} ms p95 ${browser.camera?.p95Ms} ms; mouse median ${browser.mouse?.medianMs} ms p95 ${browser.mouse?.p95Ms} ms${browser.error ? `; error: ${browser.error}` : ''}`);
  }

  let dev: (DevResult & { notes: number }) | undefined;
  const devSize = [...sizes].filter((n) => n <= 10_000).pop();
  if (!flag('no-dev') && devSize) {
    log(`dev server, ${devSize} notes: save an edit, wait for the page…`);
    dev = { notes: devSize, ...(await benchDevServer(join(ROOT, `bench/vaults/${devSize}`))) };
    log(`dev: first page ${dev.firstPageMs ? ms(dev.firstPageMs) : '–'}, edits ${dev.editMs.join(', ')} ms${dev.error ? `; error: ${dev.error.split('\n')[0]}` : ''}`);
  }

  const load1 = loadavg();
  const result = {
    started: started.toISOString(), machine: machine(), loadAverage: { start: load0, end: load1 }, seed, sizes, rounds, vaults,
    builds: runs.map((r) => ({ ...r, stages: stageRow(r) })), browser, dev,
  };
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, `bench/results/run-${started.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);

  const table = markdownTable(runs, `${machine()}; load average at start ${load0.map((l) => l.toFixed(1)).join(' ')}, at end ${load1.map((l) => l.toFixed(1)).join(' ')}`);
  const extra = resultNotes(browser, dev, file.split('/').pop()!);
  console.log(`\n${table}\n\n${extra}\n`);
  if (!option('sizes') || flag('readme')) await updateReadme(join(ROOT, 'bench/README.md'), table, extra);
  log(`wrote ${file}`);
}

await main();
