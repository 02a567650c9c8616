// The two-thread build for large vaults: a worker thread (parse-worker.ts) parses and renders a share of the notes
// while this thread does the rest; the result is the one buildFromFiles gives, byte for byte.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BuildOptions, Site } from './build.ts';
import { finishRun, hasViews, keepParsed, keepRendered, layoutStep, type Model, modelOf, type ParsedFile, renderHere, renderPlan, type Run, startRun, withEntry } from './build-steps.ts';
import type { KgConfig } from './config.ts';
import { emptyTree, treeOf } from './markdown.ts';
import { parseSource, type RenderedNote } from './note-safely.ts';
import type { OtherJob, OwnJob, ParseReply, RenderReply, WorkerReply, WorkerRequest } from './parse-worker.ts';
import type { RenderData } from './render-inputs.ts';
import { newCounters, PARSE_CHUNK, RENDER_CHUNK, takeChunks } from './shared-queue.ts';
import type { Note } from './types.ts';
import type { SourceFile } from './vault.ts';
import { WorkerThread } from './worker-thread.ts';

/**
 * Smaller vaults build on one thread: the worker needs about 0.7 s to load its modules (remark, rehype, zod), and two
 * threads slow each other (memory, GC), the layout too. Measured on 2 cores: 1,000 notes 3.9 s on two threads vs
 * 3.7 s on one; 3,000 notes 6.7 s vs 7.5 s; 10,000 notes about 17 s vs 23 s.
 */
export const PARALLEL_MIN_FILES = 2000;

export type ParseWorker = WorkerThread<WorkerRequest, WorkerReply>;

/** The worker for a build of `notes` notes, when that build should use two threads (see BuildOptions.parallel). */
export function parallelWorkerFor(root: string, notes: number, options: BuildOptions): ParseWorker | undefined {
  if (options.parallel === false || options.previous || options.checkOnly) return undefined;
  if (!options.parallel && (notes < PARALLEL_MIN_FILES || availableParallelism() < 2)) return undefined;
  // By path from the project root: this module may run from Vite's bundle, where relative URLs point elsewhere.
  const file = join(root, 'src/kg/parse-worker.ts');
  return existsSync(file) ? new WorkerThread(file) : undefined;
}

/** buildFromFiles on two threads, for a full build (no `previous`); closes the worker. */
export async function buildFromFilesParallel(worker: ParseWorker, config: KgConfig, files: SourceFile[], options: BuildOptions = {}): Promise<Site> {
  try {
    const run = startRun(config, { ...options, previous: undefined });
    const { parsed, there } = await parseOnTwo(run, worker, files);
    const model = modelOf(run, parsed);
    await renderOnTwo(run, model, worker, there);
    return finishRun(run, model);
  } finally {
    worker.close();
  }
}

/** Both threads take files from one queue; the results are kept in file order. `there`: notes whose tree the worker keeps. */
async function parseOnTwo(run: Run, worker: ParseWorker, files: SourceFile[]): Promise<{ parsed: Note[]; there: Map<Note, number> }> {
  const t0 = performance.now();
  const counters = newCounters();
  const slots: Array<ParsedFile | undefined> = new Array(files.length);
  const parseHere = (i: number) => { slots[i] = withEntry(files[i]!, parseSource(run.config, files[i]!, run.timings)); };
  const reply = worker.request({ kind: 'parse', config: run.config, files, counters }) as Promise<ParseReply | undefined>;
  let busy = takeChunks(counters, 0, files.length, PARSE_CHUNK, parseHere);
  const theirs = await reply;
  const there = new Map<Note, number>();
  for (const [i, parsed] of theirs?.parsed ?? []) {
    slots[i] = withEntry(files[i]!, parsed);
    there.set(parsed.note, i);
  }
  // A worker that failed returned none of the files it took: parse them here.
  const t1 = performance.now();
  for (let i = 0; i < files.length; i++) if (!slots[i]) parseHere(i);
  busy += performance.now() - t1;
  const parsed = files.map((f, i) => keepParsed(run, f, slots[i]!));
  splitParseTime(run.timings, performance.now() - t0, busy + (theirs?.busy ?? 0), theirs?.validate);
  return { parsed, there };
}

/**
 * The stage's wall time, split into `validate` and `parse` by the shares of both threads' work, so that the stages
 * still add up to the wall time (as on one thread).
 */
function splitParseTime(timings: Record<string, number>, wall: number, busy: number, theirValidate: number | undefined): void {
  if (timings.validate !== undefined || theirValidate !== undefined) {
    timings.validate = busy > 0 ? (wall * ((timings.validate ?? 0) + (theirValidate ?? 0))) / busy : 0;
  }
  timings.parse = wall - (timings.validate ?? 0);
}

type Plans = Map<Note, ReturnType<typeof renderPlan>>;

/**
 * Each thread renders the notes whose trees it has, then helps with the other's (parsing them again), from two
 * shared queues: the worker starts while this thread lays out the graph. Graph views render here, after the layout.
 */
async function renderOnTwo(run: Run, model: Model, worker: ParseWorker, there: Map<Note, number>): Promise<void> {
  // Timed by hand around the layout (and the wait), so that the stages come out in the serial order: layout, render.
  let t0 = performance.now();
  const plans: Plans = new Map(model.notes.map((note) => [note, renderPlan(run, model, note)]));
  const place = new Map(model.notes.map((note, k) => [note, k]));
  const queued = model.notes.filter((note) => !hasViews(model, note));
  const theirs = queued.filter((note) => there.has(note));
  const mine = queued.filter((note) => !there.has(note));
  const counters = newCounters(2);
  const reply = worker.request({
    kind: 'render', base: run.base, counters,
    own: theirs.map((note): OwnJob => [place.get(note)!, there.get(note)!, plans.get(note)!.data]),
    others: mine.map((note): OtherJob => [place.get(note)!, plans.get(note)!.data, note.file, note.text, note.broken]),
  }) as Promise<RenderReply | undefined>;
  let ms = performance.now() - t0;
  layoutStep(run, model);
  t0 = performance.now();
  const out = new Map<Note, RenderedNote>();
  const here = (note: Note) => out.set(note, renderHere(run, model, note, plans.get(note)!.data));
  renderRest(run, model, plans, there, new Set(queued), out);
  takeChunks(counters, 1, mine.length, RENDER_CHUNK, (k) => here(mine[k]!));
  takeChunks(counters, 0, theirs.length, RENDER_CHUNK, (k) => { const note = theirs[k]!; note.tree = treeOf(note); here(note); });
  for (const [k, rendered] of (await reply)?.rendered ?? []) {
    const note = model.notes[k]!;
    out.set(note, rendered);
    note.tree = emptyTree();
  }
  // What the worker took but did not render (it failed) is rendered here.
  renderRest(run, model, plans, there, new Set(), out);
  for (const note of model.notes) keepRendered(run, note, plans.get(note)!.key, out.get(note)!);
  ms += performance.now() - t0;
  run.timings.render = ms;
}

/** Renders here each note not yet in `out` nor in `skip`; one the worker parsed (it kept the tree) is parsed again. */
function renderRest(run: Run, model: Model, plans: Plans, there: Map<Note, number>, skip: Set<Note>, out: Map<Note, RenderedNote>): void {
  for (const note of model.notes) {
    if (out.has(note) || skip.has(note)) continue;
    if (there.has(note)) note.tree = treeOf(note);
    out.set(note, renderHere(run, model, note, plans.get(note)!.data));
  }
}
