// The dev server as a writer uses it: a saved note shows in the open browser tab by itself (live reload), a mistake
// shows at the top of the page with its file:line:column, and fixing it clears it.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot } from './browser.ts';

const NOTES = join(tmpdir(), `kg-dev-test-${process.pid}`);
const PORT = 4470 + (process.pid % 100);
const URL = `http://127.0.0.1:${PORT}/entity/hikvision/`;
const FILE = join(NOTES, 'organizations/Hikvision.md');
let server: ChildProcess;
let log = '';
let browser: Browser;
let page: Page;
let original: string;

async function serving(url: string, limitMs: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      log += `\n[test] ${url}: HTTP ${res.status}\n`;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`dev server did not answer ${url}:\n${log.slice(-2000)}`);
}

beforeAll(async () => {
  // A copy of the notes outside the project: the test edits it.
  rmSync(NOTES, { recursive: true, force: true });
  cpSync('content', NOTES, { recursive: true });
  original = readFileSync(FILE, 'utf8');
  // Not the test runner's environment (NODE_ENV=test, Vite's MODE/BASE_URL/DEV/PROD/SSR, the other browser tests'
  // build folder): a writer's.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|MODE|BASE_URL|DEV|PROD|SSR|TEST|VITEST.*|KG_.*)$/.test(k)));
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    env: { ...env, KG_CONTENT_DIR: NOTES, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => { log += d; });
  server.stderr!.on('data', (d) => { log += d; });
  await serving(URL, 120_000);
  browser = await launch();
  page = await browser.newPage();
  await page.goto(URL);
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(NOTES, { recursive: true, force: true });
});

describe('dev server', () => {
  it('shows a saved edit in the open tab without a manual reload', async () => {
    writeFileSync(FILE, original.replace(/\n---\n/, '\n---\nA sentence saved while the page was open.\n\n'));
    await page.waitForFunction(() => document.querySelector('.entity-body')?.textContent?.includes('A sentence saved while the page was open.'), null, { timeout: 30_000 });
  });

  it('shows a mistake at the top of the page with where it is, and clears it when fixed', async () => {
    writeFileSync(FILE, original.replace(/^type: organization$/m, 'type: organisation'));
    const banner = page.locator('.dev-diagnostics');
    await banner.waitFor({ timeout: 30_000 });
    const text = await banner.textContent();
    expect(text).toMatch(/organizations\/Hikvision\.md:\d+:\d+/);
    expect(text).toContain('organisation');
    expect(text).toMatch(/did you mean.*organization/i);
    await screenshot(page, 'dev-diagnostics');
    writeFileSync(FILE, original);
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.title()).toContain('Hikvision');
  });
});
