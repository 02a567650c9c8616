// A small pool of worker threads (og-worker.ts) that turn card SVGs into PNGs off the main thread, in order of request.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface RenderOptions { fitTo: { mode: 'width'; value: number }; font: Record<string, unknown>; logLevel: 'off' }

interface Job { svg: string; options: RenderOptions; resolve: (png: Uint8Array) => void; reject: (e: Error) => void }

export class OgPool {
  private idle: Worker[] = [];
  private busy = new Map<Worker, Job>();
  private queue: Job[] = [];
  private workers: Worker[] = [];

  private root: string;
  private size: number;

  /**
   * `root` is the project folder, where the worker script is. One worker per core: while pages render they share the
   * cores with the main thread, and on small sites, where the cards are most of the work, they have them to themselves.
   */
  constructor(root: string, size = Math.max(1, Math.min(4, availableParallelism()))) {
    this.root = root;
    this.size = size;
  }

  render(svg: string, options: RenderOptions): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ svg, options, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Worker {
    // By path from the project root: this module may run from Vite's bundle, where relative URLs point elsewhere.
    const worker = new Worker(join(this.root, 'src/integration/og-worker.ts'));
    worker.on('message', (msg: { png?: Uint8Array; error?: string }) => {
      const job = this.busy.get(worker)!;
      this.busy.delete(worker);
      this.idle.push(worker);
      if (msg.png) job.resolve(msg.png);
      else job.reject(new Error(`preview image: ${msg.error}`));
      this.pump();
    });
    worker.on('error', (error) => {
      // A crashed worker fails its job and is replaced on demand; the others go on.
      this.busy.get(worker)?.reject(error as Error);
      this.busy.delete(worker);
      this.workers = this.workers.filter((w) => w !== worker);
      this.idle = this.idle.filter((w) => w !== worker);
      this.pump();
    });
    this.workers.push(worker);
    return worker;
  }

  private pump(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.workers.length < this.size ? this.spawn() : undefined);
      if (!worker) break;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage({ svg: job.svg, options: job.options });
    }
    // Idle workers must not keep the process alive once the build is done.
    for (const w of this.idle) w.unref();
  }
}
