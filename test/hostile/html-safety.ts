// What "no script reaches a page" means, checked on parsed HTML (not by regex over text, where escaped markup would
// look like a tag): no executable or page-changing element, no event handler, no script or data URL, no inline style.
import { type DefaultTreeAdapterMap, parse, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements no note may bring into a page (the page's own chrome may have scripts; see `allowScripts`). */
const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'form', 'foreignobject', 'animate', 'set', 'portal']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'data', 'background', 'cite', 'srcset', 'ping', 'longdesc', 'manifest']);

/** A URL the way a browser reads its scheme: tabs, newlines and leading spaces or controls do not count. */
export function isScriptUrl(value: string): boolean {
  const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(javascript|vbscript|data):/.test(url);
}

export interface SafetyOptions {
  /** Page chrome: the site's own external module scripts, stylesheets and head meta are fine; inline scripts are not. */
  page?: boolean;
}

/** Every unsafe thing in `html`, described; empty when it is safe. */
export function unsafeParts(html: string, options: SafetyOptions = {}): string[] {
  const root = options.page ? parse(html) : parseFragment(html);
  const out: string[] = [];
  const stack: Node[] = [root as Node];
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node) checkElement(node as Element, options, out);
    const children = (node as { childNodes?: Node[] }).childNodes ?? [];
    for (const c of children) stack.push(c);
    const content = (node as { content?: Node }).content;
    if (content) stack.push(content);
  }
  return out;
}

function describe(el: Element): string {
  return `<${el.tagName}${el.attrs.map((a) => ` ${a.name}="${a.value.slice(0, 60)}"`).join('')}>`;
}

function checkElement(el: Element, options: SafetyOptions, out: string[]): void {
  const tag = el.tagName.toLowerCase();
  const attr = (name: string) => el.attrs.find((a) => a.name === name)?.value;
  if (FORBIDDEN.has(tag)) {
    const allowed = options.page && (
      (tag === 'script' && (attr('type') === 'module' ? attr('src') !== undefined : attr('type') === 'application/ld+json'))
      || (tag === 'link' && attr('rel') !== undefined && !/^\s*(import)\s*$/i.test(attr('rel')!))
      || (tag === 'meta' && attr('http-equiv') === undefined)
      // The site's own search forms (same-origin GET), and embeds' <base target="_top"> (no href).
      || (tag === 'form' && /^(\/|#)/.test(attr('action') ?? '#'))
      || (tag === 'base' && attr('href') === undefined));
    if (!allowed) out.push(`forbidden element ${describe(el)}`);
  }
  for (const a of el.attrs) {
    const name = a.name.toLowerCase();
    if (name.startsWith('on')) out.push(`event handler ${a.name} on ${describe(el)}`);
    if (name === 'style') out.push(`inline style on ${describe(el)}`);
    if (URL_ATTRIBUTES.has(name)) {
      const urls = name === 'srcset' ? a.value.split(',').map((s) => s.trim().split(/\s+/)[0]) : [a.value];
      // An <img> in the chrome may use a data: image; nothing else may carry a data: or script URL.
      for (const u of urls) if (isScriptUrl(u) && !(options.page && tag === 'img' && /^data:image\//i.test(u.trim()))) out.push(`script or data URL in ${describe(el)}`);
    }
  }
}
