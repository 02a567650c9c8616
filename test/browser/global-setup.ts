// Browser tests: build the demo site once (unless KG_SKIP_BUILD=1 and dist/ exists), serve dist/ on a local port.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveDir } from './static-server.ts';

export default async function setup(project: TestProject) {
  if (!(process.env.KG_SKIP_BUILD && existsSync('dist/index.html'))) {
    execFileSync('npx', ['astro', 'build'], { stdio: 'inherit' });
  }
  const { server, url } = await serveDir('dist');
  project.provide('baseUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}
