// Worker thread that draws social preview cards: SVG text in, PNG bytes out, so rasterising and PNG encoding
// (tens of milliseconds and megabytes of pixels a card) neither block nor bloat the build's main thread.
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from './png-encode.ts';

parentPort!.on('message', ({ svg, options }: { svg: string; options: ConstructorParameters<typeof Resvg>[1] }) => {
  try {
    const image = new Resvg(svg, options).render();
    const png = encodePng(image.pixels, image.width, image.height);
    const out = new Uint8Array(png);
    parentPort!.postMessage({ png: out }, [out.buffer]);
  } catch (error) {
    parentPort!.postMessage({ error: String((error as Error)?.message ?? error) });
  }
});
