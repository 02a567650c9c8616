// Social preview images (OpenGraph / Twitter, 1200x630 PNG) of an entity and its depth-1 neighbourhood, drawn at build time.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeCacheFile } from './cache-file.ts';
import { collectionFace } from './font-collection.ts';
import { cardFontFiles, type CardFonts, subsetCardFonts } from './og-fonts.ts';
import { DRAWING_PROCESSES, IN_FLIGHT, OgPool } from './og-pool.ts';
import { siteState } from './site.ts';
import type { Site } from '../kg/build.ts';
import { allRelations } from '../kg/config.ts';
import { entityNeighbourhood, firstRing } from '../kg/neighbourhood.ts';
import { viewPositions } from '../kg/view-positions.ts';
import { sharedWeakMap } from '../kg/shared-memo.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface OgNode { x: number; y: number; r: number; color: string; label: string; focus: boolean }
export interface OgEdge { x1: number; y1: number; x2: number; y2: number; dash?: string; /** Touches the focus entity. */ primary: boolean }
export interface OgCard {
  siteTitle: string;
  domain: string;
  typeLabel: string;
  typeColor: string;
  title: string;
  summary: string;
  stats: string;
  nodes: OgNode[];
  edges: OgEdge[];
}

// Fixed font files so every build on a machine draws the same pixels; the first that exists of each role is used.
const FONT_CANDIDATES = {
  serifBold: ['/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf'],
  sans: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf'],
  sansBold: ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
  // Only loaded when the card has CJK text, and then only their CJK_FAMILY face (font-collection.ts).
  cjk: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'],
};
/** Han, kana and hangul: Simplified Chinese forms, the usual script of this kind of site. */
const CJK_FAMILY = 'Noto Sans CJK SC';
const SERIF = `'DejaVu Serif', '${CJK_FAMILY}', serif`;
const SANS = `'DejaVu Sans', 'Liberation Sans', '${CJK_FAMILY}', sans-serif`;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function fontFiles(needCjk: boolean): string[] {
  const pick = (list: string[]) => list.filter((f) => existsSync(f)).slice(0, 1);
  const files = [...pick(FONT_CANDIDATES.serifBold), ...pick(FONT_CANDIDATES.sans), ...pick(FONT_CANDIDATES.sansBold)];
  if (needCjk) files.push(...FONT_CANDIDATES.cjk.filter((f) => existsSync(f)).map(cjkFace));
  return files;
}

// The collection's CJK_FAMILY face as a file of its own, made once (in the card cache's font folder); the whole
// collection if that fails, which draws the same characters in its first face's forms.
const cjkFaces = new Map<string, string>();
function cjkFace(collection: string): string {
  let out = cjkFaces.get(collection);
  if (out === undefined) {
    try { out = collectionFace(collection, CJK_FAMILY, join(ogCacheDir(), 'fonts')); } catch { out = collection; }
    cjkFaces.set(collection, out);
  }
  return out;
}

/**
 * The font stack for one line of card text: CJK_FAMILY by name when the line has CJK, for the whole line. Left to
 * font fallback, resvg takes the first loaded face with the glyph, whatever the weight (regular strokes in a bold
 * title); and in resvg 2.6 a <tspan> in another font puts the rest of its line in the wrong font too.
 */
function lineFamily(line: string, family: string): string {
  return CJK.test(line) ? `'${CJK_FAMILY}'` : family;
}

