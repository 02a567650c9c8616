// Hast -> HTML string for the view markup components place in pages (the static, no-JS fallbacks).
import type { ElementContent } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

// Raw nodes pass through: views insert their own SVG, serialised once (viewSvgHtml), never note content.
const stringifier = unified().use(rehypeStringify, { allowDangerousHtml: true });

export function hastToHtml(el: ElementContent): string {
  return stringifier.stringify({ type: 'root', children: [el] });
}
