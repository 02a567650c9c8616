// remark plugin: Markdown links and images to files in the vault (`[text](Other%20note.md)`, `![](assets/map.png)`),
// the form Obsidian writes when wiki-links are turned off, become `wikiLink` nodes, so they resolve like `[[…]]`.
import type { Image, Link, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { isFileLink } from '../kg/attachments.ts';
import type { WikiLink } from './remark-wiki-link.ts';

// A URL with a scheme (`https:`, `mailto:`), protocol-relative, site-absolute or a bare `#anchor` is not a vault file.
const NOT_LOCAL = /^(?:[a-z][a-z\d+.-]*:|\/|#)/i;

function decode(url: string): string {
  try { return decodeURI(url); } catch { return url; }
}

/** `dir/Note.md#Heading` -> its parts; undefined when the URL is not a file in the vault. */
export function localTarget(url: string): { target: string; heading?: string; note: boolean } | undefined {
  if (!url || NOT_LOCAL.test(url)) return undefined;
  const hash = url.indexOf('#');
  const path = decode(hash >= 0 ? url.slice(0, hash) : url).replace(/^\.\//, '');
  const heading = hash >= 0 ? decode(url.slice(hash + 1)) || undefined : undefined;
  const name = path.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  if (!path || dot <= 0) return undefined;
  const note = name.slice(dot + 1).toLowerCase() === 'md';
  // `[site](example.com)` is a mistake for a web address, not a vault file: leave it alone.
  if (!note && !isFileLink(path)) return undefined;
  return { target: note ? path.slice(0, -3) : path, ...(note && heading ? { heading } : {}), note };
}

export default function remarkLocalLinks() {
  return (tree: Root) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      if ((node.type !== 'link' && node.type !== 'image') || !parent || index === undefined) return undefined;
      const local = localTarget((node as Link | Image).url);
      if (!local) return undefined;
      const shown = node.type === 'image' ? (node as Image).alt ?? '' : toString(node);
      const link: WikiLink = {
        type: 'wikiLink', target: local.target, heading: local.heading, alias: shown.trim() || undefined, embed: node.type === 'image',
        position: node.position,
      };
      parent.children.splice(index, 1, link as never);
      return [SKIP, index + 1];
    });
  };
}
