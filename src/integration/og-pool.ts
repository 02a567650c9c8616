// A small pool of child processes (og-process.ts) that turn card SVGs into PNGs off the calling thread, in order of
// request. Each process is replaced after RENDERS_PER_PROCESS cards, which bounds the memory resvg-js keeps.
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface RenderOptions { fitTo: { mode: 'width'; value: number }; font: Record<string, unknown>; logLevel: 'off' }

interface Job { svg: string; options: RenderOptions; resolve: (png: Uint8Array) => void; reject: (e: Error) => void }

/** About 150 MB of resvg's kept memory per process before it is replaced; starting one costs about 100 ms. */
const RENDERS_PER_PROCESS = 25;

export class OgPool {
  private idle: ChildProcess[] = [];
  private busy = new Map<ChildProcess, Job>();
  private queue: Job[] = [];
  private renders = new Map<ChildProcess, number>();

  private script: string;
  private size: number;

  /** `script` is og-process.ts's path (this module may run from Vite's bundle, where relative URLs point elsewhere). */
  constructor(script: string, size = Math.max(1, Math.min(4, availableParallelism()))) {
    this.script = script;
    this.size = size;
  }

  render(svg: string, options: RenderOptions): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ svg, options, resolve, reject });
      this.pump();
    });
  }

  private spawn(): ChildProcess {
    // Advanced serialisation: the PNG bytes travel as bytes, not as JSON.
    const child = fork(this.script, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.renders.set(child, 0);
    child.on('message', (msg: { png?: Uint8Array; error?: string }) => {
      const job = this.busy.get(child);
      if (!job) return;
      this.busy.delete(child);
      if (msg.png) job.resolve(new Uint8Array(msg.png));
      else job.reject(new Error(`preview image: ${msg.error}`));
      if (this.renders.get(child)! >= RENDERS_PER_PROCESS) this.retire(child);
      else this.idle.push(child);
      this.pump();
    });
    child.on('exit', (code) => {
      // A crashed process fails its job; the others go on, and a new process is started on demand.
      this.busy.get(child)?.reject(new Error(`preview image: the drawing process stopped (exit code ${code})`));
      this.busy.delete(child);
      this.retire(child);
      this.pump();
    });
    return child;
  }

  private retire(child: ChildProcess): void {
    this.renders.delete(child);
    this.idle = this.idle.filter((c) => c !== child);
    if (child.connected) child.disconnect();
  }

  private pump(): void {
    while (this.queue.length) {
      const child = this.idle.pop() ?? (this.renders.size < this.size ? this.spawn() : undefined);
      if (!child) break;
      const job = this.queue.shift()!;
      this.busy.set(child, job);
      this.renders.set(child, this.renders.get(child)! + 1);
      child.ref();
      child.send({ svg: job.svg, options: job.options });
    }
    // Idle processes must not keep the build alive once it is done.
    for (const c of this.idle) { c.unref(); (c as unknown as { channel?: { unref(): void } }).channel?.unref(); }
  }
}
