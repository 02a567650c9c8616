// Worker thread that draws social preview cards: SVG text in, PNG bytes out, so rasterising and PNG encoding
// (tens of milliseconds and megabytes of pixels a card) neither block nor bloat the main thread (dev, site card).
import { parentPort } from 'node:worker_threads';
import { type OgRenderOptions, renderOgPng } from './og-render.ts';

parentPort!.on('message', ({ svg, options }: { svg: string; options: OgRenderOptions }) => {
  try {
    const png = renderOgPng(svg, options);
    parentPort!.postMessage({ png }, [png.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ error: String((error as Error)?.message ?? error) });
  }
});
