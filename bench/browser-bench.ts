// Browser part of the bench: the network view of a built site in headless Debian Chromium (software WebGL):
// time to first graph frame after navigation, then frame times (requestAnimationFrame deltas) during a scripted
// pan-and-zoom of the sigma camera, and during a mouse drag and wheel zoom.
// CLI: `npx node bench/browser-bench.ts <dist dir>`
import type { Page } from 'playwright-core';
import { launch } from '../test/browser/browser.ts';
import { serveDir } from '../test/browser/static-server.ts';

/** Frame times are whole vsyncs (16.7, 33.3 ms …): the mean tells a 17/33 mix that the median rounds to one side. */
export interface FrameStats { frames: number; medianMs: number; meanMs: number; p95Ms: number; maxMs: number }
export interface BrowserResult {
  url: string;
  /** performance.mark('kg:first-frame') set by the network view after sigma's first render, ms since navigation. */
  firstFrameMs?: number;
  /** Same, measured from outside: first non-blank canvas pixels (fallback when the view sets no mark). */
  firstPixelsMs?: number;
  /** The next animation frame after the first render: the frame is on screen. */
  firstPaintMs?: number;
  /** performance.mark('kg:edges'): big graphs draw their nodes first and the edges a frame or two later. */
  edgesMs?: number;
  domContentLoadedMs?: number;
  htmlBytes?: number;
  camera?: FrameStats;
  mouse?: FrameStats;
  error?: string;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
function stats(deltas: number[]): FrameStats {
  const s = [...deltas].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 10) / 10;
  return { frames: s.length, medianMs: r(quantile(s, 0.5)), meanMs: r(s.reduce((a, b) => a + b, 0) / s.length), p95Ms: r(quantile(s, 0.95)), maxMs: r(s[s.length - 1] ?? NaN) };
}

/** Starts recording rAF deltas in the page; the returned function stops and returns them. */
async function recordFrames(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __kgFrames: number[]; __kgRec: boolean };
    w.__kgFrames = [];
    w.__kgRec = true;
    let last = performance.now();
    const tick = (t: number) => { if (!w.__kgRec) return; w.__kgFrames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  });
  return () => page.evaluate(() => {
    const w = window as unknown as { __kgFrames: number[]; __kgRec: boolean };
    w.__kgRec = false;
    return w.__kgFrames;
  });
}

/** Camera script: zoom in, pan around, zoom out, over about four seconds, via sigma's own camera animation. */
async function cameraScript(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const root = document.querySelector('[data-network]') as (HTMLElement & { kgView?: { sigma: { getCamera(): { animate(s: object, o: object): Promise<void> } } } }) | null;
    const camera = root?.kgView?.sigma.getCamera();
    if (!camera) throw new Error('no kgView on [data-network]');
    const steps = [
      { x: 0.5, y: 0.5, ratio: 0.35 }, { x: 0.62, y: 0.45, ratio: 0.35 }, { x: 0.4, y: 0.6, ratio: 0.2 },
      { x: 0.5, y: 0.5, ratio: 1 }, { x: 0.45, y: 0.55, ratio: 1.4 },
    ];
    for (const s of steps) await camera.animate(s, { duration: 800 });
  });
}

/** Mouse script: drag the stage around, then wheel-zoom in and out. */
async function mouseScript(page: Page): Promise<void> {
  const box = await page.locator('[data-network] canvas').first().boundingBox();
  if (!box) throw new Error('no canvas');
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  // Bounded in time as well as in steps: when frames take a second each, every event waits for one.
  const until = performance.now() + 6000;
  for (let i = 0; i <= 24 && performance.now() < until; i++) await page.mouse.move(cx + 150 * Math.sin(i / 4), cy + 100 * Math.cos(i / 4));
  await page.mouse.up();
  for (let i = 0; i < 6 && performance.now() < until + 3000; i++) { await page.mouse.wheel(0, i < 3 ? -120 : 120); await page.waitForTimeout(80); }
  await page.waitForTimeout(300);
}

export async function benchNetworkView(distDir: string, screenshotPath?: string): Promise<BrowserResult> {
  const { server, url } = await serveDir(distDir);
  const browser = await launch();
  const result: BrowserResult = { url: `${url}/graph/` };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Poll for painted pixels from inside the page, independent of any mark the view sets.
    await page.addInitScript(() => {
      const w = window as unknown as { __kgPixels?: number };
      const poll = () => {
        for (const c of document.querySelectorAll('[data-network] canvas')) {
          const canvas = c as HTMLCanvasElement;
          if (!canvas.width) continue;
          try {
            const probe = document.createElement('canvas');
            probe.width = 64; probe.height = 64;
            const ctx = probe.getContext('2d')!;
            ctx.drawImage(canvas, 0, 0, 64, 64);
            const data = ctx.getImageData(0, 0, 64, 64).data;
            for (let i = 3; i < data.length; i += 4) if (data[i] > 0) { w.__kgPixels = performance.now(); return; }
          } catch { /* not drawable yet */ }
        }
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    const response = await page.goto(result.url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    result.htmlBytes = (await response?.body())?.length;
    await page.waitForSelector('[data-network][data-ready="true"]', { timeout: 120_000 });
    // Graphs drawn progressively: the frame times below are for the complete view.
    await page.waitForFunction(() => performance.getEntriesByName('kg:edges').length > 0, undefined, { timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    Object.assign(result, await page.evaluate(() => {
      const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const r = (v: number | undefined) => (v === undefined ? undefined : Math.round(v));
      return {
        firstFrameMs: r(mark('kg:first-frame')), firstPaintMs: r(mark('kg:first-paint')), edgesMs: r(mark('kg:edges')),
        firstPixelsMs: r((window as unknown as { __kgPixels?: number }).__kgPixels), domContentLoadedMs: r(nav?.domContentLoadedEventEnd),
      };
    }));
    if (screenshotPath) await page.screenshot({ path: screenshotPath });
    let stop = await recordFrames(page);
    await cameraScript(page);
    result.camera = stats(await stop());
    stop = await recordFrames(page);
    await mouseScript(page);
    result.mouse = stats(await stop());
  } catch (err) {
    result.error = (err as Error).message.split('\n')[0];
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.close(() => r()));
  }
  return result;
}

if (import.meta.main) {
  const [dir = 'dist', shot] = process.argv.slice(2);
  console.log(JSON.stringify(await benchNetworkView(dir, shot), null, 2));
}
