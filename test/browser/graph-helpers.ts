// Helpers for graph view browser tests: pixels actually drawn on a canvas, node positions on screen, clicking a node.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { watchErrors } from './browser.ts';

/** Opens the network view at `origin` and waits until it is ready; console errors are collected for the test. */
export async function openNetwork(ctx: BrowserContext, origin: string, hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(`${origin}/graph/${hash}`);
  await page.waitForSelector('[data-network][data-ready]');
  return { page, errors };
}

/**
 * Counts pixels of an element's screenshot that differ clearly from its dominant (background) colour, and the number
 * of distinct colours among them. WebGL canvases cannot be read back from the page, so the screenshot is decoded in a
 * blank page of the same browser.
 */
export async function drawnPixels(context: BrowserContext, target: Locator): Promise<{ drawn: number; colours: number; total: number }> {
  const png = (await target.screenshot()).toString('base64');
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      const counts = new Map<number, number>();
      for (let i = 0; i < px.length; i += 4) {
        const key = ((px[i] >> 3) << 10) | ((px[i + 1] >> 3) << 5) | (px[i + 2] >> 3);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const bg = [...counts].sort((a, b) => b[1] - a[1])[0][0];
      const [br, bgG, bb] = [(bg >> 10) << 3, ((bg >> 5) & 31) << 3, (bg & 31) << 3];
      let drawn = 0;
      const colours = new Set<number>();
      for (let i = 0; i < px.length; i += 4) {
        if (Math.abs(px[i] - br) + Math.abs(px[i + 1] - bgG) + Math.abs(px[i + 2] - bb) > 60) {
          drawn++;
          colours.add(((px[i] >> 4) << 8) | ((px[i + 1] >> 4) << 4) | (px[i + 2] >> 4));
        }
      }
      return { drawn, colours: colours.size, total: px.length / 4 };
    }, png);
  } finally {
    await blank.close();
  }
}

/** Page coordinates of a node of the live view attached to `host` (a figure or the network root, property `kgView`). */
export async function nodePoint(page: Page, hostSelector: string, node: string): Promise<{ x: number; y: number }> {
  return page.evaluate(([sel, id]) => {
    const host = document.querySelector(sel) as HTMLElement & { kgView?: any };
    const view = host?.kgView;
    if (!view) throw new Error(`no live view on ${sel}`);
    const p = view.sigma.graphToViewport(view.graph.getNodeAttributes(id));
    const rect = (view.surface as HTMLElement).getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, [hostSelector, node] as const);
}

/** Camera state of a live view. */
export function cameraOf(page: Page, hostSelector: string): Promise<{ x: number; y: number; ratio: number }> {
  return page.evaluate((sel) => (document.querySelector(sel) as any).kgView.sigma.getCamera().getState(), hostSelector);
}

/**
 * Page coordinates of a point of the line from `source` to `target` in a live view (`at`: fraction of the way, default
 * the middle); `zoom` first centres the camera on it, zoomed so the line is long (easy to hover, clear of other nodes).
 */
export async function edgePoint(page: Page, hostSelector: string, source: string, target: string, o: { zoom?: boolean; at?: number } = {}): Promise<{ x: number; y: number }> {
  if (o.zoom) {
    await page.evaluate(([sel, s, t]) => {
      const view = (document.querySelector(sel) as any).kgView;
      const a = view.sigma.getNodeDisplayData(s), b = view.sigma.getNodeDisplayData(t);
      view.sigma.getCamera().setState({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, ratio: Math.max(0.05, Math.hypot(a.x - b.x, a.y - b.y) * 1.5) });
    }, [hostSelector, source, target] as const);
    // Picking is drawn once the camera is at rest (cheap-while-moving.ts).
    await page.waitForTimeout(300);
  }
  const [a, b] = await Promise.all([nodePoint(page, hostSelector, source), nodePoint(page, hostSelector, target)]);
  const f = o.at ?? 0.5;
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}

/**
 * The width of a live view's node canvas (its drawing buffer) at each frame of a short camera animation, and once the
 * camera has rested, next to the full width (sigma's width × pixel ratio): big graphs draw moving frames smaller.
 */
export function nodeBufferDuringMotion(page: Page, hostSelector: string): Promise<{ full: number; moving: number[]; rested: number }> {
  return page.evaluate(async (sel) => {
    const sigma = (document.querySelector(sel) as any).kgView.sigma;
    const canvas = sigma.getCanvases().nodes as HTMLCanvasElement;
    const moving: number[] = [];
    const record = () => { if (sigma.getCamera().isAnimated()) moving.push(canvas.width); };
    sigma.on('afterRender', record);
    await sigma.getCamera().animate({ ratio: sigma.getCamera().getState().ratio * 0.7 }, { duration: 500 });
    await new Promise((r) => setTimeout(r, 400));
    sigma.off('afterRender', record);
    return { full: Math.round(sigma.getDimensions().width * window.devicePixelRatio), moving, rested: canvas.width };
  }, hostSelector);
}