export function escapeXml(s: string): string {
  // XML 1.0 forbids most control characters even escaped (resvg refuses the whole card); a note may contain them.
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Rough advance width of a string in ems (no font metrics at hand): enough to wrap lines without overflow. */
export function textWidthEm(s: string): number {
  let w = 0;
  // DejaVu is a wide face: lower-case letters average ~0.6 em.
  for (const ch of s) w += CJK.test(ch) ? 1 : ch === ' ' ? 0.32 : /[ilj.,'’:;|!]/.test(ch) ? 0.32 : /[mwMW@]/.test(ch) ? 0.92 : /[A-Z]/.test(ch) ? 0.74 : 0.62;
  return w;
}

function splitLong(word: string, maxEm: number): string[] {
  if (textWidthEm(word) <= maxEm) return [word];
  const parts: string[] = [];
  let part = '';
  for (const ch of word) {
    if (part && textWidthEm(part + ch) > maxEm) { parts.push(part); part = ''; }
    part += ch;
  }
  if (part) parts.push(part);
  return parts;
}

/** Greedy word wrap into at most `maxLines` lines of `maxEm` ems; the last line ends with … when text is cut. */
export function wrapText(text: string, maxEm: number, maxLines: number): string[] {
  // Words wider than a line (CJK runs have no spaces) are split between characters.
  const words = text.split(/\s+/).filter(Boolean).flatMap((w) => splitLong(w, maxEm));
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (textWidthEm(next) <= maxEm || !line) { line = next; continue; }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) { lines.push(line); i = words.length; }
  if (i < words.length || lines.some((l) => textWidthEm(l) > maxEm)) {
    let last = lines[lines.length - 1] ?? '';
    while (last && textWidthEm(`${last}…`) > maxEm) last = last.slice(0, -1);
    lines[lines.length - 1] = `${last.replace(/[\s,;:.]+$/, '')}…`;
  }
  return lines;
}

export function truncate(s: string, maxEm: number): string {
  if (textWidthEm(s) <= maxEm) return s;
  let out = s;
  while (out && textWidthEm(`${out}…`) > maxEm) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '10 7', dotted: '2 6' };
const GRAPH_BOX = { x: 650, y: 40, w: 510, h: 550 };
const MAX_LABELS = 12;

/** Places a subgraph's nodes and edges in the card's right half: positions fitted to the panel, hubs labelled first. */
function drawGraph(site: Site, nodeIds: string[], edgeKeys: string[], pos: Map<string, { x: number; y: number }>, focus?: string) {
  const relations = allRelations(site.config);
  // Fit the positions' bounding box into the panel, leaving room for labels around the nodes.
  const ps = nodeIds.map((n) => pos.get(n) ?? { x: 0, y: 0 });
  const minX = Math.min(...ps.map((p) => p.x)), maxX = Math.max(...ps.map((p) => p.x));
  const minY = Math.min(...ps.map((p) => p.y)), maxY = Math.max(...ps.map((p) => p.y));
  const inner = { w: GRAPH_BOX.w - 150, h: GRAPH_BOX.h - 130 };
  const scale = Math.min(inner.w / (maxX - minX || 1), inner.h / (maxY - minY || 1));
  const cx = GRAPH_BOX.x + GRAPH_BOX.w / 2, cy = GRAPH_BOX.y + GRAPH_BOX.h / 2;
  const at = (n: string) => {
    const p = pos.get(n) ?? { x: 0, y: 0 };
    return {
      x: Math.round((cx + (p.x - (minX + maxX) / 2) * scale) * 10) / 10,
      y: Math.round((cy + (p.y - (minY + maxY) / 2) * scale) * 10) / 10,
    };
  };
  const size = (n: string) => site.graph.getNodeAttribute(n, 'size');
  const labelled = new Set(nodeIds.filter((n) => n !== focus).sort((m, n) => size(n) - size(m) || (m < n ? -1 : 1)).slice(0, MAX_LABELS));
  const nodes: OgNode[] = nodeIds.map((n) => {
    const na = site.graph.getNodeAttributes(n);
    const isFocus = n === focus;
    return {
      ...at(n), focus: isFocus, color: site.config.types[na.type]?.color ?? '#888888',
      r: isFocus ? 22 : Math.round(Math.min(16, 8 + Math.sqrt(Math.max(0, na.size)) * 1.6)),
      // The focus is named in the title beside the graph.
      label: labelled.has(n) ? truncate(na.title, 230 / 19) : '',
    };
  });
  // Focus last so it is drawn on top.
  nodes.sort((m, n) => Number(m.focus) - Number(n.focus));
  const edges: OgEdge[] = edgeKeys.map((e) => {
    const s = at(site.graph.source(e)), t = at(site.graph.target(e));
    const primary = focus === undefined || site.graph.source(e) === focus || site.graph.target(e) === focus;
    return { x1: s.x, y1: s.y, x2: t.x, y2: t.y, primary, dash: DASH[relations[site.graph.getEdgeAttribute(e, 'type')]?.style ?? 'solid'] };
  });
  return { nodes, edges };
}

function siteDomain(site: Site): string {
  try { return site.config.site ? new URL(site.config.site).host : ''; } catch { return ''; }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The data a card shows for one entity: its text, and its depth-1 neighbourhood placed in the right half. */
export function ogCard(site: Site, id: string): OgCard {
  const a = site.graph.getNodeAttributes(id);
  const type = site.config.types[a.type];
  const ring = firstRing(entityNeighbourhood(site.graph, id), site.graph);
  const pos = ring.nodes.length > 1 ? viewPositions(site.graph, ring, site.config.seed) : new Map([[id, { x: 0, y: 0 }]]);
  const { nodes, edges } = drawGraph(site, ring.nodes.length ? ring.nodes : [id], ring.edges, pos, id);
  let relationCount = 0, sourceCount = 0;
  site.graph.forEachEdge(id, (_e, ea, s) => {
    if (ea.kind === 'relation') relationCount++;
    else if (ea.kind === 'cites' && s === id) sourceCount++;
  });
  const stats = [relationCount ? plural(relationCount, 'relation') : '', sourceCount ? plural(sourceCount, 'source') : ''].filter(Boolean).join(' · ');
  return {
    siteTitle: site.config.title, domain: siteDomain(site), typeLabel: type?.label ?? a.type, typeColor: type?.color ?? '#888888',
    title: a.title, summary: a.summary, stats, nodes, edges,
  };
}

/** Every text a card of this site can show (titles, summaries, type labels, also upper-cased): what its fonts need. */
export function cardText(site: Site): string {
  const parts = [site.config.title, site.config.description ?? '', siteDomain(site), 'A sourced reference'];
  for (const t of Object.values(site.config.types)) parts.push(t.label);
  site.graph.forEachNode((_n, a) => { parts.push(a.title, a.summary ?? ''); });
  const text = parts.join('\n');
  return `${text}${text.toUpperCase()}`;
}

/** Hubs shown on the site-wide card. */
const SITE_CARD_NODES = 20;

/** The site-wide card (home page, index pages, entities without a card of their own): the biggest hubs of the network. */
export function siteOgCard(site: Site): OgCard {
  const hubs = site.graph.nodes()
    .sort((m, n) => site.graph.getNodeAttribute(n, 'size') - site.graph.getNodeAttribute(m, 'size') || (m < n ? -1 : 1))
    .slice(0, SITE_CARD_NODES);
  const keep = new Set(hubs);
  const edges: string[] = [];
  for (const n of hubs) site.graph.forEachOutEdge(n, (e, ea, _s, t) => { if (ea.kind === 'relation' && keep.has(t)) edges.push(e); });
  edges.sort();
  const pos = new Map(hubs.map((n) => [n, { x: site.graph.getNodeAttribute(n, 'x'), y: site.graph.getNodeAttribute(n, 'y') }]));
  const drawn = drawGraph(site, hubs, edges, pos);
  let relationCount = 0;
  site.graph.forEachEdge((_e, ea) => { if (ea.kind === 'relation') relationCount++; });
  return {
    // The title is the site's: no masthead line above it.
    siteTitle: '', domain: siteDomain(site), typeLabel: 'A sourced reference', typeColor: '#1b1b1b',
    title: site.config.title, summary: site.config.description,
    stats: `${site.graph.order} ${site.graph.order === 1 ? 'entry' : 'entries'} · ${plural(relationCount, 'relation')}`,
    ...drawn,
  };
}

/** Drawing a card costs tens of milliseconds: a big vault draws cards for its best-connected entities only. */
export const DEFAULT_OG_LIMIT = 500;

/** Most entity cards a build draws (KG_OG_LIMIT; 0 turns them off); other pages share the site card. */
export function ogLimit(env = process.env.KG_OG_LIMIT): number {
  if (env === undefined || env.trim() === '') return DEFAULT_OG_LIMIT;
  const v = Number(env);
  return Number.isFinite(v) && v >= 0 ? Math.floor(v) : DEFAULT_OG_LIMIT;
}

const withCards = sharedWeakMap<Site, Map<number, Set<string>>>('og-cards');

/** Entities that get a card of their own: the `limit` with most connections (ties by id, so stable). */
export function entitiesWithCards(site: Site, limit = ogLimit()): Set<string> {
  let perLimit = withCards.get(site);
  if (!perLimit) withCards.set(site, (perLimit = new Map()));
  let set = perLimit.get(limit);
  if (!set) {
    const degree = (n: string) => site.graph.getNodeAttribute(n, 'degree');
    const ids = site.notes.map((n) => n.id).sort((m, n) => degree(n) - degree(m) || (m < n ? -1 : 1));
    perLimit.set(limit, (set = new Set(ids.slice(0, limit))));
  }
  return set;
}

/** The card as SVG text (what the PNG is rendered from; pure, so tests can read it). */
export function ogSvg(card: OgCard): string {
  const titleLines = wrapText(card.title, 540 / 52, 3);
  const titleSize = titleLines.length > 2 ? 46 : 52;
  const titleTop = 205;
  const summaryTop = titleTop + titleLines.length * titleSize * 1.15 + 30;
  const summaryLines = card.summary ? wrapText(card.summary, 540 / 26, titleLines.length > 2 ? 3 : 4) : [];
  const text = (x: number, y: number, size: number, family: string, weight: number, fill: string, s: string, anchor = 'start') =>
    `<text x="${x}" y="${y}" font-family="${lineFamily(s, family)}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escapeXml(s)}</text>`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#fbfaf7"/>`,
    `<rect x="${GRAPH_BOX.x - 20}" y="0" width="${OG_WIDTH - GRAPH_BOX.x + 20}" height="${OG_HEIGHT}" fill="#f0ede5"/>`,
    `<rect x="0" y="0" width="${OG_WIDTH}" height="10" fill="#1b1b1b"/>`,
    card.siteTitle ? text(60, 80, 24, SANS, 700, '#1b1b1b', truncate(card.siteTitle, 540 / 24)) : '',
    `<rect x="60" y="118" width="12" height="36" fill="${escapeXml(card.typeColor)}"/>`,
    text(84, 146, 26, SANS, 700, '#444444', card.typeLabel.toUpperCase()),
    ...titleLines.map((l, i) => text(60, titleTop + i * titleSize * 1.15, titleSize, SERIF, 700, '#111111', l)),
    ...summaryLines.map((l, i) => text(60, summaryTop + i * 26 * 1.4, 26, SANS, 400, '#3b3b3b', l)),
    `<line x1="60" y1="548" x2="590" y2="548" stroke="#cfc9bc" stroke-width="2"/>`,
    text(60, 586, 22, SANS, 400, '#555555', card.domain),
    text(GRAPH_BOX.x + GRAPH_BOX.w, 586, 22, SANS, 400, '#555555', card.stats, 'end'),
    // Edges among neighbours are context: fainter than the focus entity's own.
    `<g stroke="#d2cdc1" stroke-width="1.5" fill="none">`,
    ...card.edges.filter((e) => !e.primary).map(edgeSvg),
    `</g>`,
    `<g stroke="#7d786b" stroke-width="2.5" fill="none">`,
    ...card.edges.filter((e) => e.primary).map(edgeSvg),
    `</g>`,
    ...card.nodes.map((n) => `<circle cx="${n.x}" cy="${n.y}" r="${n.r}" fill="${escapeXml(n.color)}" stroke="${n.focus ? '#111111' : '#ffffff'}" stroke-width="${n.focus ? 4 : 2.5}"/>`),
    ...placeLabels(card.nodes).map(labelSvg),
    `</svg>`,
  ];
  return out.join('\n');
}

const edgeSvg = (e: OgEdge) => `<line x1="${e.x1}" y1="${e.y1}" x2="${e.x2}" y2="${e.y2}"${e.dash ? ` stroke-dasharray="${e.dash}"` : ''}/>`;

const LABEL_SIZE = 19;
interface PlacedLabel { text: string; x: number; y: number; box: [number, number, number, number] }

/** Greedy label placement: biggest nodes first, below / above / right / left of the node, skipped when every spot collides. */
export function placeLabels(nodes: OgNode[]): PlacedLabel[] {
  const boxes: Array<[number, number, number, number]> = nodes.map((n) => [n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r]);
  const hit = (b: [number, number, number, number]) => boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]);
  const placed: PlacedLabel[] = [];
  const order = nodes.filter((n) => n.label).sort((a, b) => b.r - a.r || a.x - b.x || a.y - b.y);
  for (const n of order) {
    const w = textWidthEm(n.label) * LABEL_SIZE;
    const h = LABEL_SIZE * 1.1;
    // Candidate centres (x) and baselines (y).
    // Labels under or over a node may slide sideways to stay inside the panel.
    const cx = Math.min(Math.max(n.x, GRAPH_BOX.x - 15 + w / 2 + 4), OG_WIDTH - 8 - w / 2 - 4);
    const spots = [
      { x: cx, y: n.y + n.r + LABEL_SIZE + 2 }, { x: cx, y: n.y - n.r - 8 },
      { x: n.x + n.r + 8 + w / 2, y: n.y + LABEL_SIZE / 3 }, { x: n.x - n.r - 8 - w / 2, y: n.y + LABEL_SIZE / 3 },
    ];
    for (const spot of spots) {
      const box: [number, number, number, number] = [spot.x - w / 2 - 3, spot.y - h + 3, spot.x + w / 2 + 3, spot.y + 5];
      if (box[0] < GRAPH_BOX.x - 15 || box[2] > OG_WIDTH - 8 || box[1] < 16 || box[3] > GRAPH_BOX.y + GRAPH_BOX.h - 4 || hit(box)) continue;
      boxes.push(box);
      placed.push({ text: n.label, x: Math.round(spot.x), y: Math.round(spot.y), box });
      break;
    }
  }
  return placed;
}

