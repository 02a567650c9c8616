// Input guard: defuses the few Markdown shapes that make the parser overflow the stack or take quadratic time
// (thousands of nested containers, huge delimiter runs in one paragraph, deeply nested raw HTML). It swaps the
// offending characters for placeholders of the same length, so every offset and line stays exact, and puts the
// original characters back into the parsed tree: nothing a writer typed is lost, only the excess structure.
import type { Root } from 'mdast';

/** Container markers (`>`, list bullets, indentation pairs) one line may stack before the rest is plain text. */
export const MAX_BLOCK_DEPTH = 32;
/** Emphasis, strikethrough, bracket and backtick characters one paragraph may hold before they are taken literally. */
export const MAX_INLINE_DELIMITERS = 500;
/** Nesting of raw HTML elements across a note before its raw HTML is shown as text. */
export const MAX_HTML_DEPTH = 64;
/** Depth of the parsed tree; deeper nodes are flattened to their text (every stage walks the tree recursively). */
export const MAX_TREE_DEPTH = 160;

export interface GuardNotice {
  /** Offset in the note text of the first place the guard changed. */
  offset: number;
  code: 'nesting-flattened' | 'delimiters-literal' | 'html-nesting-flattened' | 'tree-flattened' | 'markdown-failed';
  message: string;
  hint: string;
}

export interface GuardedText {
  /** The text to parse: same length and lines as the input. */
  text: string;
  notices: GuardNotice[];
  /** Puts the original characters back into every string of a tree parsed from `text` (a no-op when none changed). */
  restore: (tree: Root) => void;
  /** Raw HTML nests too deeply: every raw HTML node must be shown as text (see `htmlAsText`). */
  htmlAsText: boolean;
}

const FENCE_OPEN = /^---[ \t]*\r?\n/;
const FENCE_CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Offset where the Markdown body starts: after the frontmatter block when there is a closed one. */
export function bodyStart(text: string): number {
  const open = FENCE_OPEN.exec(text);
  if (!open) return 0;
  const close = FENCE_CLOSE.exec(text.slice(open[0].length));
  return close ? open[0].length + close.index + close[0].length : 0;
}

