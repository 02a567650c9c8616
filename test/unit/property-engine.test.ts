// Property: random frontmatter and Markdown never make the engine throw or hang; every diagnostic lies inside its file,
// every note gets a body, and no script, event handler or script URL survives into it.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

// A fixed seed keeps CI repeatable; FC_SEED / FC_RUNS explore further (`FC_SEED=$RANDOM FC_RUNS=2000 npx vitest run ...`).
const SEED = Number(process.env.FC_SEED ?? 20191007);
const RUNS = Number(process.env.FC_RUNS ?? 300);
// A hang guard for the whole run, far above what it takes (a few seconds).
const LIMIT = 120_000;

interface Outcome { failed: boolean; numRuns: number; seed: number; counterexample?: string; error?: string }

function runProperty(): Promise<Outcome | 'timed-out'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../hostile/property-worker.ts', import.meta.url), { workerData: { numRuns: RUNS, seed: SEED }, resourceLimits: { stackSizeMb: 0.95 } });
    const timer = setTimeout(() => { void worker.terminate(); resolve('timed-out'); }, LIMIT);
    worker.once('message', (m) => { clearTimeout(timer); void worker.terminate(); resolve(m); });
    worker.once('error', (err) => { clearTimeout(timer); reject(err); });
  });
}

describe('engine property', () => {
  it(`returns for any notes, with positions inside the files and safe HTML (seed ${SEED}, ${RUNS} runs)`, async () => {
    const outcome = await runProperty();
    expect(outcome).not.toBe('timed-out');
    const o = outcome as Outcome;
    expect(o.failed, `seed ${o.seed}: ${o.error}\ncounterexample: ${o.counterexample}`).toBe(false);
    expect(o.numRuns).toBe(RUNS);
  }, LIMIT + 10_000);
});
