// Hast -> HTML string for the view markup components place in pages (the static, no-JS fallbacks).
import type { ElementContent } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

const stringifier = unified().use(rehypeStringify);

export function hastToHtml(el: ElementContent): string {
  return stringifier.stringify({ type: 'root', children: [el] });
}
