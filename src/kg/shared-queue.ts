// Indices 0..n-1 shared by threads through an atomic counter: each thread takes the next chunk until none is left,
// so a thread that started late or runs slower simply takes fewer.

/** Files parsed per claim (about 20 ms of work), and notes rendered per claim. */
export const PARSE_CHUNK = 16;
export const RENDER_CHUNK = 4;

/** `slots` counters, one per queue, that threads share (post the array to a worker; it stays shared). */
export function newCounters(slots = 1): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * slots));
}

/** Calls `work` for every index this thread takes from queue `slot`; returns the milliseconds spent. */
export function takeChunks(counters: Int32Array, slot: number, n: number, chunk: number, work: (index: number) => void): number {
  const t0 = performance.now();
  for (let start = Atomics.add(counters, slot, chunk); start < n; start = Atomics.add(counters, slot, chunk)) {
    for (let i = start; i < Math.min(n, start + chunk); i++) work(i);
  }
  return performance.now() - t0;
}
