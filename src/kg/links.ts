// Link-valued frontmatter strings: `"[[Target#Heading|text]]"` or a bare `Target`.
import { splitWikiLink } from '../markdown/remark-wiki-link.ts';
import type { LinkRef, Position } from './types.ts';

export function parseLinkString(value: string, pos: Position): LinkRef {
  const m = /^\s*!?\[\[([^[\]\n]*)\]\]\s*$/.exec(value);
  const { target, heading, alias } = splitWikiLink(m ? m[1] : value);
  return { target, heading, text: alias, pos };
}
