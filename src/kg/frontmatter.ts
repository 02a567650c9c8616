// Frontmatter: find the YAML block, parse it safely, and map value paths back to file positions.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Pair, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { LineIndex } from './line-index.ts';
import type { Position } from './types.ts';

export interface Frontmatter {
  /** Parsed data; `{}` when the note has no frontmatter. */
  data: Record<string, unknown>;
  /** Offset of the first YAML character in the file. */
  offset: number;
  doc?: Document;
  error?: { code: string; message: string; hint: string; offset: number };
}

// Many aliases is how a "billion laughs" document explodes; real notes use none.
const MAX_ALIAS_COUNT = 50;
const FENCE = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export function parseFrontmatter(text: string): Frontmatter {
  const open = FENCE.exec(text);
  if (!open) return { data: {}, offset: 0 };
  const offset = open[0].length;
  const rest = text.slice(offset);
  const close = CLOSE.exec(rest);
  if (!close) {
    return {
      data: {}, offset,
      error: { code: 'yaml-unclosed', message: 'Frontmatter starts with `---` but is never closed', hint: 'Add a line with `---` after the last frontmatter field.', offset: 0 },
    };
  }
  const yamlText = rest.slice(0, close.index);
  // logLevel 'error': yaml must not print warnings (e.g. about list-valued keys) to the console; problems are diagnostics.
  // uniqueKeys false: yaml's own check compares every key with every other (100,000 keys took minutes); the same
  // check, in one pass, is duplicateKey below.
  const doc = parseDocument(yamlText, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error' });
  const firstError = doc.errors[0];
  if (firstError) {
    const tooDeep = /Maximum call stack/.test(firstError.message);
    return {
      data: {}, offset, doc,
      error: {
        code: 'yaml-syntax',
        message: tooDeep ? 'Invalid YAML: the frontmatter nests lists or mappings too deeply' : `Invalid YAML: ${firstError.message.split('\n')[0]}`,
        hint: tooDeep ? 'Write fields as flat values or short lists.' : 'Check indentation, and quote values that contain `:`, `#`, `[` or quotes.',
        // Where yaml ran out of stack depends on the stack size: point at the block, the same on every machine.
        offset: tooDeep ? 0 : errorOffset(yamlText, firstError.code, firstError.message, firstError.pos[0]),
      },
    };
  }
  const duplicate = duplicateKey(doc);
  if (duplicate !== undefined) {
    return {
      data: {}, offset, doc,
      error: { code: 'yaml-syntax', message: 'Invalid YAML: Map keys must be unique', hint: 'Remove or rename the repeated field.', offset: duplicate },
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return {
      data: {}, offset, doc,
      error: { code: 'yaml-alias-bomb', message: `Frontmatter uses too many YAML aliases (${(err as Error).message})`, hint: 'Write values out instead of using `&anchor` / `*alias` references.', offset: 0 },
    };
  }
  if (data === null || data === undefined) return { data: {}, offset, doc };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      data: {}, offset, doc,
      error: { code: 'frontmatter-not-mapping', message: `Frontmatter must be a mapping of \`key: value\` fields, not ${Array.isArray(data) ? 'a list' : 'a single value'}`, hint: 'Write fields like `type: organization`, one per line.', offset: 0 },
    };
  }
  return { data: data as Record<string, unknown>, offset, doc };
}

/** Offset of the first key that repeats an earlier key of the same mapping, at any depth; one pass, no recursion. */
function duplicateKey(doc: Document): number | undefined {
  let first: number | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const name = `${typeof pair.key.value}:${String(pair.key.value)}`;
          const at = pair.key.range?.[0] ?? 0;
          if (seen.has(name) && (first === undefined || at < first)) first = at;
          seen.add(name);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
  }
  return first;
}

/** yaml reports an unclosed quote where the text ends; the opening quote is where the writer must look. */
function errorOffset(yamlText: string, code: string, message: string, pos: number): number {
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const quote = message.includes('"') ? '"' : "'";
    const open = yamlText.lastIndexOf(quote, pos - 1);
    if (open >= 0) return open;
  }
  return pos;
}

// A mapping's pairs by key, built once per mapping: a note with thousands of unknown keys asks for each of them.
const pairIndex = new WeakMap<object, Map<string, Pair>>();
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    pairIndex.set(map, index);
  }
  return index;
}

/**
 * File position of a value (or of its key, for "unknown field" errors) inside the frontmatter.
 * Falls back to the nearest ancestor that exists, then to the start of the block.
 */
export function positionOf(fm: Frontmatter, lines: LineIndex, path: ReadonlyArray<PropertyKey>, at: 'key' | 'value' = 'value'): Position {
  const doc = fm.doc;
  if (!doc) return lines.at(Math.max(0, fm.offset - 4));
  let node: unknown = doc.contents;
  let best = (node as { range?: number[] })?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(seg));
      if (!pair) break;
      const keyStart = (pair.key as { range?: number[] }).range?.[0];
      if (last && at === 'key' && keyStart !== undefined) return lines.at(fm.offset + keyStart);
      node = pair.value;
      const vStart = (node as { range?: number[] } | null)?.range?.[0];
      best = vStart ?? keyStart ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      const start = (node as { range?: number[] } | null)?.range?.[0];
      if (start === undefined) break;
      best = start;
    } else break;
  }
  return lines.at(fm.offset + best);
}

/** Where the Markdown body starts: after the frontmatter's closing fence, or 0 when there is none (or it never closes). */
export function bodyStart(text: string): number {
  const open = FENCE.exec(text);
  if (!open) return 0;
  const close = CLOSE.exec(text.slice(open[0].length));
  return close ? open[0].length + close.index + close[0].length : 0;
}