interface LinePrefix {
  /** First offset after the container prefix (`>`, list markers, indentation). */
  content: number;
  /** Offset where the prefix goes past MAX_BLOCK_DEPTH, if it does. */
  cut?: number;
  /** The prefix ends in a list marker (a new list item starts here). */
  listItem: boolean;
  /** Number of an ordered list marker that ends the prefix (only `1.` may interrupt a paragraph). */
  ordered?: number;
  /** Columns of indentation right before the content, and whether any `>` or marker came before it. */
  indent: number;
  markers: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isBlank = (c: number) => c === 32 || c === 9;

/** Reads a line's container prefix, weighing `>` and list markers 1 and each two columns of indentation 1. */
function readPrefix(text: string, start: number, end: number): LinePrefix {
  let i = start;
  let weight = 0;
  let listItem = false;
  let ordered: number | undefined;
  let indent = 0;
  let markers = 0;
  let cut: number | undefined;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      let columns = 0;
      const runStart = i;
      while (i < end && isBlank(text.charCodeAt(i))) {
        columns += text.charCodeAt(i) === 9 ? 4 - (columns % 4) : 1;
        if (cut === undefined && weight + Math.floor(columns / 2) > MAX_BLOCK_DEPTH) cut = i;
        i++;
      }
      if (cut !== undefined && cut >= runStart) break;
      weight += Math.floor(columns / 2);
      indent = columns;
      continue;
    }
    let marker = 0;
    if (c === 62 /* > */) marker = 1;
    else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (i + 1 >= end || isBlank(text.charCodeAt(i + 1)))) marker = 1;
    else if (isDigit(c)) {
      let j = i;
      while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
      const d = text.charCodeAt(j);
      if ((d === 46 || d === 41) /* . ) */ && (j + 1 >= end || isBlank(text.charCodeAt(j + 1)))) marker = j + 1 - i;
    }
    if (!marker) break;
    if (weight + 1 > MAX_BLOCK_DEPTH) { cut = i; break; }
    weight++;
    markers++;
    indent = 0;
    listItem = c !== 62;
    ordered = isDigit(c) ? Number(text.slice(i, i + marker - 1)) : undefined;
    i += marker;
  }
  return { content: cut ?? i, cut, listItem, ordered, indent, markers };
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const TABLE_DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const DEFINITION = /^ {0,3}\[\^?[^\]]+\]:/;
// Characters whose pairing micromark resolves by scanning back over every earlier candidate in the paragraph.
const DELIMITER = /[*_~[\]`]/g;
// A tag-like `<name` up to the next `<` or `>`: linear to scan, and good enough to count nesting.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(\/?)>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

export function guardMarkdown(text: string): GuardedText {
  const edits = new Map<number, string>();
  const notices: GuardNotice[] = [];
  const from = bodyStart(text);

  // Lines: [start, end) without the line break.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = from; i <= text.length;) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    starts.push(i);
    ends.push(j > i && text.charCodeAt(j - 1) === 13 ? j - 1 : j);
    i = j + 1;
    if (j === text.length) break;
  }

  // 1. Container nesting, line by line.
  const prefixes = starts.map((s, n) => readPrefix(text, s, ends[n]));
  const cuts = prefixes.filter((p) => p.cut !== undefined);
  for (const p of cuts) edits.set(p.cut!, text[p.cut!]);
  if (cuts.length) {
    notices.push({
      offset: cuts[0].cut!, code: 'nesting-flattened',
      message: `${cuts.length} line(s) nest quotes, lists or indentation deeper than ${MAX_BLOCK_DEPTH} levels; the deeper levels are shown as plain text`,
      hint: 'Nest less deeply; no reader can follow that many levels.',
    });
  }

  // 2. Delimiter-heavy paragraphs.
  const { literal, firstLiteral } = literalParagraphs(text, prefixes, ends, edits);
  if (literal) {
    notices.push({
      offset: firstLiteral, code: 'delimiters-literal',
      message: `${literal} paragraph(s) have more than ${MAX_INLINE_DELIMITERS} emphasis, bracket or backtick characters; they are shown literally, without formatting`,
      hint: 'Split the paragraph with blank lines, or put the text in a code block.',
    });
  }

  // 3. Raw HTML nesting across the whole body (the HTML parser's tree converter recurses once per level).
  let depth = 0;
  let deep = -1;
  for (const m of text.slice(from).matchAll(TAG)) {
    if (VOID.has(m[2].toLowerCase()) || m[3]) continue;
    if (m[1]) { if (depth > 0) depth--; continue; }
    if (++depth > MAX_HTML_DEPTH) { deep = from + m.index; break; }
  }
  if (deep >= 0) {
    notices.push({
      offset: deep, code: 'html-nesting-flattened',
      message: `Raw HTML nests deeper than ${MAX_HTML_DEPTH} elements; the note's raw HTML is shown as text`,
      hint: 'Close your HTML elements, or write the content in Markdown.',
    });
  }
  const htmlAsText = deep >= 0;

  if (edits.size === 0) return { text, notices, restore: htmlAsText ? showHtmlAsText : () => {}, htmlAsText };
  const guarded = applyEdits(text, edits, notices);
  return htmlAsText ? { ...guarded, restore: (tree) => { guarded.restore(tree); showHtmlAsText(tree); }, htmlAsText } : { ...guarded, htmlAsText };
}

/** Replaces each edited offset with a placeholder from the Private Use Area that the note does not contain. */
function applyEdits(text: string, edits: Map<number, string>, notices: GuardNotice[]): Omit<GuardedText, 'htmlAsText'> {
  const toPlaceholder = new Map<string, string>();
  const toOriginal = new Map<string, string>();
  let next = 0xe000;
  const placeholderFor = (ch: string) => {
    let p = toPlaceholder.get(ch);
    if (p) return p;
    do p = String.fromCharCode(next++); while (text.includes(p) && next < 0xf8ff);
    toPlaceholder.set(ch, p);
    toOriginal.set(p, ch);
    return p;
  };
  const parts: string[] = [];
  let last = 0;
  for (const at of [...edits.keys()].sort((a, b) => a - b)) {
    parts.push(text.slice(last, at), placeholderFor(edits.get(at)!));
    last = at + 1;
  }
  parts.push(text.slice(last));
  const pattern = new RegExp(`[${[...toOriginal.keys()].join('')}]`, 'g');
  const original = (s: string) => s.replace(pattern, (p) => toOriginal.get(p)!);
  return { text: parts.join(''), notices, restore: (tree) => restoreStrings(tree, original) };
}

/** Every string in the tree (values, urls, titles, attributes ...), except positions, through `fix`. Iterative. */
function restoreStrings(tree: Root, fix: (s: string) => string): void {
  const stack: object[] = [tree];
  while (stack.length) {
    const obj = stack.pop() as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (key === 'position') continue;
      const v = obj[key];
      if (typeof v === 'string') obj[key] = fix(v);
      else if (v && typeof v === 'object') stack.push(v);
    }
  }
}

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective']);

