// Whether a sigma view's camera is moving: sigma's own test (Sigma#render, used for hideEdgesOnMove), shared by the
// parts that draw less while it moves.
import type Sigma from 'sigma';

export function isMoving(sigma: Sigma): boolean {
  const mouse = sigma.getMouseCaptor();
  return sigma.getCamera().isAnimated() || mouse.isMoving || mouse.draggedEvents > 0 || mouse.currentWheelDirection !== 0;
}
