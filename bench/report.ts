// Bench results -> the Markdown table printed at the end of a run and kept in bench/README.md.
import { readFile, writeFile } from 'node:fs/promises';

export interface BuildRun {
  kind: 'full' | 'baseline';
  notes: number;
  round: number;
  ok: boolean;
  wallMs: number;
  peakRssBytes: number;
  peakProcesses?: { name: string; rssBytes: number }[];
  phases: Record<string, number>;
  engine: Record<string, number>;
  routes: Record<string, { pages: number; ms: number }>;
  searchIndexMs?: number;
  ogMs?: number;
  afterPagesMs?: number;
  afterParts?: { files: number; cards: number; search: number };
  pages?: number;
  output: { bytes: number; files: number; graphJson?: { raw: number; gzip: number; nodes: number; edges: number; gzipPerItem: number }; graphDetailsJson?: { raw: number; gzip: number } };
  error?: string;
}

const s = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);
const mb = (b: number | undefined) => (b === undefined ? '–' : b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GB` : b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(b >= 10 * 2 ** 20 ? 0 : 1)} MB` : `${(b / 1024).toFixed(0)} KB`);
/** The processes at a build's memory peak, largest first: `astro.mjs 1,530 MiB + pagefind_extended 610 MiB`. */
export const peakShares = (processes: { name: string; rssBytes: number }[] = []) => [...processes]
  .sort((a, b) => b.rssBytes - a.rssBytes).filter((p) => p.rssBytes >= 2 ** 20 * 10)
  .map((p) => `${p.name} ${Math.round(p.rssBytes / 2 ** 20).toLocaleString('en')} MiB`).join(' + ');
const median = (xs: number[]) => { const a = [...xs].sort((x, y) => x - y); return a[Math.floor(a.length / 2)]; };

/**
 * The stages the issue asks for, in its words. The engine's from its own timings; the rest from Astro's phases and the
 * integration's log lines: pages render four at a time while child processes draw the preview cards, so per-route
 * times overlap and are not added up.
 */
export function stageRow(run: BuildRun): Record<string, number | undefined> {
  const e = run.engine;
  return {
    read: e.read, parse: e.parse, validate: e.validate, resolve: e.resolve, graph: e.graph, views: e.views, layout: e.layout, render: e.render,
    'Astro pages + endpoints (index, tag, type, network pages; the two page shells; graph.json, GEXF, CSV)': run.phases['generate pages + endpoints'],
    'preview images drawn ahead (child processes, from the start of the pages, until the step after the pages asks for the rest)': run.ogMs,
    'search index: indexing (Pagefind\'s process, from the start of the pages)': run.searchIndexMs,
    'note and embed pages, view JSON + oEmbed files, cards, search index written (after the Astro pages, side by side)': run.afterPagesMs,
    '… of which note and embed pages, view and oEmbed files done': run.afterParts?.files,
    '… preview cards all written': run.afterParts?.cards,
    '… search index written': run.afterParts?.search,
  };
}

