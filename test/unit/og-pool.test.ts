// The preview-card pool: cards come back as PNGs from child processes, which leave once idle (freeing resvg's native
// memory) and whose death fails only their own card.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { IDLE_MS, IN_FLIGHT, OgPool, type RenderOptions } from '../../src/integration/og-pool.ts';

const options: RenderOptions = { fitTo: { mode: 'width', value: 120 }, font: { loadSystemFonts: false }, logLevel: 'off' };
const svg = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><rect width="60" height="30" fill="${fill}"/></svg>`;
const isPng = (png: Uint8Array) => Buffer.from(png.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe('preview card pool', () => {
  it('draws cards in child processes, which exit after a second without work', async () => {
    const pool = new OgPool(process.cwd(), 2);
    const pngs = await Promise.all(['#ff0000', '#00ff00', '#0000ff'].map((c) => pool.render(svg(c), options)));
    expect(pngs.every(isPng)).toBe(true);
    expect(new Set(pngs.map((p) => Buffer.from(p).toString('base64'))).size).toBe(3);
    const pids = pool.processes.map((c) => c.pid);
    expect(pids.length).toBe(2);
    // Below the build's own priority (field 19 of /proc/<pid>/stat is the niceness), so cards never slow the pages.
    const nice = (pid: number) => { const stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]); };
    expect(pids.map((pid) => nice(pid!))).toEqual([10, 10]);
    // And keep the memory they free (resvg's allocator would return it at once, and every card faulted it back in).
    expect(pids.map((pid) => readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes('MIMALLOC_PURGE_DELAY=-1'))).toEqual([true, true]);
    // They leave after IDLE_MS without work (later when the machine is busy), not before.
    await sleep(IDLE_MS / 2);
    expect(pool.processes.length).toBe(2);
    await expect.poll(() => pool.processes.length, { timeout: 15_000, interval: 100 }).toBe(0);
    const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    await expect.poll(() => pids.filter((pid) => alive(pid!)), { timeout: 15_000, interval: 100 }).toEqual([]);
    // And it starts again when asked.
    expect(isPng(await pool.render(svg('#000000'), options))).toBe(true);
  });

  it('a card asked for just as an idle process leaves is drawn by a new one', async () => {
    // CI once failed here: the idle timer had closed a child's channel and the next card was sent down it.
    const pool = new OgPool(process.cwd(), 1, 50);
    await pool.render(svg('#111111'), options);
    for (let wait = 40; wait <= 90; wait += 2) {
      await sleep(wait);
      expect(isPng(await pool.render(svg('#222222'), options)), `after ${wait} ms`).toBe(true);
    }
  });

  it('a drawing process that dies fails its card only; the next card is drawn', async () => {
    const pool = new OgPool(process.cwd(), 1);
    await pool.render(svg('#123456'), options);
    // Killed, and given a card before the pool hears of it.
    pool.processes[0].kill('SIGKILL');
    const pending = pool.render(svg('#654321'), options);
    await expect(pending).rejects.toThrow(/drawing process ended/);
    expect(isPng(await pool.render(svg('#abcdef'), options))).toBe(true);
  });

  it('cards sent behind the one a dying process was drawing are drawn by another', async () => {
    // A child has up to IN_FLIGHT cards in its channel, so it never waits for the build's event loop between two.
    const pool = new OgPool(process.cwd(), 1);
    await pool.render(svg('#123456'), options);
    pool.processes[0].kill('SIGKILL');
    const pending = Array.from({ length: IN_FLIGHT }, (_, i) => pool.render(svg(`#00000${i}`), options));
    const settled = await Promise.allSettled(pending);
    expect(settled.map((s) => s.status)).toEqual(['rejected', ...Array(IN_FLIGHT - 1).fill('fulfilled')]);
    expect(settled.slice(1).every((s) => s.status === 'fulfilled' && isPng(s.value))).toBe(true);
    expect(pool.processes.length).toBe(1);
  });

  it('sends a process its next cards before the current one is back, and release() lets idle ones go at once', async () => {
    const pool = new OgPool(process.cwd(), 1, 60_000);
    const cards = Array.from({ length: 2 * IN_FLIGHT }, (_, i) => pool.render(svg(`#1${i}1${i}1${i}`), options));
    // Before any card is back, IN_FLIGHT are in the one child's channel; the rest wait in the pool.
    expect(pool.inFlight).toEqual([IN_FLIGHT]);
    await cards[0];
    expect(pool.inFlight).toEqual([IN_FLIGHT]);
    expect((await Promise.all(cards)).every(isPng)).toBe(true);
    expect(pool.inFlight).toEqual([0]);
    const [child] = pool.processes;
    const released = pool.release();
    expect(pool.processes.length).toBe(0);
    await released;
    expect(child.exitCode ?? child.signalCode).not.toBe(null);
  });
});

describe('preview card pool, in a process of its own', () => {
  it('keeps the process alive while release() waits for the drawing processes to exit', () => {
    // Idle children are unref'd so they never hold a build open; a build awaiting release() must still go on (a
    // 1k-note build once ended right there with exit code 0 and half its files).
    const pool = new URL('../../src/integration/og-pool.ts', import.meta.url).href;
    const script = `
      const { OgPool } = await import(${JSON.stringify(pool)});
      const pool = new OgPool(process.cwd(), 2);
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>';
      const options = { fitTo: { mode: 'width', value: 8 }, font: { loadSystemFonts: false }, logLevel: 'off' };
      await Promise.all([pool.render(svg, options), pool.render(svg, options)]);
      await new Promise((resolve) => setImmediate(resolve));
      await pool.release();
      console.log('released', pool.processes.length);`;
    // A file, not \`node -e\`: the drawing processes are forked with this process's flags, and -e would run again in them.
    const file = join(mkdtempSync(join(tmpdir(), 'kg-og-release-')), 'release.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('released 0');
    expect(run.status).toBe(0);
  });
});