function labelSvg(l: PlacedLabel): string {
  return `<text x="${l.x}" y="${l.y}" font-family="${lineFamily(l.text, SANS)}" font-size="${LABEL_SIZE}" fill="#222222" text-anchor="middle" stroke="#f0ede5" stroke-width="5" stroke-linejoin="round" paint-order="stroke">${escapeXml(l.text)}</text>`;
}

function renderOptions(svg: string) {
  const files = cardFontFiles(g[FONTS], fontFiles(CJK.test(svg)), svg);
  return {
    fitTo: { mode: 'width' as const, value: OG_WIDTH },
    font: { loadSystemFonts: files.length === 0, fontFiles: files, defaultFontFamily: 'DejaVu Sans' },
    logLevel: 'off' as const,
  };
}

// One pool and one set of subset fonts per process, on globalThis: Astro loads this module more than once
// (integration, prerendered routes).
const POOL = Symbol.for('kg-og.pool');
const FONTS = Symbol.for('kg-og.fonts');
const USED = Symbol.for('kg-og.used');
const g = globalThis as typeof globalThis & { [POOL]?: OgPool; [FONTS]?: CardFonts; [USED]?: Set<string> };

/** Renders card SVG to PNG with fixed fonts (system fonts only when none exist), in a drawing process (og-pool.ts). */
export function ogPngAsync(svg: string): Promise<Uint8Array> {
  return (g[POOL] ??= new OgPool(siteState().root)).render(svg, renderOptions(svg));
}

