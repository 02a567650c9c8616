// Greedy label placement for static graph drawings: most important labels first, each at the first free spot around
// its node (right, left, above, below), shortened or left out when nothing fits, so no two labels ever overlap.

export interface Box { x: number; y: number; w: number; h: number }

export interface LabelRequest {
  id: string;
  text: string;
  /** Node centre and radius, in drawing units. */
  x: number;
  y: number;
  r: number;
  fontSize: number;
  bold?: boolean;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Text anchor point (SVG `x`, `y` of the baseline) and anchor. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

/**
 * Width of a label, estimated without a font engine: glyph widths of a wide sans-serif face (DejaVu Sans, Verdana),
 * so the estimate errs on the generous side with narrower system faces.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code > 0x2e80) units += 1; // CJK: full width
    else if ('iljf.,:;\'|!'.includes(ch)) units += 0.3;
    else if ('t() -'.includes(ch)) units += 0.38;
    else if ('mwMW@'.includes(ch)) units += 0.95;
    else if (ch >= 'A' && ch <= 'Z') units += 0.72;
    else units += 0.62;
  }
  return units * fontSize * (bold ? 1.1 : 1);
}

export const overlaps = (a: Box, b: Box, gap = 1): boolean =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;

const inside = (b: Box, w: number, h: number) => b.x >= 2 && b.y >= 2 && b.x + b.w <= w - 2 && b.y + b.h <= h - 2;

function candidates(l: LabelRequest, text: string): PlacedLabel[] {
  const w = textWidth(text, l.fontSize, l.bold);
  const h = l.fontSize * 1.2;
  const gap = 4;
  const base = l.fontSize * 0.35; // baseline offset from the vertical centre
  const right: PlacedLabel = { id: l.id, text, x: l.x + l.r + gap, y: l.y + base, anchor: 'start', box: { x: l.x + l.r + gap, y: l.y - h / 2, w, h } };
  const left: PlacedLabel = { id: l.id, text, x: l.x - l.r - gap, y: l.y + base, anchor: 'end', box: { x: l.x - l.r - gap - w, y: l.y - h / 2, w, h } };
  const above: PlacedLabel = { id: l.id, text, x: l.x, y: l.y - l.r - gap - h * 0.25, anchor: 'middle', box: { x: l.x - w / 2, y: l.y - l.r - gap - h, w, h } };
  const below: PlacedLabel = { id: l.id, text, x: l.x, y: l.y + l.r + gap + h * 0.8, anchor: 'middle', box: { x: l.x - w / 2, y: l.y + l.r + gap, w, h } };
  return [right, left, above, below];
}

/** Shorter forms of a label to try when the full one does not fit: cut at a word boundary, with an ellipsis. */
export function shortenings(text: string): string[] {
  const out = [text];
  for (const max of [28, 18]) {
    if (text.length <= max) continue;
    const cut = text.slice(0, max - 1);
    const word = cut.lastIndexOf(' ');
    out.push(`${(word > max / 2 ? cut.slice(0, word) : cut).replace(/[\s,.;:–-]+$/, '')}…`);
  }
  return [...new Set(out)];
}

/**
 * Places labels in the order given (put the most important first). `obstacles` (node circles) are avoided too,
 * except the label's own node. Labels that cannot be placed are left out of the result.
 */
export function placeLabels(labels: LabelRequest[], obstacles: Array<Box & { id: string }>, width: number, height: number): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const free = (p: PlacedLabel) =>
    inside(p.box, width, height) &&
    !placed.some((q) => overlaps(p.box, q.box, 2)) &&
    !obstacles.some((o) => o.id !== p.id && overlaps(p.box, o, 1));
  for (const l of labels) {
    let found: PlacedLabel | undefined;
    for (const text of shortenings(l.text)) {
      found = candidates(l, text).find(free);
      if (found) break;
    }
    if (found) placed.push(found);
  }
  return placed;
}
