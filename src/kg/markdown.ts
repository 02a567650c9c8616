// The one Markdown parser of the engine: remark with frontmatter, GFM, directives and wiki-links.
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkWikiLink from '../markdown/remark-wiki-link.ts';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkWikiLink);

/** Parses a whole note (frontmatter included, so positions are file positions) into mdast. */
export function parseMarkdown(text: string): Root {
  return parser.runSync(parser.parse(text)) as Root;
}
