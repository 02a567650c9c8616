// remark plugin: Obsidian wiki-links `[[Target]]`, `[[Target|text]]`, `[[Target#Heading]]` and embeds `![[Target]]`
// become `wikiLink` nodes with exact source positions. Resolution to note ids happens later (src/kg/resolve.ts).
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

export interface WikiLink {
  type: 'wikiLink';
  target: string;
  heading?: string;
  alias?: string;
  embed: boolean;
  /** Filled in by the renderer once the target is resolved. */
  data?: { hName?: string; hProperties?: Record<string, unknown>; hChildren?: unknown[] };
  position?: Text['position'];
}

declare module 'mdast' {
  interface PhrasingContentMap { wikiLink: WikiLink }
  interface RootContentMap { wikiLink: WikiLink }
}

// `[[` then anything but brackets and newlines, then `]]`; an optional `!` before it makes an embed.
const WIKI_LINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;

/** Splits the inside of `[[...]]` into target, heading and shown text. `\|` (escaped in tables) counts as `|`. */
export function splitWikiLink(inner: string): { target: string; heading?: string; alias?: string } {
  const [ref, ...aliasParts] = inner.replace(/\\\|/g, '|').split('|');
  const alias = aliasParts.join('|').trim() || undefined;
  const hash = ref.indexOf('#');
  const target = (hash >= 0 ? ref.slice(0, hash) : ref).trim();
  const heading = hash >= 0 ? ref.slice(hash + 1).replace(/^\^/, '').trim() || undefined : undefined;
  return { target, heading, alias };
}

type Point = { line: number; column: number; offset?: number };

/** The point `n` characters into a text node's value that starts at `start`. */
function advance(start: Point, value: string, n: number): Point {
  const before = value.slice(0, n);
  const nl = before.lastIndexOf('\n');
  const lines = nl < 0 ? 0 : before.split('\n').length - 1;
  return { line: start.line + lines, column: nl < 0 ? start.column + n : n - nl, offset: (start.offset ?? 0) + n };
}

export default function remarkWikiLink() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || !node.value.includes('[[')) return;
      const out: PhrasingContent[] = [];
      const start = node.position?.start;
      let last = 0;
      for (const m of node.value.matchAll(WIKI_LINK)) {
        const { target, heading, alias } = splitWikiLink(m[2]);
        if (!target && !heading) continue;
        const at = m.index;
        if (at > last) out.push({ type: 'text', value: node.value.slice(last, at) });
        const link: WikiLink = { type: 'wikiLink', target, heading, alias, embed: m[1] === '!' };
        if (start && start.offset !== undefined) {
          // Exact when the text node has no escapes before the match, which is the common case.
          link.position = { start: advance(start, node.value, at), end: advance(start, node.value, at + m[0].length) };
        }
        out.push(link);
        last = at + m[0].length;
      }
      if (out.length === 0) return;
      if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...(out as never[]));
      return [SKIP, index + out.length];
    });
  };
}
