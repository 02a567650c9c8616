// Sigma stacks six full-size canvases; the browser composites every one of them on every frame, empty or not (in
// software rendering each WebGL canvas is also read back). Layers with nothing to show are taken out while so:
// the edges while the camera moves (hideEdgesOnMove leaves them empty), the hover rings when nothing is hovered or
// selected, sigma's edge-label canvas when sigma does not draw edge labels (the label layer draws them).
// 10k network, software GL: ~25 % more frames during a camera animation.
import type Sigma from 'sigma';
import { isMoving } from './is-moving.ts';

export function hideIdleLayers(sigma: Sigma, o: { edgeLabels: boolean; highlighted: () => boolean }): void {
  const layers = sigma.getCanvases();
  const show = (el: HTMLElement | undefined, on: boolean) => { if (el && el.hidden === on) el.hidden = !on; };
  show(layers.edgeLabels, o.edgeLabels);
  sigma.on('beforeRender', () => {
    show(layers.edges, !(sigma.getSetting('hideEdgesOnMove') && isMoving(sigma)));
    const highlighted = o.highlighted();
    show(layers.hovers, highlighted);
    show(layers.hoverNodes, highlighted);
  });
}