/** Raw HTML nodes become text (escaped on output); at block level inside a paragraph. */
function showHtmlAsText(tree: Root): void {
  const stack: TreeNode[] = [tree as TreeNode];
  while (stack.length) {
    const node = stack.pop()!;
    if (!node.children) continue;
    node.children = node.children.map((child) => {
      if (child.type !== 'html') return child;
      const text: TreeNode = { type: 'text', value: child.value ?? '', position: child.position };
      return FLOW_PARENTS.has(node.type) ? { type: 'paragraph', children: [text], position: child.position } : text;
    });
    stack.push(...node.children);
  }
}

/**
 * Finds paragraphs (the unit micromark resolves emphasis and brackets in) with more than MAX_INLINE_DELIMITERS
 * delimiter characters, and marks those characters for placeholders. Paragraph ends are approximated from the
 * line starts the way CommonMark does: blank lines, headings, fences, breaks, bullets and `1.` interrupt a paragraph;
 * table rows and definition lists are counted row by row, as the parser resolves them.
 */
function literalParagraphs(text: string, prefixes: LinePrefix[], ends: number[], edits: Map<number, string>) {
  let fence: string | undefined;
  let run: number[] = [];
  let count = 0;
  let mode: 'paragraph' | 'table' | 'definitions' | 'code' = 'paragraph';
  let literal = 0;
  let firstLiteral = -1;
  const flush = () => {
    if (count > MAX_INLINE_DELIMITERS) {
      for (const n of run) {
        const line = text.slice(prefixes[n].content, ends[n]);
        for (const m of line.matchAll(DELIMITER)) edits.set(prefixes[n].content + m.index, m[0]);
      }
      literal++;
      if (firstLiteral < 0) firstLiteral = prefixes[run[0]].content;
    }
    run = [];
    count = 0;
  };
  for (let n = 0; n < prefixes.length; n++) {
    const p = prefixes[n];
    const line = text.slice(p.content, ends[n]);
    if (fence !== undefined) {
      // Inside fenced code nothing is parsed inline; the fence closes with the same character, at least as long.
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.slice(close[0].length).trim() === '') fence = undefined;
      continue;
    }
    const open = FENCE.exec(line);
    if (open) { flush(); fence = open[1]; continue; }
    if (line.trim() === '' || ATX.test(line) || THEMATIC_BREAK.test(line)) { flush(); mode = 'paragraph'; continue; }
    if (p.listItem && (p.ordered === undefined || p.ordered === 1 || run.length === 0)) { flush(); mode = 'paragraph'; }
    else if (run.length === 0 && p.markers === 0 && p.indent >= 4) mode = 'code';
    else if (mode === 'code' && p.indent < 4) mode = 'paragraph';
    else if (run.length === 1 && mode === 'paragraph' && TABLE_DELIMITER_ROW.test(line)) { flush(); mode = 'table'; continue; }
    else if (DEFINITION.test(line) && (run.length === 0 || mode === 'definitions')) { flush(); mode = 'definitions'; }
    else if (mode === 'definitions' && !DEFINITION.test(line)) mode = 'paragraph';
    // Indented code is never parsed inline; each table row is resolved on its own.
    if (mode === 'code') continue;
    if (mode === 'table') flush();
    run.push(n);
    for (const _ of line.matchAll(DELIMITER)) count++;
  }
  flush();
  return { literal, firstLiteral };
}

interface TreeNode { type: string; value?: string; children?: TreeNode[]; position?: { start: { offset?: number } } }

/**
 * Flattens nodes deeper than MAX_TREE_DEPTH into one text node with their text, so no recursive walker overflows.
 * The guard above keeps real notes far from this; it is the backstop for shapes it does not foresee.
 */
export function boundTreeDepth(tree: Root): GuardNotice | undefined {
  let first: TreeNode | undefined;
  const stack: Array<[TreeNode, number]> = [[tree as TreeNode, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node.children) continue;
    if (depth >= MAX_TREE_DEPTH) {
      first ??= node;
      node.children = [{ type: 'text', value: textOf(node) }];
      continue;
    }
    for (const child of node.children) stack.push([child, depth + 1]);
  }
  if (!first) return undefined;
  return {
    offset: first.position?.start.offset ?? 0, code: 'tree-flattened',
    message: `The Markdown nests deeper than ${MAX_TREE_DEPTH} levels; the deepest part is shown as plain text`,
    hint: 'Nest less deeply.',
  };
}

/** The text of a subtree, without recursion. */
function textOf(node: TreeNode): string {
  const out: string[] = [];
  const stack: TreeNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n.value === 'string') out.push(n.value);
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out.join('');
}
