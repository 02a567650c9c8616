// Dev-server part of the bench: `astro dev` on a copy of a vault, then save an edit to one note and time how long
// until the entity page serves it. CLI: `npx node bench/dev-bench.ts <vault dir> [edits]`
import { spawn } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { treeRss } from './measure.ts';

export interface DevResult {
  /** From spawning `astro dev` until the first entity page answered. */
  firstPageMs?: number;
  /** Per edit: from writing the file until the page served the new text. */
  editMs: number[];
  medianEditMs?: number;
  peakRssBytes: number;
  error?: string;
}

// BENCH_PROJECT_ROOT: another checkout of the site (e.g. a git worktree with an experiment).
const ROOT = resolve(process.env.BENCH_PROJECT_ROOT ?? resolve(import.meta.dirname, '..'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    return res.ok ? await res.text() : undefined;
  } catch { return undefined; }
}

/** Polls `url` until its body contains `needle`; returns the elapsed ms, or undefined after `limitMs`. */
async function until(url: string, needle: string, limitMs: number, pollMs = 50): Promise<number | undefined> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    const body = await fetchText(url);
    if (body?.includes(needle)) return performance.now() - t0;
    await sleep(pollMs);
  }
  return undefined;
}

export async function benchDevServer(vaultDir: string, edits = 3, port = 4399): Promise<DevResult> {
  // Edit a copy: the generated vault stays as generated. Outside the project: the dev server does not watch bench/sites/
  // (astro.config.mjs), and a folder of notes outside the project is watched like content/.
  const copy = join(tmpdir(), 'kg-bench-dev-vault');
  await rm(copy, { recursive: true, force: true });
  await cp(vaultDir, copy, { recursive: true });
  const meta = JSON.parse(await readFile(join(copy, '.vault.json'), 'utf8'));
  // An ordinary organisation note (not a hub): the last organisation file in sorted order.
  const { readdir } = await import('node:fs/promises');
  const orgs = (await readdir(join(copy, 'organizations'))).sort();
  const file = join(copy, 'organizations', orgs[orgs.length - 1]);
  const original = await readFile(file, 'utf8');
  const title = /^title: "(.*)"$/m.exec(original)![1];
  const id = title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const pageUrl = `http://127.0.0.1:${port}/entity/${encodeURIComponent(id)}/`;

  const env = { ...process.env, KG_CONTENT_DIR: copy, ASTRO_TELEMETRY_DISABLED: '1' };
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  let peak = 0;
  const sampler = setInterval(() => { if (child.pid) peak = Math.max(peak, treeRss(child.pid)); }, 250);
  const result: DevResult = { editMs: [], peakRssBytes: 0 };
  try {
    const first = await until(pageUrl, title.replace(/&/g, '&amp;'), 600_000, 500);
    if (first === undefined) throw new Error(`dev server never served ${pageUrl} (server log: bench/sites/dev.log)`);
    result.firstPageMs = performance.now() - t0;
    for (let i = 1; i <= edits; i++) {
      const marker = `Benchmark edit number ${i} of ${meta.spec.notes}`;
      await writeFile(file, original.replace(/\n---\n/, `\n---\n${marker}.\n\n`));
      const ms = await until(pageUrl, marker, 120_000);
      if (ms === undefined) throw new Error(`edit ${i} never showed up (server log: bench/sites/dev.log)`);
      result.editMs.push(Math.round(ms));
      await sleep(1500);
    }
    const sorted = [...result.editMs].sort((a, b) => a - b);
    result.medianEditMs = sorted[Math.floor(sorted.length / 2)];
  } catch (err) {
    result.error = (err as Error).message.slice(0, 3000);
  } finally {
    clearInterval(sampler);
    result.peakRssBytes = peak;
    // The server's own log without the fast polling requests, for when an edit does not show up.
    await writeFile(join(ROOT, 'bench/sites/dev.log'), log.split('\n').filter((l) => !/\[200\] \/entity\/\S+ \d{1,2}ms/.test(l)).join('\n'));
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
    await writeFile(file, original);
  }
  return result;
}

if (import.meta.main) {
  const [dir = 'bench/vaults/10000', edits = '3'] = process.argv.slice(2);
  console.log(JSON.stringify(await benchDevServer(resolve(dir), Number(edits)), null, 2));
}
