// The pipeline's steps, shared by the one-thread build (build.ts) and the two-thread one (build-parallel.ts).
import { type AttachmentIndex, buildAttachmentIndex } from './attachments.ts';
import type { BuildCache, BuildOptions, Site } from './build.ts';
import type { KgConfig } from './config.ts';
import { countBySeverity, sortDiagnostics } from './diagnostics.ts';
import { buildGraph, type KnowledgeGraph } from './graph.ts';
import { layoutGraph } from './layout.ts';
import { emptyTree, treeOf } from './markdown.ts';
import { type ParsedNote, parseSource, type RenderedNote, renderFailed, renderNoteSafely } from './note-safely.ts';
import { qualityDiagnostics } from './quality.ts';
import { type RenderData, renderContext, renderInputs } from './render-inputs.ts';
import { buildNameIndex, type NameIndex, type Resolved, resolveNotes } from './resolve.ts';
import type { Diagnostic, Note } from './types.ts';
import type { SourceFile } from './vault.ts';
import { buildViews, type GraphView, renderViewFigure } from './views.ts';

/** One build in progress: its inputs, and the timings, diagnostics, HTML and cache so far. */
export interface Run {
  config: KgConfig;
  options: BuildOptions;
  base: string;
  previous?: Site;
  timings: Record<string, number>;
  diagnostics: Diagnostic[];
  html: Map<string, string>;
  cache: BuildCache;
  /** Notes taken from the previous build: their Markdown tree was changed by rendering, so re-parse before rendering again. */
  reused: Set<Note>;
}

/** What resolve, graph and views make of the parsed notes. */
export interface Model {
  index: NameIndex;
  attachments: AttachmentIndex;
  resolved: Resolved;
  /** Every note that got a node, sorted by id. */
  notes: Note[];
  graph: KnowledgeGraph;
  views: Map<string, GraphView[]>;
}

type CacheEntry = BuildCache['parsed'] extends Map<string, infer E> ? E : never;
type RenderedEntry = BuildCache['rendered'] extends Map<string, infer E> ? E : never;

/** One file's parse result; `entry` is what the cache keeps of it (nothing for an unreadable file). */
export interface ParsedFile extends ParsedNote { entry?: CacheEntry }

export function startRun(config: KgConfig, options: BuildOptions): Run {
  return {
    config, options, base: options.base ?? '/',
    previous: options.previous?.config === config ? options.previous : undefined,
    timings: {}, diagnostics: [], html: new Map(), cache: { parsed: new Map(), rendered: new Map() }, reused: new Set(),
  };
}

/** Runs `fn` and adds its time to `stage` (a stage may be timed in several parts). */
export function timed<T>(run: Run, stage: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  run.timings[stage] = (run.timings[stage] ?? 0) + performance.now() - t0;
  return out;
}

/** One file -> its note, or the previous build's note when the text did not change. */
export function parseFile(run: Run, f: SourceFile): ParsedFile {
  const hit = f.unreadable ? undefined : run.previous?.cache.parsed.get(f.file);
  if (hit && hit.raw === f.text) {
    run.reused.add(hit.note);
    return { note: hit.note, diagnostics: hit.diagnostics, entry: hit };
  }
  return withEntry(f, parseSource(run.config, f, run.timings));
}

/** A fresh parse result with its cache entry. */
export function withEntry(f: SourceFile, parsed: ParsedNote): ParsedFile {
  return f.unreadable ? parsed : { ...parsed, entry: { raw: f.text, note: parsed.note, diagnostics: parsed.diagnostics } };
}

/** Records one file's result (call in file order, so diagnostics and cache come out the same every build). */
export function keepParsed(run: Run, f: SourceFile, parsed: ParsedFile): Note {
  run.diagnostics.push(...parsed.diagnostics);
  if (parsed.entry) run.cache.parsed.set(f.file, parsed.entry);
  return parsed.note;
}

/** Resolve, graph, editorial warnings and graph views. */
export function modelOf(run: Run, parsed: Note[]): Model {
  const { config, options } = run;
  const index = timed(run, 'resolve', () => buildNameIndex(parsed));
  const attachments = buildAttachmentIndex(options.vaultDir ?? config.contentDir, options.attachments ?? []);
  const resolved = timed(run, 'resolve', () => resolveNotes(config, parsed, index, attachments));
  run.diagnostics.push(...resolved.diagnostics);
  const notes = [...index.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const graph = timed(run, 'graph', () => buildGraph(config, notes, resolved));
  if (options.quality) run.diagnostics.push(...timed(run, 'resolve', () => qualityDiagnostics(config, notes, graph)));
  const views = timed(run, 'views', () => buildViews(config, notes, index, graph, run.diagnostics));
  return { index, attachments, resolved, notes, graph, views };
}

export function layoutStep(run: Run, model: Model): void {
  timed(run, 'layout', () => layoutGraph(model.graph, run.config.seed, run.previous?.graph));
}

/** A note's render data and cache key, and the previous build's HTML when that is still right. */
export function renderPlan(run: Run, model: Model, note: Note): { data: RenderData; key: string; hit?: RenderedEntry } {
  const { data, key } = renderInputs(note, model.resolved.links.get(note.id) ?? [], model.index, model.attachments, run.base);
  const hit = run.previous?.cache.rendered.get(note.id);
  const fresh = hit && !model.views.get(note.id)?.length && hit.text === note.text && hit.key === key;
  return { data, key, ...(fresh ? { hit } : {}) };
}

/** Notes with `::graph` directives render where the graph is (this thread). */
export function hasViews(model: Model, note: Note): boolean {
  return note.views.length > 0 || !!model.views.get(note.id)?.length;
}

/** Renders one note here; rendering is the tree's last use (and changes it), so the tree is let go after. */
export function renderHere(run: Run, model: Model, note: Note, data: RenderData): RenderedNote {
  if (run.reused.has(note)) note.tree = treeOf(note);
  const noteViews = model.views.get(note.id) ?? [];
  const out = renderNoteSafely(note, renderContext(data, run.base, (i) => renderViewFigure(noteViews.find((v) => v.index === i), model.graph, run.config, run.base)));
  note.tree = emptyTree();
  return out;
}

/** Records one note's HTML (call in note order). */
export function keepRendered(run: Run, note: Note, key: string, out: RenderedNote): void {
  if (out.failed !== undefined) run.diagnostics.push(renderFailed(note, out.failed));
  run.html.set(note.id, out.html);
  run.cache.rendered.set(note.id, { text: note.text, key, html: out.html });
}

/** The serial render step: every note, reusing the previous build's HTML where it is still right. */
export function renderAll(run: Run, model: Model): void {
  timed(run, 'render', () => {
    for (const note of model.notes) {
      const plan = renderPlan(run, model, note);
      if (plan.hit) {
        run.html.set(note.id, plan.hit.html);
        run.cache.rendered.set(note.id, plan.hit);
      } else {
        keepRendered(run, note, plan.key, renderHere(run, model, note, plan.data));
      }
    }
  });
}

export function finishRun(run: Run, model: Model): Site {
  const diagnostics = sortDiagnostics(run.diagnostics);
  const { errors, warnings } = countBySeverity(diagnostics);
  const { config, html, timings, cache } = run;
  const { notes, index, graph, resolved, attachments, views } = model;
  return { config, notes, byId: index.byId, index, graph, resolved, html, attachments, views, diagnostics, errors, warnings, timings, cache };
}