// A content-addressed cache: an unchanged card (same SVG, same fonts, same renderer) is not drawn again on the next build.
const RENDERER = 'resvg-2.6.2+png-encode-2';

function cacheKey(svg: string): string {
  const fonts = fontFiles(CJK.test(svg)).map((f) => `${f}:${statSync(f).size}`).join('|');
  return createHash('sha256').update(`${RENDERER}\n${fonts}\n${svg}`).digest('hex');
}

export function ogCacheDir(): string {
  const out = process.env.KG_OUT_DIR;
  return join(out ? `${out}-cache` : 'node_modules/.astro', 'kg-og');
}

/** PNG for a card SVG, from the cache when it has it; cache trouble only costs time, never the build. */
export async function cachedOgPng(svg: string, dir = ogCacheDir()): Promise<Uint8Array> {
  const file = join(dir, `${cacheKey(svg)}.png`);
  (g[USED] ??= new Set()).add(file);
  try {
    if (existsSync(file)) return readFileSync(file);
  } catch { /* fall through and draw it */ }
  const png = await ogPngAsync(svg);
  try { writeCacheFile(file, png); } catch { /* read-only cache: fine */ }
  return png;
}

/**
 * After a build: removes the cards and font subsets this build did not use, so a site edited every day does not
 * keep every card it ever had. Returns how many files went. Only files the cache itself names are touched.
 */
