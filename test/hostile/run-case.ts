// Runs one corpus case in a worker with a time limit; a hang or a crash is a result, not a stuck test run.
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../src/kg/types.ts';
import type { CorpusFile } from './corpus.ts';

export interface CaseResult {
  outcome: 'built' | 'crashed' | 'timed-out';
  error?: string;
  ms: number;
  diagnostics: Diagnostic[];
  errors: number;
  notes: Array<{ id: string; file: string; title: string; type: string }>;
  html: Record<string, string>;
  edges: string[];
}

// The main thread's default stack (about 1 MB): a worker's default (4 MB) would hide stack overflows.
const STACK_MB = 0.95;

export function buildCase(files: CorpusFile[], timeoutMs: number): Promise<CaseResult> {
  const empty = { ms: timeoutMs, diagnostics: [], errors: 0, notes: [], html: {}, edges: [] };
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./build-worker.ts', import.meta.url), { workerData: { files }, resourceLimits: { stackSizeMb: STACK_MB } });
    const timer = setTimeout(() => { void worker.terminate(); resolve({ outcome: 'timed-out', ...empty }); }, timeoutMs);
    worker.once('message', (m) => { clearTimeout(timer); void worker.terminate(); resolve({ outcome: 'built', ...m }); });
    worker.once('error', (err: Error) => { clearTimeout(timer); resolve({ outcome: 'crashed', error: err.stack ?? String(err), ...empty }); });
  });
}
