// A hover card next to a node: full title, type and summary. Positioned with CSSOM (allowed under a strict CSP).
export interface Tooltip {
  show(x: number, y: number, title: string, kind: string, summary?: string, hint?: string): void;
  hide(): void;
}

export function createTooltip(surface: HTMLElement): Tooltip {
  const el = document.createElement('div');
  el.className = 'kg-tooltip';
  el.hidden = true;
  el.setAttribute('role', 'status');
  surface.append(el);
  return {
    show(x, y, title, kind, summary, hint) {
      el.replaceChildren();
      const strong = document.createElement('strong');
      strong.textContent = title;
      const type = document.createElement('span');
      type.className = 'kg-tooltip-type';
      type.textContent = kind;
      el.append(strong, type);
      if (summary) { const p = document.createElement('p'); p.textContent = summary; el.append(p); }
      if (hint) { const p = document.createElement('p'); p.className = 'kg-tooltip-hint'; p.textContent = hint; el.append(p); }
      el.hidden = false;
      // Keep the card inside the surface: flip to the left / above near the edges.
      const w = surface.clientWidth, h = surface.clientHeight;
      const left = x + 16 + el.offsetWidth > w ? Math.max(4, x - 16 - el.offsetWidth) : x + 16;
      const top = y + 16 + el.offsetHeight > h ? Math.max(4, y - 16 - el.offsetHeight) : y + 16;
      el.style.left = `${left}px`;
      el.style.top = `${top}px`;
    },
    hide() { el.hidden = true; },
  };
}
