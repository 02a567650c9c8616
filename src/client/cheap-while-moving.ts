// Node programs draw a cheaper frame while the camera moves, and a full one once it rests:
// - no picking pass (the offscreen image of node ids that finds the node under the pointer): nobody hovers a node in
//   mid-pan, and the pass costs a third of a moving frame in software WebGL;
// - in big graphs, the discs at a fraction of the canvas's resolution (`movingScale`), scaled up by the browser. In
//   software WebGL a moving frame's cost is the discs' pixels: at 10k nodes, half the resolution each way (a quarter
//   of the pixels) turns ~30 ms frames into ~17 ms ones. Labels stay sharp (their canvas is not touched).
// When the motion is over, the view is drawn once more in full, unless sigma has done so itself (it does after
// animations, but not after every drag).
import type Sigma from 'sigma';
import type { RenderParams } from 'sigma/types';
import { isMoving } from './is-moving.ts';

interface Drawing {
  renderer: Sigma;
  pickProgram: unknown;
  normalProgram: { gl: WebGLRenderingContext | WebGL2RenderingContext };
  render(params: RenderParams): void;
}

/** Per view: was its last frame a full one, is a watcher waiting for the motion to end. */
interface FrameState { full: boolean; watching: boolean; killed: boolean }
const states = new WeakMap<Sigma, FrameState>();

function stateOf(sigma: Sigma): FrameState {
  let state = states.get(sigma);
  if (!state) {
    const s: FrameState = { full: true, watching: false, killed: false };
    sigma.once('kill', () => { s.killed = true; });
    states.set(sigma, (state = s));
  }
  return state;
}

function renderWhenStill(sigma: Sigma, state: FrameState): void {
  if (state.watching) return;
  state.watching = true;
  const check = () => {
    if (state.killed) return;
    if (isMoving(sigma)) { requestAnimationFrame(check); return; }
    state.watching = false;
    if (!state.full) sigma.scheduleRender();
  };
  requestAnimationFrame(check);
}

/** Sizes a WebGL canvas's drawing buffer (its CSS size, set by sigma, stays): resizing clears it, so only on change. */
function sizeBuffer(canvas: HTMLCanvasElement | OffscreenCanvas, width: number, height: number): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

/** `movingScale`: the resolution of moving frames, as a fraction of the canvas's (1: full). */
export function cheapWhileMoving<C extends abstract new (...args: never[]) => object>(Base: C, movingScale = 1): C {
  abstract class CheapWhileMoving extends (Base as unknown as new (...args: never[]) => Drawing) {
    render(params: RenderParams): void {
      const state = stateOf(this.renderer);
      state.full = !isMoving(this.renderer);
      const scale = state.full ? 1 : movingScale;
      const ratio = params.pixelRatio * scale;
      // Sigma sizes the buffer to width × pixelRatio and sets the viewport from the params: both at the scale.
      sizeBuffer(this.normalProgram.gl.canvas, Math.max(1, Math.round(params.width * ratio)), Math.max(1, Math.round(params.height * ratio)));
      const drawn = scale === 1 ? params : { ...params, pixelRatio: ratio };
      if (state.full) return super.render(drawn);
      // Sigma's Program#render draws the picking pass when it has a pick program: hide it for this frame.
      const pick = this.pickProgram;
      this.pickProgram = null;
      try { super.render(drawn); } finally { this.pickProgram = pick; }
      renderWhenStill(this.renderer, state);
    }
  }
  return CheapWhileMoving as unknown as C;
}
