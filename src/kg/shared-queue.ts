// Indices 0..n-1 shared by threads through one atomic counter: each thread takes the next chunk until none is left,
// so a thread that started late or runs slower simply takes fewer.
export const CHUNK = 16;

export function newCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Calls `work` for every index this thread claims; returns the milliseconds spent. */
export function takeChunks(counter: Int32Array, n: number, work: (index: number) => void): number {
  const t0 = performance.now();
  for (let start = Atomics.add(counter, 0, CHUNK); start < n; start = Atomics.add(counter, 0, CHUNK)) {
    for (let i = start; i < Math.min(n, start + CHUNK); i++) work(i);
  }
  return performance.now() - t0;
}
