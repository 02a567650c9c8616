// rehype plugin: images from other origins become links to them. The site loads nothing from third parties (privacy,
// CSP `img-src 'self' data:`), so a reader chooses to open such an image; same-site images stay images.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export default function rehypeExternalImages() {
  return (tree: Root) => {
    visit(tree, 'element', (el: Element, index, parent) => {
      if (el.tagName !== 'img' || !parent || index === undefined) return;
      const src = String(el.properties?.src ?? '');
      if (!/^(https?:)?\/\//i.test(src)) return;
      const alt = String(el.properties?.alt ?? '').trim();
      const host = new URL(src, 'https://x.invalid').host;
      parent.children[index] = {
        type: 'element', tagName: 'a', properties: { href: src, className: ['external-image'], rel: ['nofollow', 'noopener'] },
        children: [{ type: 'text', value: `Image${alt ? `: ${alt}` : ''} (${host})` }],
      };
    });
  };
}