export function markdownTable(runs: BuildRun[], machine: string): string {
  const sizes = [...new Set(runs.map((r) => r.notes))].sort((a, b) => a - b);
  const out: string[] = [];
  out.push(`Machine: ${machine}`, '');
  out.push('| notes | build | wall (median) | peak RSS | output | graph.json raw / gzip | gzip B per node+edge | full / baseline |');
  out.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const base = runs.filter((r) => r.notes === n && r.kind === 'baseline' && r.ok);
    const baseWall = base.length ? median(base.map((r) => r.wallMs)) : undefined;
    for (const kind of ['full', 'baseline'] as const) {
      const rs = runs.filter((r) => r.notes === n && r.kind === kind);
      const ok = rs.filter((r) => r.ok);
      if (rs.length === 0) continue;
      if (ok.length === 0) { out.push(`| ${n} | ${kind} | failed: ${rs[0].error ?? '?'} | | | | | |`); continue; }
      const wall = median(ok.map((r) => r.wallMs));
      const last = ok[ok.length - 1];
      const g = last.output.graphJson;
      out.push(`| ${n.toLocaleString('en')} | ${kind} | ${s(wall)} | ${mb(Math.max(...ok.map((r) => r.peakRssBytes)))} | ${mb(last.output.bytes)} (${last.output.files.toLocaleString('en')} files) | ${g ? `${mb(g.raw)} / ${mb(g.gzip)}` : '–'} | ${g ? g.gzipPerItem.toFixed(2) : '–'} | ${kind === 'full' && baseWall ? `${(wall / baseWall).toFixed(2)}x` : ''} |`);
    }
  }
  // The machine's speed drifts by tens of percent within minutes: each round's two builds ran back to back.
  out.push('', 'Full / baseline per round (a round\'s two builds run back to back, in alternating order):', '');
  for (const n of sizes) {
    const rounds = [...new Set(runs.filter((r) => r.notes === n).map((r) => r.round))].sort((a, b) => a - b);
    const ratios = rounds.flatMap((round) => {
      const [full, base] = (['full', 'baseline'] as const).map((kind) => runs.find((r) => r.notes === n && r.round === round && r.kind === kind && r.ok));
      return full && base ? [{ round, ratio: full.wallMs / base.wallMs, full: full.wallMs, base: base.wallMs }] : [];
    });
    if (ratios.length) out.push(`- ${n.toLocaleString('en')} notes: ${ratios.map((x) => `round ${x.round} ${(x.full / 1000).toFixed(1)} / ${(x.base / 1000).toFixed(1)} s = ${x.ratio.toFixed(3)}x`).join('; ')}; median ${median(ratios.map((x) => x.ratio)).toFixed(3)}x`);
  }
  out.push('', 'Time per stage of the full build (last run of each size; engine stages from the engine, the rest from Astro\'s phases and the integration\'s log):', '');
  const fulls = sizes.map((n) => runs.filter((r) => r.notes === n && r.kind === 'full' && r.ok).pop()).filter((r): r is BuildRun => !!r);
  if (fulls.length) {
    const rows = fulls.map(stageRow);
    const keys = Object.keys(rows[0]);
    out.push(`| stage | ${fulls.map((r) => `${r.notes.toLocaleString('en')} notes`).join(' | ')} | ${fulls.map((r) => `ms/note @${r.notes / 1000}k`).join(' | ')} |`);
    out.push(`| --- | ${fulls.map(() => '---:').join(' | ')} | ${fulls.map(() => '---:').join(' | ')} |`);
    for (const k of keys) out.push(`| ${k} | ${rows.map((r) => s(r[k])).join(' | ')} | ${rows.map((r, i) => (r[k] === undefined ? '–' : (r[k]! / fulls[i].notes).toFixed(2))).join(' | ')} |`);
    out.push(`| **wall** | ${fulls.map((r) => s(r.wallMs)).join(' | ')} | ${fulls.map((r) => (r.wallMs / r.notes).toFixed(2)).join(' | ')} |`);
    out.push('', 'Astro phases of the same builds:', '');
    for (const r of fulls) out.push(`- ${r.notes.toLocaleString('en')} notes: ${Object.entries(r.phases).map(([k, v]) => `${k} ${s(v)}`).join('; ')}`);
    out.push('', 'Memory at the peak of each full build (RSS per process of the tree, sampled every 200 ms):', '');
    for (const r of runs.filter((x) => x.kind === 'full' && x.ok && x.peakProcesses)) out.push(`- ${r.notes.toLocaleString('en')} notes, round ${r.round}: ${mb(r.peakRssBytes)} = ${peakShares(r.peakProcesses)}`);
  }
  return out.join('\n');
}

const START = '<!-- bench:table:start -->';
const END = '<!-- bench:table:end -->';

/** Replaces the table between the markers in README.md (adds the markers at the end if missing). */
export async function updateReadme(path: string, table: string, extra: string): Promise<void> {
  let text = '';
  try { text = await readFile(path, 'utf8'); } catch { /* new file */ }
  const block = `${START}\n${table}\n\n${extra}\n${END}`;
  const a = text.indexOf(START), b = text.indexOf(END);
  text = a >= 0 && b > a ? `${text.slice(0, a)}${block}${text.slice(b + END.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(path, text);
}

interface BrowserNotes { notes: number; firstFrameMs?: number; firstPixelsMs?: number; edgesMs?: number; htmlBytes?: number; camera?: { frames: number; medianMs: number; meanMs?: number; p95Ms: number }; mouse?: { medianMs: number; p95Ms: number }; error?: string }
interface DevNotes { notes: number; firstPageMs?: number; editMs: number[]; medianEditMs?: number; peakRssBytes: number; error?: string }

/** The lines under the table: the network view and the dev server. */
export function resultNotes(b: BrowserNotes | undefined, d: DevNotes | undefined, resultsFile: string): string {
  return [
    b ? `Network view (${b.notes.toLocaleString('en')} notes, 1280×800, headless Chromium, software WebGL): first graph frame (sigma's first render; above 5,000 edges the nodes only) ${b.firstFrameMs ?? '–'} ms after navigation, first painted pixels ${b.firstPixelsMs ?? '–'} ms, edges drawn by ${b.edgesMs ?? '–'} ms (HTML ${((b.htmlBytes ?? 0) / 1024).toFixed(0)} KB); scripted camera pan/zoom: ${b.camera?.frames ?? 0} frames in ~4 s, median ${b.camera?.medianMs ?? '–'} ms, mean ${b.camera?.meanMs ?? '–'} ms, p95 ${b.camera?.p95Ms ?? '–'} ms (frame times are whole vsyncs: 16.7, 33.3 ms); mouse drag + wheel: p95 ${b.mouse?.p95Ms ?? '–'} ms (its median, ${b.mouse?.medianMs ?? '–'} ms, counts idle frames between events).${b.error ? ` Error: ${b.error}` : ''}` : 'Network view: not measured in this run.',
    '',
    d ? `Dev server (${d.notes.toLocaleString('en')} notes): first page ${d.firstPageMs ? `${(d.firstPageMs / 1000).toFixed(0)} s` : '–'} after start; a saved edit showed up after ${d.editMs.join(', ')} ms (median ${d.medianEditMs ?? '–'} ms); peak RSS ${(d.peakRssBytes / 2 ** 30).toFixed(1)} GB.${d.error ? ` Error: ${d.error.split('\n')[0]}` : ''}` : 'Dev server: not measured in this run.',
    '',
    `Results: \`bench/results/${resultsFile}\`.`,
  ].join('\n');
}
