// Worker thread of the two-thread build (build-parallel.ts): parses its share of the notes, keeps their Markdown
// trees (cloning them back costs about as much as parsing), and later renders those notes from plain render data.
import { parentPort } from 'node:worker_threads';
import type { KgConfig } from './config.ts';
import { type ParsedNote, parseSource, type RenderedNote, renderNoteSafely } from './note-safely.ts';
import { type RenderData, renderContext } from './render-inputs.ts';
import { takeChunks } from './shared-queue.ts';
import type { Note } from './types.ts';
import type { SourceFile } from './vault.ts';

export interface ParseRequest { kind: 'parse'; config: KgConfig; files: SourceFile[]; counter: Int32Array }
/** Notes come without their trees (an empty root stands in); `busy` and `validate` are milliseconds. */
export interface ParseReply { parsed: Array<[index: number, ParsedNote]>; busy: number; validate?: number }
/** By file index, the notes to render; the others (graph views, duplicates) this thread drops. */
export interface RenderRequest { kind: 'render'; base: string; jobs: Array<[index: number, RenderData]> }
export interface RenderReply { rendered: Array<[index: number, RenderedNote]> }
/** Answered once this module has loaded (a test waits for it, so that the worker surely takes a share). */
export interface PingRequest { kind: 'ping' }
export type WorkerRequest = ParseRequest | RenderRequest | PingRequest;
export type WorkerReply = ParseReply | RenderReply | Record<string, never>;

const kept = new Map<number, Note>();

function parseShare({ config, files, counter }: ParseRequest): ParseReply {
  const timings: Record<string, number> = {};
  const parsed: ParseReply['parsed'] = [];
  const busy = takeChunks(counter, files.length, (i) => {
    const { note, diagnostics } = parseSource(config, files[i]!, timings);
    kept.set(i, note);
    parsed.push([i, { note: { ...note, tree: { type: 'root', children: [] } }, diagnostics }]);
  });
  return { parsed, busy, validate: timings.validate };
}

function renderShare({ base, jobs }: RenderRequest): RenderReply {
  const rendered = jobs.map(([i, data]): [number, RenderedNote] => [i, renderNoteSafely(kept.get(i)!, renderContext(data, base))]);
  kept.clear();
  return { rendered };
}

parentPort!.on('message', (message: WorkerRequest) => {
  parentPort!.postMessage(message.kind === 'parse' ? parseShare(message) : message.kind === 'render' ? renderShare(message) : {});
});
