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

/** Resolves once the page has gone `quietMs` without reloading (one save can reload it a few times within a second). */
async function settled(page: Page, quietMs: number): Promise<void> {
  let last = Date.now();
  const onNavigation = () => { last = Date.now(); };
  page.on('framenavigated', onNavigation);
  try {
    while (Date.now() - last < quietMs) await page.waitForTimeout(100);
    await page.waitForLoadState('load');
  } finally {
    page.off('framenavigated', onNavigation);
  }
}

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
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
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
    await settled(page, 1000);
    await banner.waitFor();
    await screenshot(page, 'dev-diagnostics');
    writeFileSync(FILE, original);
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.title()).toContain('Hikvision');
  });

  it('updates the pages that link to a note, and the graph data, when its title changes', async () => {
    const other = await browser.newPage();
    await other.goto(`http://127.0.0.1:${PORT}/entity/us-department-of-commerce/`);
    writeFileSync(FILE, original.replace(/^title: .*$/m, 'title: Hikvision (renamed while open)'));
    await other.waitForFunction(() => document.querySelector('.entity')?.textContent?.includes('Hikvision (renamed while open)'), null, { timeout: 30_000 });
    const graph = await (await fetch(`http://127.0.0.1:${PORT}/graph.json`)).text();
    expect(graph).toContain('Hikvision (renamed while open)');
    await other.close();
    writeFileSync(FILE, original);
  });

  it('serves an image added to the vault, and the note that embeds it shows it', async () => {
    cpSync('test/fixtures/obsidian-vault/assets/chart 2019.png', join(NOTES, 'organizations/chart.png'));
    writeFileSync(FILE, original.replace(/\n---\n/, '\n---\n![[chart.png|Chart]]\n\n'));
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.entity-body img[alt="Chart"]');
      return !!img && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 30_000 });
    writeFileSync(FILE, original);
  });

  it('stops cleanly on SIGTERM: exits at once (143 = terminated by the signal, as asked), port closed, no error logged', async () => {
    const t0 = Date.now();
    server.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => server.once('exit', (c, signal) => resolve(c ?? (signal === 'SIGTERM' ? 143 : -1))));
    expect([0, 143]).toContain(code);
    expect(Date.now() - t0).toBeLessThan(10_000);
    await expect(fetch(URL)).rejects.toThrow();
    expect(log).not.toMatch(/\berror\b.*\n\s+at /i);
  });
});
