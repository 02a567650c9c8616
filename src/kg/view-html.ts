// Hast -> HTML string for the markup the site builds as hastscript trees: the views' static fallbacks and the note
// pages (src/components/html/). There are tens of thousands of them at scale, so they are serialised here with
// hast-util-to-html's output rules for what they contain, escaping included (checked byte for byte against it in
// test/unit/view-html.test.ts and note-pages.test.ts, with hostile note text) at a fraction of its cost. Raw nodes
// pass through: a view's SVG serialised once, a note's sanitised body HTML.
import type { Element, ElementContent, Root } from 'hast';
import { html, svg, type Schema } from 'property-information';
import { propertyInfo } from './hast-element.ts';

// The void elements of HTML (no closing tag), as hast-util-to-html has them.
const VOIDS = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// SVG elements whose content is HTML again.
const HTML_IN_SVG = new Set(['desc', 'foreignObject', 'title']);

const hex = (c: string) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
export const escapeText = (s: string) => (s.includes('<') || s.includes('&') ? s.replace(/[<&]/g, hex) : s);
// Tested first without the g flag (a global regex's test() keeps state between calls).
const ATTRIBUTE_SPECIAL = /[\0"&'`]/;
const ATTRIBUTE_SPECIALS = new RegExp(ATTRIBUTE_SPECIAL.source, 'g');
export const escapeAttribute = (s: string) => (ATTRIBUTE_SPECIAL.test(s) ? s.replace(ATTRIBUTE_SPECIALS, hex) : s);


function attribute(schema: Schema, key: string, raw: unknown): string {
  const i = propertyInfo(schema, key);
  let value = raw;
  if (typeof value === 'string' && !i.boolean && !i.overloadedBoolean) return ` ${i.attribute}="${escapeAttribute(value)}"`;
  if (i.overloadedBoolean && (value === i.attribute || value === '')) value = true;
  else if ((i.boolean || i.overloadedBoolean) && (typeof value !== 'string' || value === i.attribute || value === '')) value = Boolean(value);
  if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value))) return '';
  if (value === true) return ` ${i.attribute}`;
  const text = Array.isArray(value) ? (i.commaSeparated ? value.join(', ') : value.join(' ').trim()) : String(value);
  return ` ${i.attribute}="${escapeAttribute(text)}"`;
}

function element(el: Element, schema: Schema): string {
  const inner = schema.space === 'html' && el.tagName === 'svg' ? svg : schema;
  let attrs = '';
  for (const key in el.properties) {
    const v = el.properties[key];
    if (v !== null && v !== undefined) attrs += attribute(inner, key, v);
  }
  const childSchema = inner.space === 'svg' && HTML_IN_SVG.has(el.tagName) ? html : inner;
  const content = children(el.children, childSchema, el.tagName);
  const open = `<${el.tagName}${attrs}>`;
  if (!content && inner.space === 'html' && VOIDS.has(el.tagName.toLowerCase())) return open;
  return `${open}${content}</${el.tagName}>`;
}

function children(nodes: ElementContent[], schema: Schema, parentTag?: string): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'element') out += element(node, schema);
    else if (node.type === 'text') out += parentTag === 'script' || parentTag === 'style' ? node.value : escapeText(node.value);
    else if (node.type === 'raw') out += node.value;
  }
  return out;
}

export function hastToHtml(el: ElementContent | Root): string {
  return el.type === 'root' ? children(el.children as ElementContent[], html) : children([el], html);
}
