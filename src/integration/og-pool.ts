// A small pool of child processes (og-worker.ts) that turn card SVGs into PNGs off the build's process, in order of
// request. Processes, not worker threads: resvg-js keeps native memory after each render (thx/resvg-js#216, several
// MB a card) that only the end of a process gives back, so each child exits once it has had nothing to do for a while.
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism, setPriority } from 'node:os';
import { workerScript } from './worker-script.ts';

export interface RenderOptions { fitTo: { mode: 'width'; value: number }; font: Record<string, unknown>; logLevel: 'off' }

interface Job { svg: string; options: RenderOptions; resolve: (png: Uint8Array) => void; reject: (e: Error) => void }

/** Niceness of the drawing processes (0 is normal, 19 the lowest). */
const DRAWING_NICE = 10;
/**
 * resvg-js allocates with mimalloc, which hands freed memory back to the system 10 ms later; the next card (3 MB of
 * pixels and more) then faults it all in again: 1,000-2,000 page faults a card, most of its system time, which on this
 * virtual machine was as much as its drawing time. Drawing processes keep their memory instead and give it all back
 * when they exit (measured, 200 cards in one process: 217,087 -> 50,677 page faults, 4.7 -> 3.4 s system time).
 */
const DRAWING_ENV = { MIMALLOC_PURGE_DELAY: '-1' };
/** How long a child waits for another card before it exits and frees its memory. */
export const IDLE_MS = 1000;

/**
 * Cards sent to a child before its current one is back. The build's event loop runs in slices (it writes the note
 * pages synchronously, view-files.ts); with one card in flight a child waited up to a slice for its next card after
 * each one, and 500 cards took 32 s of which the children drew for a quarter. With the next card already in its
 * channel a child goes straight on.
 */
export const IN_FLIGHT = 3;

/** One drawing process per core, up to four. */
export const DRAWING_PROCESSES = Math.max(1, Math.min(4, availableParallelism()));

export class OgPool {
  /** Each child's cards in the order sent; the first is the one it is drawing (it answers in order). */
  private sent = new Map<ChildProcess, Job[]>();
  private queue: Job[] = [];
  private timers = new Map<ChildProcess, NodeJS.Timeout>();

  private root: string;
  private size: number;
  private idleMs: number;

  /**
   * `root` is the project folder, where the worker script is. One child per core: while pages render they share the
   * cores with the build, and on small sites, where the cards are most of the work, they have them to themselves.
   */
  constructor(root: string, size = DRAWING_PROCESSES, idleMs = IDLE_MS) {
    this.root = root;
    this.size = size;
    this.idleMs = idleMs;
  }

  /** The drawing processes in the pool now (idle ones leave after `idleMs`). */
  get processes(): ChildProcess[] {
    return [...this.sent.keys()];
  }

  /** How many cards each process has been sent and not answered yet (in the order of `processes`). */
  get inFlight(): number[] {
    return [...this.sent.values()].map((jobs) => jobs.length);
  }

  render(svg: string, options: RenderOptions): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ svg, options, resolve, reject });
      this.pump();
    });
  }

  /**
   * Children with nothing to draw leave now rather than after `idleMs` (the build is done with cards); resolves once
   * they have exited, their memory with them.
   */
  release(): Promise<void> {
    const leaving = [...this.sent].filter(([, jobs]) => !jobs.length).map(([child]) => child);
    const exited = leaving.map((child) => child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve())));
    // Idle children are unref'd; waiting on an unref'd child alone would let Node end the build right here, exit code 0.
    for (const child of leaving) {
      child.ref();
      this.retire(child);
    }
    return Promise.all(exited).then(() => {});
  }

  private spawn(): ChildProcess {
    // 'advanced' serialization sends the PNG bytes as bytes, not as JSON. What the child prints on stderr goes into
    // the error of the card it fails, not into the build's log.
    const child = fork(workerScript('og-worker.ts', this.root), [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, ...DRAWING_ENV } });
    // Below the build's own threads: the pages are the build's critical path, and on two cores the cards otherwise take
    // CPU from the page thread's helpers (garbage collection, file writes). Cards still get every core the build leaves.
    try { setPriority(child.pid!, DRAWING_NICE); } catch { /* not permitted here: the cards just compete */ }
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (text: string) => { if (stderr.length < 4000) stderr += text; });
    child.on('message', (msg: { png?: Uint8Array; error?: string }) => {
      const job = this.sent.get(child)?.shift();
      if (!job) return;
      if (msg.png) job.resolve(msg.png);
      else job.reject(new Error(`preview image: ${msg.error}`));
      this.pump();
    });
    // A child that dies fails the card it was drawing; the cards sent after it go to the others (or a new child).
    const gone = (error?: Error) => {
      const jobs = this.sent.get(child);
      if (!jobs) return;
      this.sent.delete(child);
      clearTimeout(this.timers.get(child));
      this.timers.delete(child);
      const said = error?.message ?? stderr.split('\n').find((line) => /\S/.test(line) && !/^\s+at /.test(line))?.trim();
      jobs.shift()?.reject(new Error(`preview image: the drawing process ended (exit ${child.exitCode ?? child.signalCode})${said ? `: ${said}` : ''}`));
      this.queue.unshift(...jobs);
      this.pump();
    };
    child.on('error', gone);
    child.on('exit', () => gone());
    this.sent.set(child, []);
    return child;
  }

  /** An idle child leaves the pool before its channel closes, so no card is sent down a closing channel. */
  private retire(child: ChildProcess): void {
    if (this.sent.get(child)?.length !== 0) return;
    this.sent.delete(child);
    clearTimeout(this.timers.get(child));
    this.timers.delete(child);
    child.disconnect();
  }

  /** The child to send the next card to: the least loaded one, or a new one while all have cards and there is room. */
  private next(): ChildProcess | undefined {
    let best: ChildProcess | undefined;
    for (const [child, jobs] of this.sent) if (!best || jobs.length < this.sent.get(best)!.length) best = child;
    const load = best ? this.sent.get(best)!.length : Infinity;
    if (load > 0 && this.sent.size < this.size) return this.spawn();
    return load < IN_FLIGHT ? best : undefined;
  }

  private pump(): void {
    while (this.queue.length) {
      const child = this.next();
      if (!child) break;
      clearTimeout(this.timers.get(child));
      const job = this.queue.shift()!;
      this.sent.get(child)!.push(job);
      child.ref();
      child.channel?.ref();
      child.send({ svg: job.svg, options: job.options });
    }
    for (const [child, jobs] of this.sent) {
      if (jobs.length) continue;
      // Idle children must not keep the build alive, and leave after `idleMs` without work.
      child.unref();
      child.channel?.unref();
      clearTimeout(this.timers.get(child));
      this.timers.set(child, setTimeout(() => this.retire(child), this.idleMs).unref());
    }
  }
}
