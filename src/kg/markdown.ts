// The one Markdown parser of the engine: remark with frontmatter, GFM, directives and wiki-links.
import type { Root } from 'mdast';
import type { Note } from './types.ts';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkLocalLinks from '../markdown/remark-local-links.ts';
import remarkWikiLink from '../markdown/remark-wiki-link.ts';
import './micromark-edit-map.ts';
import { bodyStart, boundTreeDepth, type GuardNotice, guardMarkdown } from './input-guard.ts';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkWikiLink).use(remarkLocalLinks);

/**
 * Parses a whole note (frontmatter included, so positions are file positions) into mdast. Pathological nesting and
 * delimiter runs are defused first (see input-guard.ts); `notices` says where, for warnings.
 */
export function parseMarkdownGuarded(text: string): { tree: Root; notices: GuardNotice[] } {
  const guard = guardMarkdown(text);
  const tree = parser.parse(guard.text);
  guard.restore(tree);
  const flattened = boundTreeDepth(tree);
  return { tree: parser.runSync(tree) as Root, notices: flattened ? [...guard.notices, flattened] : guard.notices };
}

/** Never throws: if the parser fails anyway, the body becomes one block of unformatted text, with a notice. */
export function parseMarkdownSafely(text: string): { tree: Root; notices: GuardNotice[] } {
  try {
    return parseMarkdownGuarded(text);
  } catch (err) {
    const from = bodyStart(text);
    return {
      tree: { type: 'root', children: [{ type: 'code', value: text.slice(from) }] },
      notices: [{
        offset: from, code: 'markdown-failed',
        message: `The Markdown of this note could not be read (${(err as Error).message}); it is shown as unformatted text`,
        hint: 'Simplify the note; please report it as an engine bug.',
      }],
    };
  }
}

export function parseMarkdown(text: string): Root {
  return parseMarkdownSafely(text).tree;
}

export function emptyTree(): Root {
  return { type: 'root', children: [] };
}

/** The tree a note was parsed to, made again from its text (an unreadable note has none). */
export function treeOf(note: Note): Root {
  return note.broken ? emptyTree() : parseMarkdown(note.text);
}
