// Node programs skip sigma's picking pass (the offscreen image of node ids that finds the node under the pointer)
// while the camera moves: nobody hovers a node in mid-pan, and the pass costs a third of a moving frame in software
// WebGL. Sigma renders once more when the motion ends (it needs that frame for its edges), with picking.
import type Sigma from 'sigma';
import type { RenderParams } from 'sigma/types';
import { isMoving } from './is-moving.ts';

interface Pickable {
  renderer: Sigma;
  pickProgram: unknown;
  render(params: RenderParams): void;
}

export function pickAtRest<C extends abstract new (...args: never[]) => object>(Base: C): C {
  abstract class PickAtRest extends (Base as unknown as new (...args: never[]) => Pickable) {
    render(params: RenderParams): void {
      const pick = this.pickProgram;
      if (!pick || !isMoving(this.renderer)) return super.render(params);
      // Sigma's Program#render draws the picking pass when it has a pick program: hide it for this frame.
      this.pickProgram = null;
      try { super.render(params); } finally { this.pickProgram = pick; }
    }
  }
  return PickAtRest as unknown as C;
}
