// Sigma's hover drawing: a ring around the hovered (or selected) node in the text colour. Its title and summary show in
// the HTML hover card (tooltip.ts), and its label in the label layer; sigma's default white card is unreadable in dark.
import type { Attributes } from 'graphology-types';
import type { NodeHoverDrawingFunction } from 'sigma/rendering';
import type { Theme } from './theme.ts';

export function hoverDrawer<N extends Attributes, E extends Attributes>(theme: Theme): NodeHoverDrawingFunction<N, E> {
  return (ctx, data) => {
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = theme.fg;
    ctx.stroke();
  };
}
