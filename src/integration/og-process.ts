// Child process that draws social preview cards: SVG text in, PNG bytes out. A process, not a thread: resvg-js keeps
// the memory of every image it renders (about 6 MB a card, thx/resvg-js#216), which only a process's exit gives back,
// so the pool (og-pool.ts) replaces each process after a few dozen cards.
import { type OgRenderOptions, renderOgPng } from './og-render.ts';

process.on('message', ({ svg, options }: { svg: string; options: OgRenderOptions }) => {
  try {
    process.send!({ png: renderOgPng(svg, options) });
  } catch (error) {
    process.send!({ error: String((error as Error)?.message ?? error) });
  }
});
