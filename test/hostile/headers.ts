// The shipped `public/_headers` (Netlify / Cloudflare Pages format) read the way those hosts read it, and a static
// server that sends exactly those headers, so browser tests check the policy we ship, not a copy of it.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

export interface HeaderRule {
  pattern: string;
  headers: Array<[name: string, value: string]>;
}

/** Blocks of `path-pattern` then indented `Name: value` lines; `#` comments. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    if (/^\s*(#|$)/.test(raw)) continue;
    if (!/^\s/.test(raw)) { rules.push({ pattern: raw.trim(), headers: [] }); continue; }
    const m = /^\s+([^:\s]+):\s*(.*)$/.exec(raw);
    if (!m || rules.length === 0) throw new Error(`_headers: cannot read line "${raw}"`);
    rules[rules.length - 1].headers.push([m[1], m[2].trim()]);
  }
  return rules;
}

/** `*` matches any run of characters (slashes included); everything else literally. */
function matches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(path);
}

/** Headers for a path: every matching rule applies; a header several rules set is joined with ", " (as hosts do). */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

export function shippedHeaders(): HeaderRule[] {
  return parseHeaders(readFileSync('public/_headers', 'utf8'));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml',
  '.gexf': 'application/xml', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain', '.wasm': 'application/wasm',
};

/** Serves `dir` like a static host (folders serve index.html, else 404.html) with the headers of `rules`. */
export function serveWithHeaders(dir: string, rules: HeaderRule[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const headers = headersFor(rules, path);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) { res.writeHead(403, headers).end(); return; }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'Content-Type': TYPES['.html'], ...headersFor(rules, '/404.html') });
      createReadStream(join(dir, '404.html')).on('error', () => res.end('Not found')).pipe(res);
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
  }));
}
