// Reads an `astro build` log (lines with arrival times) into stage timings: Astro's phases from when their lines
// appeared, per-route-group totals from Astro's "(+12ms)" route lines, the engine's stages from the kg loader's line.

export interface AstroStages {
  /** Phase -> ms, in build order. */
  phases: Record<string, number>;
  /** Route group (e.g. `/entity/*\/index.html`) -> { pages, ms } summed from the per-route timings. */
  routes: Record<string, { pages: number; ms: number }>;
  /** Engine stage -> ms, from the `[kg-notes] ... engine ms: parse=… ` line (empty when the build does not print it). */
  engine: Record<string, number>;
  /** Pagefind indexing the pages (alongside them since 2026-12-06; older builds: its whole step, after them). */
  searchIndexMs?: number;
  /** Preview cards drawn in child processes from the start of the pages (overlapped with everything after). */
  ogMs?: number;
  /** After Astro's pages: note and embed pages and view files written while Pagefind writes its index and the cards finish. */
  afterPagesMs?: number;
  /** When each of those was done, from the start of that step. */
  afterParts?: { files: number; cards: number; search: number };
  pages?: number;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** `/entity/hikvision/og.png` -> `/entity/*\/og.png`; `/graph.json` stays itself. */
export function routeGroup(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (parts.length <= 1) return `/${parts.join('/')}`;
  if (parts.length === 2) return parts[1] === 'index.html' ? `/${parts[0]}/` : `/${parts[0]}/*`;
  return `/${parts[0]}/*/${parts.slice(2).join('/')}`;
}

const toMs = (value: string, unit: string) => (unit === 's' ? Number(value) * 1000 : Number(value));

export function parseAstroLog(lines: Array<{ ms: number; text: string }>, wallMs: number): AstroStages {
  const clean = lines.map((l) => ({ ms: l.ms, text: l.text.replace(ANSI, '') }));
  const at = (re: RegExp, from = 0) => {
    for (let i = from; i < clean.length; i++) if (re.test(clean[i].text)) return i;
    return -1;
  };
  // Phase boundaries, in order; a missing marker (e.g. a build that failed) ends the list there.
  const marks: Array<[string, RegExp]> = [
    ['startup', /\[content\] Syncing content/],
    ['content sync (engine + store)', /\[content\] Synced content/],
    ['types + build info', /Building static entrypoints/],
    ['bundle (vite)', /generating static routes/],
    ['generate pages + endpoints', /^\s*(\d\d:\d\d:\d\d )?✓ Completed in/],
    ['post-build hooks (sitemap, search index)', /\[build\] Complete!/],
  ];
  const phases: Record<string, number> = {};
  let prevMs = 0;
  let from = 0;
  for (const [name, re] of marks) {
    const i = at(re, from);
    if (i < 0) break;
    phases[name] = clean[i].ms - prevMs;
    prevMs = clean[i].ms;
    from = i + 1;
  }
  phases['exit'] = wallMs - prevMs;

  const routes: AstroStages['routes'] = {};
  for (const { text } of clean) {
    const m = /[├└]─ (\/\S*) \(\+([\d.]+)(m?s)\)/.exec(text);
    if (!m) continue;
    const g = routeGroup(m[1]);
    routes[g] ??= { pages: 0, ms: 0 };
    routes[g].pages++;
    routes[g].ms += toMs(m[2], m[3]);
  }

  const engine: Record<string, number> = {};
  const engineLine = clean.find((l) => /engine ms:/.test(l.text));
  if (engineLine) for (const [, k, v] of engineLine.text.matchAll(/(\w+)=(\d+)/g)) engine[k] = Number(v);

  const search = clean.map((l) => /indexed (\d+) pages (?:for search )?in (\d+) ms/.exec(l.text)).find(Boolean);
  const built = clean.map((l) => /(\d+) page\(s\) built/.exec(l.text)).find(Boolean);
  const og = clean.map((l) => /drew (\d+) preview cards (?:ahead )?in (\d+) ms/.exec(l.text)).find(Boolean);
  const after = clean.map((l) => /wrote (\d+) note pages and view files \((\d+) ms\), \d+ attachments, \d+ preview cards \((\d+) ms\) and the search index of (\d+) pages \((\d+) ms\) in (\d+) ms/.exec(l.text)).find(Boolean);
  return {
    phases, routes, engine, searchIndexMs: search ? Number(search[2]) : undefined, pages: built ? Number(built[1]) : undefined,
    ogMs: og ? Number(og[2]) : undefined, afterPagesMs: after ? Number(after[6]) : undefined,
    // When each part of the step after the pages was done, from its start.
    afterParts: after ? { files: Number(after[2]), cards: Number(after[3]), search: Number(after[5]) } : undefined,
  };
}
