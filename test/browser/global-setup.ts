// Browser tests: build the demo site once (unless KG_SKIP_BUILD=1 and it is built), serve it on a local port.
// KG_OUT_DIR builds and serves another folder than dist/ (so several builds can run side by side).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveDir } from './static-server.ts';

export default async function setup(project: TestProject) {
  const out = process.env.KG_OUT_DIR ?? 'dist';
  if (!(process.env.KG_SKIP_BUILD && existsSync(`${out}/index.html`))) {
    execFileSync('npx', ['astro', 'build'], { stdio: 'inherit' });
  }
  const { server, url } = await serveDir(out);
  project.provide('baseUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}
