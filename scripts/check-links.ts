// Link check of a built site: every internal link, anchor, image, script and stylesheet in every HTML page resolves
// to a file in the folder (and every #anchor to an id on its page). Links to other sites are not followed.
//   npx node scripts/check-links.ts [dir] [--site https://example.org]   exit 1 with the list of broken references
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface BrokenLink {
  /** Page URL path, e.g. `/entity/hikvision/`. */
  page: string;
  /** The reference as written. */
  ref: string;
  reason: string;
}

/** Attributes that point at something the page links to or loads. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'], area: ['href'], link: ['href'], script: ['src'], img: ['src', 'srcset'], source: ['src', 'srcset'],
  iframe: ['src'], video: ['src', 'poster'], audio: ['src'], track: ['src'], embed: ['src'], object: ['data'],
  form: ['action'], use: ['href', 'xlink:href'], image: ['href', 'xlink:href'], input: ['src'],
};

interface Page { ids: Set<string>; refs: string[] }

function readPage(html: string): Page {
  const ids = new Set<string>();
  const refs: string[] = [];
  const stack: Node[] = [parse(html) as Node];
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node) {
      const el = node as Element;
      const attr = (name: string) => el.attrs.find((a) => a.name === name)?.value;
      const id = attr('id');
      if (id) ids.add(id);
      if (el.tagName === 'a' && attr('name')) ids.add(attr('name')!);
      for (const name of URL_ATTRIBUTES[el.tagName] ?? []) {
        const v = attr(name);
        if (v === undefined) continue;
        if (name === 'srcset') refs.push(...v.split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean));
        else refs.push(v);
      }
      // Preview images are absolute URLs on the site's own origin.
      if (el.tagName === 'meta' && /^(og:image|twitter:image)$/.test(attr('property') ?? attr('name') ?? '') && attr('content')) refs.push(attr('content')!);
    }
    for (const c of (node as { childNodes?: Node[] }).childNodes ?? []) stack.push(c);
    const content = (node as { content?: Node }).content;
    if (content) stack.push(content);
  }
  return { ids, refs };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    return e.isDirectory() ? htmlFiles(full) : e.name.endsWith('.html') ? [full] : [];
  });
}

/** The page's URL path: `entity/x/index.html` -> `/entity/x/`, `404.html` -> `/404.html`. */
const urlPathOf = (dir: string, file: string) => `/${relative(dir, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

/** The file a URL path is served from, if it exists (folders serve their index.html). */
function fileFor(dir: string, path: string): string | undefined {
  const full = join(dir, path);
  if (!full.startsWith(join(dir))) return undefined;
  if (existsSync(full) && statSync(full).isFile()) return full;
  const index = join(full, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** The site's origin, from the first canonical link (absolute links to it are internal links). */
function siteOrigin(dir: string, files: string[]): string | undefined {
  for (const f of files) {
    const m = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(f, 'utf8'));
    if (m) return new URL(m[1]).origin;
  }
  return undefined;
}

export function checkLinks(dir: string, site?: string): { pages: number; refs: number; broken: BrokenLink[] } {
  const files = htmlFiles(dir).sort();
  const origin = site ? new URL(site).origin : siteOrigin(dir, files);
  const pages = new Map(files.map((f) => [urlPathOf(dir, f), readPage(readFileSync(f, 'utf8'))]));
  const idsOf = (path: string) => {
    const file = fileFor(dir, path);
    return file ? (pages.get(urlPathOf(dir, file)) ?? readPage(readFileSync(file, 'utf8'))).ids : undefined;
  };
  const broken: BrokenLink[] = [];
  let refs = 0;
  for (const [page, { refs: list }] of pages) {
    const base = new URL(page, 'http://site.invalid');
    for (const ref of list) {
      refs++;
      const trimmed = ref.trim();
      if (/^(mailto|tel|data|javascript|vbscript):/i.test(trimmed)) {
        if (/^(javascript|vbscript):/i.test(trimmed)) broken.push({ page, ref, reason: 'script URL' });
        continue;
      }
      let url: URL;
      try { url = new URL(trimmed, base); } catch { broken.push({ page, ref, reason: 'not a URL' }); continue; }
      const internal = url.origin === base.origin || (origin !== undefined && url.origin === origin);
      if (!internal) continue;
      let path: string;
      try { path = decodeURIComponent(url.pathname); } catch { broken.push({ page, ref, reason: 'bad percent-encoding' }); continue; }
      const file = fileFor(dir, path);
      if (!file) { broken.push({ page, ref, reason: `no file for ${path}` }); continue; }
      if (url.hash.length > 1 && !url.hash.startsWith('#:~:') && file.endsWith('.html')) {
        let id: string;
        try { id = decodeURIComponent(url.hash.slice(1)); } catch { id = url.hash.slice(1); }
        if (!idsOf(path)?.has(id)) broken.push({ page, ref, reason: `no element with id "${id}" on ${path}` });
      }
    }
  }
  return { pages: pages.size, refs, broken };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const siteAt = args.indexOf('--site');
  const site = siteAt >= 0 ? args[siteAt + 1] : undefined;
  const dir = args.find((a, i) => !a.startsWith('--') && !(siteAt >= 0 && i === siteAt + 1)) ?? 'dist';
  const { pages, refs, broken } = checkLinks(dir, site);
  for (const b of broken) process.stdout.write(`${b.page}  ${b.ref}  (${b.reason})\n`);
  process.stdout.write(`${pages} pages, ${refs} references, ${broken.length} broken\n`);
  process.exitCode = broken.length ? 1 : 0;
}
