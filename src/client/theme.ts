// Colours for canvas drawing, read from the page's CSS (so light and dark themes follow the system like the rest).
export interface Theme {
  fg: string;
  bg: string;
  muted: string;
  /** Colour of nodes and edges pushed into the background (not part of the selection). */
  faded: string;
  font: string;
}

/** The first non-transparent background colour at or above `el`. */
function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'rgb(20, 20, 20)' : 'rgb(255, 255, 255)';
}

const isDark = (rgb: string) => {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ['255', '255', '255']).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
};

export function readTheme(el: HTMLElement): Theme {
  const style = getComputedStyle(el);
  const bg = backgroundOf(el);
  const dark = isDark(bg);
  return {
    fg: style.color || (dark ? '#eeeeee' : '#1a1a1a'),
    bg,
    muted: dark ? '#b8b8b8' : '#555555',
    faded: dark ? '#4a4a4a' : '#d6d6d6',
    // Canvas labels use the site's sans-serif face (the figure may sit in serif body text).
    font: style.getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif',
  };
}

/** Calls `fn` when the system colour scheme changes; returns an unsubscribe function. */
export function onSchemeChange(fn: () => void): () => void {
  const mq = matchMedia('(prefers-color-scheme: dark)');
  mq.addEventListener('change', fn);
  return () => mq.removeEventListener('change', fn);
}