export function pruneOgCache(dir = ogCacheDir()): number {
  const used = new Set([...(g[USED] ?? []), ...(g[FONTS]?.subsets.values() ?? [])].map((f) => resolve(f)));
  g[USED] = undefined;
  return pruneUnused(dir, used, /^[0-9a-f]{64}\.png$/) + pruneUnused(join(dir, 'fonts'), used, /^[\w.-]+-[0-9a-f]{24}\.ttf$/);
}

/** A half-written cache file (cache-file.ts) of a process that is gone: a build killed mid-write. */
function abandonedPart(name: string): boolean {
  const pid = /\.(\d+)\.part$/.exec(name)?.[1];
  if (!pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Deletes the files in `dir` whose names match `pattern` and whose paths are not in `keep`, and the half-written
 * files of processes that are gone; trouble is ignored.
 */
function pruneUnused(dir: string, keep: Set<string>, pattern: RegExp): number {
  let names: string[];
  try { names = readdirSync(dir); } catch { return 0; }
  let removed = 0;
  for (const name of names) {
    const part = abandonedPart(name) && pattern.test(name.replace(/\.\d+\.part$/, ''));
    if (!part && (!pattern.test(name) || keep.has(resolve(dir, name)))) continue;
    try { rmSync(join(dir, name)); removed++; } catch { /* read-only cache: fine */ }
  }
  return removed;
}

// Cards drawn ahead of the build's requests, per site, shared by both copies of this module (integration and pages):
// the drawings in progress, and the ids already asked for (whose bytes are not kept, and which are not drawn again).
const aheadBySite = sharedWeakMap<Site, { jobs: Map<string, Promise<Uint8Array>>; served: Set<string> }>('og-ahead');
const ahead = (site: Site) => {
  let mine = aheadBySite.get(site);
  if (!mine) aheadBySite.set(site, (mine = { jobs: new Map(), served: new Set() }));
  return mine;
};

/**
 * Build: start drawing every entity card now, while Astro renders the pages before them, a dozen at a time so the
 * main thread only computes the next SVGs (milliseconds) and the drawing processes do the bulk. Once the step after
 * the pages starts, writeOgCards asks for the rest at once and this loop skips them; returns how many it drew.
 */
export async function drawOgCardsAhead(site: Site): Promise<number> {
  // Fonts cut down to the site's characters draw the same pixels with far less reading (og-fonts.ts); without them
  // (any trouble making them) cards are drawn with the whole fonts.
  const text = cardText(site);
  g[FONTS] = await subsetCardFonts(fontFiles(CJK.test(text)), text, join(ogCacheDir(), 'fonts')).catch(() => undefined);
  const { jobs, served } = ahead(site);
  const window: Promise<unknown>[] = [];
  let drawn = 0;
  for (const note of site.notes) {
    // writeOgCards may have asked for a card before this loop reached it: it is drawn once.
    if (!entitiesWithCards(site).has(note.id) || jobs.has(note.id) || served.has(note.id)) continue;
    const job = cachedOgPng(ogSvg(ogCard(site, note.id)));
    jobs.set(note.id, job);
    drawn++;
    window.push(job.catch(() => {})); // a failure surfaces where the page asks for the image
    // Enough in flight that every drawing process has its next cards queued (og-pool.ts IN_FLIGHT) between two turns
    // of this thread's event loop, which runs in slices while the note pages are written.
    if (window.length >= 2 * DRAWING_PROCESSES * IN_FLIGHT) await window.shift();
  }
  await Promise.all(window);
  return drawn;
}

/**
 * Build: writes every entity card to `entity/<id>/og.png` under `outDir` as its drawing finishes (the drawing started
 * at astro:build:start). Not Astro routes: those would hold the pages phase until the last card, while the note pages
 * could be written meanwhile (page-shell.ts). Returns how many.
 */
export async function writeOgCards(site: Site, outDir: string): Promise<number> {
  const ids = site.notes.map((n) => n.id).filter((id) => entitiesWithCards(site).has(id));
  // Each written the moment it arrives, synchronously (a few hundred microseconds): asynchronous writes would wait
  // for turns of the event loop, which the note pages' writing gives only every 50 ms (view-files.ts).
  await Promise.all(ids.map(async (id) => {
    const png = await entityOgPng(site, id);
    mkdirSync(join(outDir, 'entity', id), { recursive: true });
    writeFileSync(join(outDir, 'entity', id, 'og.png'), png);
  }));
  // The drawing processes leave now, not a second later: Pagefind writes its index next (integration/index.ts), and
  // both at once went past 2.5 GB at 10k notes.
  await g[POOL]?.release();
  return ids.length;
}

/** The preview image of entity `id`: the one drawn ahead when there is one, else drawn now. */
export function entityOgPng(site: Site, id: string): Promise<Uint8Array> {
  const { jobs, served } = ahead(site);
  const job = jobs.get(id) ?? cachedOgPng(ogSvg(ogCard(site, id)));
  jobs.delete(id); // served once per build: do not keep the bytes
  served.add(id);
  return job;
}
