// Page weight: bytes (raw and gzip) of an entity page's HTML, CSS and JS as first loaded, without graph data or
// lazily imported chunks. Usage: npx node bench/page-weight.ts [dist] [/entity/<id>/ ...]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? process.env.KG_OUT_DIR ?? 'dist';
const pages = process.argv.slice(3).length ? process.argv.slice(3) : ['/entity/hikvision/', '/', '/types/organization/'];
const BUDGET = 60 * 1024;

const read = (url: string) => readFileSync(join(dist, url.endsWith('/') ? `${url}index.html` : url));
const gz = (b: Buffer) => gzipSync(b, { level: 6 }).length;

/** Static imports of a built ES module (`import "./x.js"`, `from "./x.js"`); `import()` is lazy and not counted. */
function staticImports(code: string, from: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(new URL(m[1], `http://x${from}`).pathname);
  return out;
}

function weigh(page: string) {
  const html = read(page);
  const text = html.toString('utf8');
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  const js = new Set<string>();
  const queue = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  queue.push(...[...text.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]));
  while (queue.length) {
    const url = queue.shift()!;
    if (js.has(url) || !existsSync(join(dist, url))) continue;
    js.add(url);
    queue.push(...staticImports(read(url).toString('utf8'), url));
  }
  const sum = (urls: Iterable<string>) => [...urls].reduce((acc, u) => { const b = read(u); return { raw: acc.raw + b.length, gz: acc.gz + gz(b) }; }, { raw: 0, gz: 0 });
  const parts = { html: { raw: html.length, gz: gz(html) }, css: sum(css), js: sum(js) };
  const total = parts.html.gz + parts.css.gz + parts.js.gz;
  return { page, parts, total, files: { css, js: [...js] } };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
for (const page of pages) {
  const w = weigh(page);
  console.log(`${page}  total ${kb(w.total)} gzip (budget ${kb(BUDGET)}: ${w.total <= BUDGET ? 'within' : 'OVER'})`);
  for (const [k, v] of Object.entries(w.parts)) console.log(`  ${k.padEnd(4)} ${kb(v.raw).padStart(9)} raw  ${kb(v.gz).padStart(8)} gzip`);
  console.log(`  css: ${w.files.css.join(', ')}\n  js:  ${w.files.js.join(', ')}`);
}
