// A worker thread asked one thing at a time: each request gets the reply, or undefined once the worker has failed.
import { Worker } from 'node:worker_threads';

export class WorkerThread<Request, Reply> {
  private worker: Worker;
  private failed = false;
  private waiting?: (reply: Reply | undefined) => void;

  /** `file`: an absolute path (this module may run from Vite's bundle, where relative URLs point elsewhere). */
  constructor(file: string) {
    this.worker = new Worker(file);
    this.worker.on('message', (reply: Reply) => this.answer(reply));
    // A crash, an exit or a reply that cannot be read: the caller does the work itself, nothing waits forever.
    this.worker.on('error', () => this.fail());
    this.worker.on('messageerror', () => this.fail());
    this.worker.on('exit', () => this.fail());
  }

  request(message: Request): Promise<Reply | undefined> {
    if (this.failed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting = resolve;
      try {
        this.worker.postMessage(message);
      } catch {
        this.fail(); // data that cannot be cloned
      }
    });
  }

  /** Ends the thread (idempotent): a finished build must not keep the process alive. */
  close(): void {
    void this.worker.terminate();
    this.fail();
  }

  private answer(reply: Reply | undefined): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(reply);
  }

  private fail(): void {
    this.failed = true;
    this.answer(undefined);
  }
}
