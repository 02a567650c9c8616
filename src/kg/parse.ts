// Parse: one file's text -> a Note (frontmatter validated, links and graph views collected) plus diagnostics.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { KgConfig } from './config.ts';
import { diagnostic } from './diagnostics.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { LineIndex } from './line-index.ts';
import { parseMarkdownSafely } from './markdown.ts';
import { slugify } from './slug.ts';
import type { Diagnostic, LinkRef, Note, ViewDirective } from './types.ts';
import { validateFrontmatter } from './validate.ts';

export function basenameOf(file: string): string {
  return file.split('/').pop()!.replace(/\.md$/i, '');
}

/** A note that could not be read: it keeps its name so links to it still resolve, and renders as empty. */
export function brokenNote(file: string, text = ''): Note {
  const basename = basenameOf(file);
  return {
    id: slugify(basename), file, basename, type: 'note', title: basename, aliases: [], summary: '', tags: [], fields: {},
    relations: [], sources: [], links: [], views: [], tree: { type: 'root', children: [] }, text, broken: true,
  };
}

export interface ParseOptions {
  /** false: frontmatter only, the body is kept as text but not parsed (no links, views or headings); for the change log. */
  body?: boolean;
}

/** `timings.validate` (optional) accumulates the frontmatter share (YAML + schema), for the per-stage report. */
export function parseNote(config: KgConfig, file: string, raw: string, timings?: Record<string, number>, options: ParseOptions = {}): { note: Note; diagnostics: Diagnostic[] } {
  const t0 = timings ? performance.now() : 0;
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const lines = new LineIndex(text);
  const fm = parseFrontmatter(text);
  if (fm.error) {
    const d = diagnostic(file, lines.at(fm.offset + fm.error.offset), 'error', fm.error.code, fm.error.message, fm.error.hint);
    return { note: brokenNote(file, text), diagnostics: [d] };
  }
  const { value, diagnostics } = validateFrontmatter(config, fm, lines, file);
  if (timings) timings.validate = (timings.validate ?? 0) + performance.now() - t0;
  const { tree, notices } = options.body === false ? { tree: { type: 'root', children: [] } as Root, notices: [] } : parseMarkdownSafely(text);
  for (const n of notices) diagnostics.push(diagnostic(file, lines.at(n.offset), 'warning', n.code, n.message, n.hint));
  const basename = basenameOf(file);
  return {
    diagnostics,
    note: {
      id: value.id ?? slugify(basename),
      file, basename,
      type: value.type,
      ...(value.typeUnknown ? { typeUnknown: true } : {}),
      title: value.title ?? basename,
      aliases: value.aliases, summary: value.summary, tags: value.tags, fields: value.fields,
      relations: value.relations, sources: value.sources,
      links: collectLinks(tree), views: collectViews(tree), headings: collectHeadings(tree),
      tree, text, broken: false,
    },
  };
}

function collectLinks(tree: Root): LinkRef[] {
  const links: LinkRef[] = [];
  visit(tree, 'wikiLink', (node) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    links.push({ target: node.target, heading: node.heading, text: node.alias, embed: node.embed, pos: { line: start.line, column: start.column } });
  });
  return links;
}

/** Heading texts as the page shows them (a wiki-link shows its alias or name), for checking links to headings. */
function collectHeadings(tree: Root): string[] {
  const headings: string[] = [];
  const textOf = (node: { type: string; value?: string; alias?: string; target?: string; children?: unknown[] }): string => {
    if (node.type === 'wikiLink') return node.alias ?? (node.target ?? '').split('/').pop()!.replace(/\.md$/i, '');
    if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
    return (node.children ?? []).map((c) => textOf(c as never)).join('');
  };
  for (const node of tree.children) if (node.type === 'heading') headings.push(textOf(node as never));
  return headings;
}

function collectViews(tree: Root): ViewDirective[] {
  const views: ViewDirective[] = [];
  visit(tree, (node) => {
    // Only the leaf form `::graph{...}` is a view (the renderer numbers those); `:::graph` stays text, like other directives.
    if (node.type === 'leafDirective' && (node as { name?: string }).name === 'graph') {
      const attrs = (node as { attributes?: Record<string, string | null | undefined> }).attributes ?? {};
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(attrs)) attributes[k] = v ?? '';
      const start = node.position?.start ?? { line: 1, column: 1 };
      views.push({ attributes, pos: { line: start.line, column: start.column } });
    }
  });
  return views;
}
