// Runs the real `astro build` of this project on another content folder (tests that need their own site), and
// returns its exit code, its whole output and how long it took; never throws.
import { execFile } from 'node:child_process';

export interface AstroBuild { code: number; output: string; ms: number }

/** `env` adds to this process's environment (KG_CONTENT_DIR, KG_OUT_DIR, …); the build is stopped after `limitMs`. */
export function astroBuild(env: Record<string, string>, limitMs: number): Promise<AstroBuild> {
  const t0 = performance.now();
  return new Promise((done) => {
    execFile('npx', ['astro', 'build'], { env: { ...process.env, ...env }, timeout: limitMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, output: stdout + stderr, ms: performance.now() - t0 });
    });
  });
}
