// Node programs skip sigma's picking pass (the offscreen image of node ids that finds the node under the pointer)
// while the camera moves: nobody hovers a node in mid-pan, and the pass costs a third of a moving frame in software
// WebGL. When the motion is over, the view is drawn once more with picking, unless sigma has done so itself (it does
// after animations, but not after every drag).
import type Sigma from 'sigma';
import type { RenderParams } from 'sigma/types';
import { isMoving } from './is-moving.ts';

interface Pickable {
  renderer: Sigma;
  pickProgram: unknown;
  render(params: RenderParams): void;
}

/** Per view: did its last frame draw the picking pass, is a watcher waiting for the motion to end. */
interface PickState { picked: boolean; watching: boolean; killed: boolean }
const states = new WeakMap<Sigma, PickState>();

function stateOf(sigma: Sigma): PickState {
  let state = states.get(sigma);
  if (!state) {
    const s: PickState = { picked: true, watching: false, killed: false };
    sigma.once('kill', () => { s.killed = true; });
    states.set(sigma, (state = s));
  }
  return state;
}

function renderWhenStill(sigma: Sigma, state: PickState): void {
  if (state.watching) return;
  state.watching = true;
  const check = () => {
    if (state.killed) return;
    if (isMoving(sigma)) { requestAnimationFrame(check); return; }
    state.watching = false;
    if (!state.picked) sigma.scheduleRender();
  };
  requestAnimationFrame(check);
}

export function pickAtRest<C extends abstract new (...args: never[]) => object>(Base: C): C {
  abstract class PickAtRest extends (Base as unknown as new (...args: never[]) => Pickable) {
    render(params: RenderParams): void {
      const pick = this.pickProgram;
      if (!pick) return super.render(params);
      const state = stateOf(this.renderer);
      state.picked = !isMoving(this.renderer);
      if (state.picked) return super.render(params);
      // Sigma's Program#render draws the picking pass when it has a pick program: hide it for this frame.
      this.pickProgram = null;
      try { super.render(params); } finally { this.pickProgram = pick; }
      renderWhenStill(this.renderer, state);
    }
  }
  return PickAtRest as unknown as C;
}
