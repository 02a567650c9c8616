// Worker thread of the two-thread build (build-parallel.ts): parses its share of the notes, keeps their Markdown
// trees (cloning them back costs about as much as parsing), and later renders those notes from plain render data,
// then helps render the main thread's share (parsing those again) until none is left.
import { parentPort } from 'node:worker_threads';
import type { KgConfig } from './config.ts';
import { emptyTree, treeOf } from './markdown.ts';
import { type ParsedNote, parseSource, type RenderedNote, renderNoteSafely } from './note-safely.ts';
import { brokenNote } from './parse.ts';
import { type RenderData, renderContext } from './render-inputs.ts';
import { PARSE_CHUNK, RENDER_CHUNK, takeChunks } from './shared-queue.ts';
import type { Note } from './types.ts';
import type { SourceFile } from './vault.ts';

export interface ParseRequest { kind: 'parse'; config: KgConfig; files: SourceFile[]; counters: Int32Array }
/** Notes come without their trees (an empty root stands in); `busy` and `validate` are milliseconds. */
export interface ParseReply { parsed: Array<[index: number, ParsedNote]>; busy: number; validate?: number }
/** A note this thread keeps the tree of: `kept` is its file index (as in ParseReply), `note` its place in the site. */
export type OwnJob = [note: number, kept: number, RenderData];
/** A note of the main thread's share: no tree here, so what rendering it from its text reads. */
export type OtherJob = [note: number, RenderData, file: string, text: string, broken: boolean];
/**
 * Two queues: `own` (slot 0 of `counters`) and `others`, the main thread's (slot 1); each thread takes from its own
 * first, then helps with the other. Kept notes in neither (graph views, duplicates) are dropped here.
 */
export interface RenderRequest { kind: 'render'; base: string; counters: Int32Array; own: OwnJob[]; others: OtherJob[] }
export interface RenderReply { rendered: Array<[note: number, RenderedNote]> }
/** Answered once this module has loaded (a test waits for it, so that the worker surely takes a share). */
export interface PingRequest { kind: 'ping' }
export type WorkerRequest = ParseRequest | RenderRequest | PingRequest;
export type WorkerReply = ParseReply | RenderReply | Record<string, never>;

const kept = new Map<number, Note>();

function parseShare({ config, files, counters }: ParseRequest): ParseReply {
  const timings: Record<string, number> = {};
  const parsed: ParseReply['parsed'] = [];
  const busy = takeChunks(counters, 0, files.length, PARSE_CHUNK, (i) => {
    const { note, diagnostics } = parseSource(config, files[i]!, timings);
    kept.set(i, note);
    parsed.push([i, { note: { ...note, tree: emptyTree() }, diagnostics }]);
  });
  return { parsed, busy, validate: timings.validate };
}

function renderShare({ base, counters, own, others }: RenderRequest): RenderReply {
  const rendered: RenderReply['rendered'] = [];
  takeChunks(counters, 0, own.length, RENDER_CHUNK, (k) => {
    const [note, i, data] = own[k]!;
    rendered.push([note, renderNoteSafely(kept.get(i)!, renderContext(data, base))]);
  });
  kept.clear();
  takeChunks(counters, 1, others.length, RENDER_CHUNK, (k) => {
    const [note, data] = others[k]!;
    rendered.push([note, renderNoteSafely(standIn(others[k]!), renderContext(data, base))]);
  });
  return { rendered };
}

/** What rendering reads of a note of the main thread's share: its text, and its tree made again from it. */
function standIn([, , file, text, broken]: OtherJob): Note {
  const note = { ...brokenNote(file, text), broken };
  note.tree = treeOf(note);
  return note;
}

parentPort!.on('message', (message: WorkerRequest) => {
  parentPort!.postMessage(message.kind === 'parse' ? parseShare(message) : message.kind === 'render' ? renderShare(message) : {});
});
