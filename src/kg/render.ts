// Render: a note's Markdown tree -> safe HTML, with wiki-links pointing at resolved pages and graph views in place.
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import rehypeExternalImages from '../markdown/rehype-external-images.ts';
import type { WikiLink } from '../markdown/remark-wiki-link.ts';
import { bodyStart } from './input-guard.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import type { Note } from './types.ts';
import { isFileLink, isImage } from './attachments.ts';

export interface RenderContext {
  /** Ids of the note's body links, in document order (undefined for unresolved ones). */
  linkIds: Array<string | undefined>;
  /** URL of a note's page. */
  href: (id: string) => string;
  /** Whether note `id`'s page has an element with this anchor id (absent: assume it does). */
  hasAnchor?: (id: string, anchor: string) => boolean;
  /** URL of a vault file a link names (`![[map.png]]`), or undefined when the vault has no such file. */
  fileHref?: (target: string) => string | undefined;
  /** Trusted markup for the n-th graph view of the note. */
  renderView?: (index: number) => ElementContent;
}

const CLOBBER = 'user-content-';

const toHtml = unified()
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeExternalImages)
  .use(() => fixFootnoteAnchors)
  .use(rehypeSlug)
  .use(rehypeStringify);

// rehype-raw re-parses the whole tree through parse5, about a third of render time; most notes have no raw HTML.
const toHtmlNoRaw = unified()
  .use(() => dataAttributesAsText)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeExternalImages)
  .use(() => fixFootnoteAnchors)
  .use(rehypeSlug)
  .use(rehypeStringify);

/** What a parse5 round trip does to `data-*` flags (`data-footnote-ref=""`), so both paths give the same bytes. */
function dataAttributesAsText(tree: HastRoot): void {
  visit(tree, 'element', (el: Element) => {
    for (const [key, value] of Object.entries(el.properties ?? {})) if (value === true && key.startsWith('data')) el.properties[key] = '';
  });
}

function hasRaw(tree: HastRoot): boolean {
  let found = false;
  visit(tree, 'raw', () => { found = true; return EXIT; });
  return found;
}

/** Mutates `tree` (wiki-link data, directive restoration): call once per note, after resolution. */
export function renderNote(note: Note, ctx: RenderContext): string {
  prepareTree(note, note.tree, ctx);
  const hast = unified().use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' }).runSync(note.tree) as HastRoot;
  const processor = hasRaw(hast) ? toHtml : toHtmlNoRaw;
  const sanitized = processor.runSync(hast) as HastRoot;
  if (ctx.renderView) insertViews(sanitized, ctx.renderView);
  return processor.stringify(sanitized);
}

function prepareTree(note: Note, tree: Root, ctx: RenderContext): void {
  let linkIndex = 0;
  let viewIndex = 0;
  const slugger = new GithubSlugger();
  visit(tree, (node, index, parent) => {
    if (node.type === 'wikiLink') {
      const link = node as WikiLink;
      const id = ctx.linkIds[linkIndex++];
      // Shown text as Obsidian shows it: the alias, else the name as written (without folder or `.md`).
      const shown = link.alias ?? (link.target ? link.target.split('/').pop()!.replace(/\.md$/i, '') : link.heading ?? '');
      slugger.reset();
      const slug = link.heading ? slugger.slug(link.heading) : '';
      // A heading the target does not have would be a dead anchor (reported as unknown-heading): link the note.
      const anchor = slug && id && (ctx.hasAnchor?.(id, slug) ?? true) ? `#${slug}` : '';
      const file = !id && isFileLink(link.target) ? ctx.fileHref?.(link.target) : undefined;
      if (file) { link.data = fileLinkData(link, file); return; }
      link.data = id
        ? { hName: 'a', hProperties: { href: ctx.href(id) + anchor, className: ['wikilink'] }, hChildren: [{ type: 'text', value: shown }] }
        : { hName: 'span', hProperties: { className: ['wikilink-missing'], title: 'No note with this name yet' }, hChildren: [{ type: 'text', value: shown }] };
      return;
    }
    if (node.type === 'leafDirective' || node.type === 'containerDirective' || node.type === 'textDirective') {
      if (node.type === 'leafDirective' && node.name === 'graph' && parent && index !== undefined) {
        node.data = { hName: 'div', hProperties: { dataKgView: String(viewIndex++) }, hChildren: [] };
        return SKIP;
      }
      // Any other directive was ordinary text to its writer ("ratio 3:1", "Note:this"): put the text back.
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (parent && index !== undefined && start !== undefined && end !== undefined) {
        const value = note.text.slice(start, end);
        parent.children.splice(index, 1, (node.type === 'textDirective' ? { type: 'text', value } : { type: 'paragraph', children: [{ type: 'text', value }] }) as never);
        return SKIP;
      }
    }
    return undefined;
  });
}

/** `![[map.png|Map of Xinjiang]]` is an image (`|300` or `|300x200` sets its size, as in Obsidian); other files are links. */
function fileLinkData(link: WikiLink, href: string): WikiLink['data'] {
  const name = link.target.split('/').pop()!;
  const size = /^(\d{1,4})(?:x(\d{1,4}))?$/.exec(link.alias ?? '');
  const shown = size ? name : link.alias ?? name;
  if (link.embed && isImage(link.target)) {
    // Obsidian's alt text: the shown text, else the file name without its extension.
    return { hName: 'img', hProperties: { src: href, alt: size || !link.alias ? name.replace(/\.[^.]+$/, '') : shown, ...(size ? { width: size[1], ...(size[2] ? { height: size[2] } : {}) } : {}), loading: 'lazy' }, hChildren: [] };
  }
  return { hName: 'a', hProperties: { href }, hChildren: [{ type: 'text', value: shown }] };
}

/** The fallback when rendering fails: the note body as escaped, preformatted text (nothing the writer typed is lost). */
export function renderPlain(note: Note): string {
  const body = note.text.slice(bodyStart(note.text));
  const escaped = body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<pre class="kg-unformatted">${escaped}</pre>`;
}

/** remark-rehype links footnotes as `#fn-1`; the sanitiser prefixes ids to `user-content-fn-1`. Make them agree. */
function fixFootnoteAnchors(tree: HastRoot): void {
  visit(tree, 'element', (el: Element) => {
    const href = el.properties?.href;
    if (el.tagName === 'a' && typeof href === 'string' && /^#(fn-|fnref-|footnote-label)/.test(href)) {
      el.properties.href = `#${CLOBBER}${href.slice(1)}`;
    }
  });
}

function insertViews(tree: HastRoot, renderView: (index: number) => ElementContent): void {
  visit(tree, 'element', (el: Element, index, parent) => {
    const marker = el.properties?.dataKgView;
    if (el.tagName !== 'div' || marker === undefined || !parent || index === undefined) return;
    parent.children.splice(index, 1, renderView(Number(marker)));
    return SKIP;
  });
}
