// Zoom in / zoom out / reset buttons over a view, and the same on the keyboard (+, -, 0, arrows) when the canvas has focus.
import type Sigma from 'sigma';

const STEP = 1.5;
const PAN = 0.1;
/** Animation length, or none for readers who ask for reduced motion. */
export const motion = (ms: number) => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : ms);

function button(label: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'kg-control';
  b.setAttribute('aria-label', label);
  b.title = label;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

export interface CameraControls {
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
  element: HTMLElement;
}

export function cameraControls(sigma: Sigma, surface: HTMLElement, onReset?: () => void): CameraControls {
  const camera = sigma.getCamera();
  const zoomIn = () => { camera.animatedZoom({ duration: motion(200), factor: STEP }); };
  const zoomOut = () => { camera.animatedUnzoom({ duration: motion(200), factor: STEP }); };
  const reset = () => { camera.animatedReset({ duration: motion(300) }); onReset?.(); };
  const bar = document.createElement('div');
  bar.className = 'kg-controls';
  bar.append(button('Zoom in', '+', zoomIn), button('Zoom out', '−', zoomOut), button('Reset view', '⟲', reset));
  surface.addEventListener('keydown', (event) => {
    if (event.target !== surface || event.altKey || event.ctrlKey || event.metaKey) return;
    const state = camera.getState();
    const pan = (dx: number, dy: number) => camera.animate({ x: state.x + dx * state.ratio, y: state.y + dy * state.ratio }, { duration: motion(150) });
    const keys: Record<string, () => void> = {
      '+': zoomIn, '=': zoomIn, '-': zoomOut, _: zoomOut, '0': reset,
      ArrowLeft: () => pan(-PAN, 0), ArrowRight: () => pan(PAN, 0), ArrowUp: () => pan(0, PAN), ArrowDown: () => pan(0, -PAN),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
  return { zoomIn, zoomOut, reset, element: bar };
}
