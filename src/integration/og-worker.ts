// Child process that draws social preview cards (og-pool.ts): SVG text in, PNG bytes out, so rasterising and PNG
// encoding (tens of milliseconds and megabytes of pixels a card) neither block nor bloat the build's process.
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from './png-encode.ts';

process.on('message', ({ svg, options }: { svg: string; options: ConstructorParameters<typeof Resvg>[1] }) => {
  try {
    const image = new Resvg(svg, options).render();
    process.send!({ png: encodePng(image.pixels, image.width, image.height) });
  } catch (error) {
    process.send!({ error: String((error as Error)?.message ?? error) });
  }
});
// The pool closes the channel when it has no more cards for this process: then it ends, and its memory with it.
process.on('disconnect', () => process.exit(0));
