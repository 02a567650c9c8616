// Hast elements, as hastscript's `h` and `s` make them (property names and space-separated values normalised with
// property-information), with the lookups cached per property name: hastscript looks every property up again, which
// took ~9 s of the 10k build's note pages and views in a profile (bench/README.md, ninth round).
import type { Element, ElementContent, Properties } from 'hast';
import { parse as commas } from 'comma-separated-tokens';
import { find, html, svg, type Schema } from 'property-information';
import { parse as spaces } from 'space-separated-tokens';

export type Child = string | ElementContent | null | undefined | false | readonly Child[];
type Value = Properties[string] | undefined;

const NODE_TYPES = new Set(['element', 'text', 'raw', 'comment']);
const isNode = (v: object): boolean => NODE_TYPES.has((v as { type?: string }).type ?? '') && ('children' in v || 'value' in v);

// property-information's lookup is the slow part of building and of serialising (view-html.ts uses this one too):
// once per property name and schema.
const infos = new Map<Schema, Map<string, ReturnType<typeof find>>>();
export function propertyInfo(schema: Schema, key: string) {
  let perSchema = infos.get(schema);
  if (!perSchema) infos.set(schema, (perSchema = new Map()));
  let out = perSchema.get(key);
  if (!out) perSchema.set(key, (out = find(schema, key)));
  return out;
}

function add(out: ElementContent[], child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (typeof child === 'string') out.push({ type: 'text', value: child });
  else if (Array.isArray(child)) for (const c of child) add(out, c);
  else out.push(child as ElementContent);
}

type Info = ReturnType<typeof find>;

function primitive(i: Info, value: string | number): string | number | boolean {
  if (typeof value !== 'string') return value;
  if (i.number && value && !Number.isNaN(Number(value))) return Number(value);
  if ((i.boolean || i.overloadedBoolean) && (value === '' || value.toLowerCase() === i.property.toLowerCase())) return true;
  return value;
}

// hastscript's value rules: lists split (class, rel, stroke-dasharray, …), numbers and booleans from strings.
function value(i: Info, v: NonNullable<Value>): Properties[string] {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const list = typeof v === 'string'
    ? (i.spaceSeparated ? spaces(v) : i.commaSeparated ? commas(v) : i.commaOrSpaceSeparated ? spaces(commas(v).join(' ')) : undefined)
    : Array.isArray(v) ? v : undefined;
  if (list) return list.map((item) => primitive(i, item) as string | number);
  return typeof v === 'string' ? primitive(i, v) : String(v);
}

function properties(schema: Schema, props: Record<string, Value>): Properties {
  const out: Properties = {};
  for (const key in props) {
    const v = props[key];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    const i = propertyInfo(schema, key);
    out[i.property] = value(i, v);
  }
  return out;
}

function factory(schema: Schema) {
  return (tagName: string, props?: Record<string, Value> | Child, children?: Child): Element => {
    const hasProps = typeof props === 'object' && props !== null && !Array.isArray(props) && !isNode(props);
    const out: ElementContent[] = [];
    add(out, hasProps ? children : (props as Child));
    return { type: 'element', tagName, properties: hasProps ? properties(schema, props as Record<string, Value>) : {}, children: out };
  };
}

/** An HTML element: `h('p', { class: 'a b' }, ['text', h('b', 'bold')])`; properties may be left out: `h('li', children)`. */
export const h = factory(html);
/** An SVG element (property names from the SVG schema: `'stroke-width'` → strokeWidth). */
export const s = factory(svg);
