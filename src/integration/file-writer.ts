// Writes many files under one folder from a worker thread (file-writer-worker.ts), in batches, while the caller makes
// the next ones: creating a file and its folder is kernel work (at 10k notes ~40k files, 4-13 s of the build's main
// thread, bench/README.md), and the main thread is the build's critical path. A first writer thread (ninth round) had
// no bound on what it was sent and took the build to 2.9 GB; this one makes the caller wait past MAX_PENDING_BYTES.
import { Worker } from 'node:worker_threads';
import { workerScript } from './worker-script.ts';

/** A batch goes to the thread once it holds this many bytes. */
const BATCH_BYTES = 2 << 20;
/**
 * Bytes sent and not yet written after which `write` waits: the pages are made faster than the kernel takes them on a
 * busy machine, and an unbounded queue once took the build past 2.9 GB (bench/README.md, ninth round).
 */
export const MAX_PENDING_BYTES = 24 << 20;

export type WriteBatch = { id: number; dir: string; files: Array<[path: string, bytes: Uint8Array]> };
export type WriteReply = { id: number; error?: string };

export class FileWriter {
  private worker?: Worker;
  private batch: WriteBatch['files'] = [];
  private batchBytes = 0;
  private nextId = 0;
  /** Batches sent and not answered, oldest first: their size, and a promise kept once they are written (or failed). */
  private sent = new Map<number, { bytes: number } & PromiseWithResolvers<void>>();
  private pendingBytes = 0;
  private error?: Error;
  /** The most bytes ever sent and not yet written (tests check the bound). */
  maxPending = 0;
  private dir: string;
  private maxPendingBytes: number;

  /** `root`: the project folder, where the worker script is when this module runs from Vite's bundle. */
  constructor(dir: string, root: string, maxPendingBytes = MAX_PENDING_BYTES) {
    this.dir = dir;
    this.maxPendingBytes = maxPendingBytes;
    this.worker = new Worker(workerScript('file-writer-worker.ts', root));
    this.worker.on('message', (reply: WriteReply) => this.answered(reply));
    // A thread that dies fails the build: its batches were not written.
    this.worker.on('error', (err) => this.fail(err instanceof Error ? err : new Error(String(err))));
    // Any exit before close() (which forgets the thread first): later batches would wait for answers that cannot come.
    this.worker.on('exit', (code) => { if (this.worker) this.fail(new Error(`the file-writing thread exited (${code}) before the files were written`)); });
  }

  /** Queues `text` for `path` (relative to the folder); resolves at once, or once the thread has caught up. */
  async write(path: string, text: string): Promise<void> {
    if (this.error) throw this.error;
    if (!this.worker) throw new Error('the file writer is closed');
    const bytes = new TextEncoder().encode(text); // its own buffer, which moves to the thread
    this.batch.push([path, bytes]);
    this.batchBytes += bytes.byteLength;
    if (this.batchBytes >= BATCH_BYTES) this.send();
    while (this.pendingBytes > this.maxPendingBytes && !this.error) await this.oldest();
    if (this.error) throw this.error;
  }

  /** Sends what is queued, waits until everything is written, and ends the thread; throws the first write error. */
  async close(): Promise<void> {
    if (this.batch.length) this.send();
    while (this.sent.size && !this.error) await this.oldest();
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
    if (this.error) throw this.error;
  }

  private send(): void {
    const id = this.nextId++;
    const files = this.batch;
    const bytes = this.batchBytes;
    this.batch = [];
    this.batchBytes = 0;
    this.sent.set(id, { bytes, ...Promise.withResolvers<void>() });
    this.pendingBytes += bytes;
    this.maxPending = Math.max(this.maxPending, this.pendingBytes);
    // The bytes move to the thread rather than being copied.
    this.worker!.postMessage({ id, dir: this.dir, files } satisfies WriteBatch, files.map(([, b]) => b.buffer as ArrayBuffer));
  }

  private oldest(): Promise<void> {
    const [first] = this.sent.values();
    return first?.promise ?? Promise.resolve();
  }

  private answered({ id, error }: WriteReply): void {
    const batch = this.sent.get(id);
    if (!batch) return;
    this.sent.delete(id);
    this.pendingBytes -= batch.bytes;
    if (error) this.fail(new Error(error));
    batch.resolve();
  }

  private fail(err: Error): void {
    this.error ??= err;
    for (const batch of this.sent.values()) batch.resolve();
    this.sent.clear();
  }
}
