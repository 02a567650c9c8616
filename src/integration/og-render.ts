// Card SVG to PNG bytes (resvg, then our encoder): the work of a preview image, run on worker threads only.
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from './png-encode.ts';

export type OgRenderOptions = ConstructorParameters<typeof Resvg>[1];

export function renderOgPng(svg: string, options: OgRenderOptions): Uint8Array {
  const image = new Resvg(svg, options).render();
  return new Uint8Array(encodePng(image.pixels, image.width, image.height));
}
