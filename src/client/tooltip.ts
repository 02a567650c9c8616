// A hover card next to a node (full title, type and summary) or an edge (its relations and their evidence).
// Positioned with CSSOM (allowed under a strict CSP). An edge card can be pinned (by a click) so its links are usable.
export interface Tooltip {
  show(x: number, y: number, title: string, kind: string, summary?: string, hint?: string): void;
  /** A card of ready-made parts (an edge's evidence); `pinned` keeps it open and clickable until hidden. */
  showCard(x: number, y: number, parts: HTMLElement[], pinned?: boolean): void;
  hide(): void;
  pinned(): boolean;
  element: HTMLElement;
}

export function createTooltip(surface: HTMLElement): Tooltip {
  const el = document.createElement('div');
  el.className = 'kg-tooltip';
  el.hidden = true;
  el.setAttribute('role', 'status');
  surface.append(el);
  let isPinned = false;
  const place = (x: number, y: number) => {
    el.hidden = false;
    // Keep the card inside the surface: flip to the left / above near the edges.
    const w = surface.clientWidth, h = surface.clientHeight;
    const left = x + 16 + el.offsetWidth > w ? Math.max(4, x - 16 - el.offsetWidth) : x + 16;
    const top = y + 16 + el.offsetHeight > h ? Math.max(4, y - 16 - el.offsetHeight) : y + 16;
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  };
  const setPinned = (on: boolean) => {
    isPinned = on;
    el.classList.toggle('is-pinned', on);
  };
  return {
    element: el,
    show(x, y, title, kind, summary, hint) {
      setPinned(false);
      el.classList.remove('kg-tooltip-edge');
      el.replaceChildren();
      const strong = document.createElement('strong');
      strong.textContent = title;
      const type = document.createElement('span');
      type.className = 'kg-tooltip-type';
      type.textContent = kind;
      el.append(strong, type);
      if (summary) { const p = document.createElement('p'); p.textContent = summary; el.append(p); }
      if (hint) { const p = document.createElement('p'); p.className = 'kg-tooltip-hint'; p.textContent = hint; el.append(p); }
      place(x, y);
    },
    showCard(x, y, parts, pinned = false) {
      setPinned(pinned);
      el.replaceChildren(...parts);
      el.classList.add('kg-tooltip-edge');
      place(x, y);
    },
    hide() { setPinned(false); el.classList.remove('kg-tooltip-edge'); el.hidden = true; },
    pinned: () => isPinned,
  };
}
