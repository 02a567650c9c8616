// Deterministic synthetic vault: N notes in the note format, heavy-tailed links, typed relations, sources, footnotes.
// Same (notes, seed) -> the same files, byte for byte. CLI: `npx node bench/vault/generate.ts <notes> <dir> [seed]`.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { DEFAULT_RELATIONS } from '../../src/kg/config.ts';
import { agencyName, eventName, lawName, orgName, personName, sourceName, wordFor } from './names.ts';

export interface VaultSpec {
  notes: number;
  seed: number;
}

export interface VaultStats {
  notes: number;
  entities: number;
  sources: number;
  articles: number;
  relations: number;
  bodyLinks: number;
  views: number;
  bytes: number;
}

interface Stub {
  n: number;
  type: string;
  title: string;
  file: string;
  aliases: string[];
  year: number;
}

type Rng = () => number;

const ENTITY_TYPES: Array<[string, number]> = [['organization', 0.35], ['person', 0.35], ['agency', 0.1], ['event', 0.12], ['law', 0.08]];
const FOLDERS: Record<string, string> = { organization: 'organizations', person: 'people', agency: 'agencies', event: 'events', law: 'laws', source: 'sources', article: 'articles' };
const WORDS = ('the a of and to in said that it was for on with as by at from an were its has had government company ministry export ' +
  'license sanctions list surveillance equipment technology trade security officials statement rule camera supplier market ' +
  'investors report shares week month year decision review court agency spokesman added listed measures concern response').split(' ');

/** Index into a list of `len` items, skewed to the front: the first items become hubs (heavy-tailed in-degree). */
const skewed = (rng: Rng, len: number, power = 3) => Math.min(len - 1, Math.floor(len * Math.pow(rng(), power)));
/** 1 + a geometric count: most notes have few links, some have many. */
const geometric = (rng: Rng, p: number, max: number) => { let k = 1; while (k < max && rng() < p) k++; return k; };
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (rng: Rng, year: number) => `${year}-${pad(1 + Math.floor(rng() * 12))}-${pad(1 + Math.floor(rng() * 28))}`;
const fileName = (title: string) => title.replace(/[\\/:*?"<>|#^[\]]/g, '').replace(/\.+$/, '');
const q = (s: string) => JSON.stringify(s);
const link = (title: string) => `"[[${title}]]"`;

function sentence(rng: Rng, words = 8 + Math.floor(rng() * 10)): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(rng, WORDS));
  return `${out.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function nameFor(type: string, n: number, year: number) {
  switch (type) {
    case 'organization': return orgName(n);
    case 'person': return personName(n);
    case 'agency': return agencyName(n);
    case 'event': return eventName(n, year);
    default: return lawName(n);
  }
}

/** Plans every note's name first, so links can point anywhere (including forward). */
function planNotes(rng: Rng, spec: VaultSpec): { entities: Stub[]; byType: Map<string, Stub[]>; sources: Stub[]; articles: Stub[] } {
  const sourceCount = Math.max(1, Math.round(spec.notes * 0.1));
  const articleCount = Math.max(1, Math.round(spec.notes / 2000));
  const entityCount = Math.max(2, spec.notes - sourceCount - articleCount);
  const entities: Stub[] = [];
  const byType = new Map<string, Stub[]>(ENTITY_TYPES.map(([t]) => [t, []]));
  for (let i = 0; i < entityCount; i++) {
    let u = rng();
    let type = ENTITY_TYPES[ENTITY_TYPES.length - 1][0];
    for (const [t, share] of ENTITY_TYPES) { if (u < share) { type = t; break; } u -= share; }
    const year = 2010 + Math.floor(rng() * 14);
    const name = nameFor(type, i, year);
    const stub = { n: i, type, title: name.title, file: `${FOLDERS[type]}/${fileName(name.title)}.md`, aliases: [name.alias, name.hanzi], year };
    entities.push(stub);
    byType.get(type)!.push(stub);
  }
  const sources: Stub[] = [];
  for (let i = 0; i < sourceCount; i++) {
    const n = entityCount + i;
    const year = 2015 + Math.floor(rng() * 9);
    const { title } = sourceName(n, dateIn(rng, year));
    sources.push({ n, type: 'source', title, file: `sources/${fileName(title)}.md`, aliases: [], year });
  }
  const articles: Stub[] = [];
  for (let i = 0; i < articleCount; i++) {
    const title = `How the ${wordFor(entityCount + sourceCount + i)} network grew`;
    articles.push({ n: entityCount + sourceCount + i, type: 'article', title, file: `articles/${fileName(title)}.md`, aliases: [], year: 2023 });
  }
  return { entities, byType, sources, articles };
}

const allows = (list: string[], type: string) => list.includes('*') || list.includes(type);

/** Relations this note may write: [relation id as written, target type candidates]. */
function relationChoices(type: string): Array<{ written: string; targets: string[] }> {
  const out: Array<{ written: string; targets: string[] }> = [];
  const entityTypes = ENTITY_TYPES.map(([t]) => t);
  for (const [id, spec] of Object.entries(DEFAULT_RELATIONS)) {
    if (allows(spec.from, type)) out.push({ written: id, targets: entityTypes.filter((t) => allows(spec.to, t)) });
    if (spec.inverseId && allows(spec.to, type)) out.push({ written: spec.inverseId, targets: entityTypes.filter((t) => allows(spec.from, t)) });
  }
  return out.filter((c) => c.targets.length > 0);
}

function entityNote(rng: Rng, note: Stub, plan: ReturnType<typeof planNotes>, stats: VaultStats): string {
  const cited = Array.from({ length: geometric(rng, 0.4, 4) }, () => plan.sources[skewed(rng, plan.sources.length, 2)].title);
  const citedUnique = [...new Set(cited)];
  const fm: string[] = ['---', `type: ${note.type}`, `title: ${q(note.title)}`, `aliases: [${note.aliases.map(q).join(', ')}]`];
  fm.push(`summary: ${q(`${note.title}: ${sentence(rng, 10)}`)}`);
  fm.push(`tags: [${[pick(rng, ['surveillance', 'export-control', 'trade', 'xinjiang', 'semiconductors']), `cohort-${note.n % 20}`].join(', ')}]`);
  if (note.type === 'organization') fm.push(`country: ${pick(rng, ['CN', 'US', 'HK', 'TW', 'DE', 'JP'])}`, `founded: ${note.year - 20}`);
  if (note.type === 'person') fm.push(`role: ${q(pick(rng, ['Spokesperson', 'Chief executive', 'Minister', 'Senator', 'Analyst', 'Director']))}`);
  if (note.type === 'agency') fm.push(`country: ${pick(rng, ['CN', 'US'])}`, `level: ${pick(rng, ['national', 'provincial', 'municipal'])}`);
  if (note.type === 'event') fm.push(`date: ${dateIn(rng, note.year)}`);
  if (note.type === 'law') fm.push(`jurisdiction: ${pick(rng, ['US', 'CN', 'EU'])}`, `enacted: ${note.year}`);

  const choices = relationChoices(note.type);
  const count = geometric(rng, 0.5, 16);
  const rels: string[] = [];
  for (let i = 0, tries = 0; rels.length < count && tries < count * 4; tries++, i++) {
    const c = pick(rng, choices);
    const pool = plan.byType.get(pick(rng, c.targets))!;
    if (pool.length === 0) continue;
    const target = pool[skewed(rng, pool.length)];
    if (target === note) continue;
    const lines = [`  - type: ${c.written}`, `    to: ${link(target.title)}`];
    if (rng() < 0.7) lines.push(`    date: ${dateIn(rng, Math.max(note.year, target.year))}`);
    lines.push(`    sources: [${link(pick(rng, citedUnique))}]`);
    if (rng() < 0.3) lines.push(`    quote: ${q(sentence(rng))}`);
    rels.push(lines.join('\n'));
  }
  stats.relations += rels.length;
  if (rels.length) fm.push('relations:', ...rels);
  fm.push(`sources: [${citedUnique.map(link).join(', ')}]`, '---');

  // Body: a few paragraphs; wiki-links by title, by shown text, by Latin and Chinese alias; footnotes cite the sources.
  const paragraphs: string[] = [];
  const mentions = geometric(rng, 0.65, 24);
  let placed = 0;
  const paraCount = 2 + Math.floor(rng() * 3);
  for (let p = 0; p < paraCount; p++) {
    const sentences: string[] = [];
    const sCount = 3 + Math.floor(rng() * 3);
    for (let s = 0; s < sCount; s++) {
      let text = sentence(rng);
      if (placed < mentions && rng() < 0.7) {
        const target = plan.entities[skewed(rng, plan.entities.length)];
        const u = rng();
        const written = u < 0.6 ? `[[${target.title}]]` : u < 0.8 ? `[[${target.title}|${target.aliases[0]}]]` : u < 0.9 ? `[[${target.aliases[0]}]]` : `[[${target.aliases[1]}]]`;
        text = text.replace(/ (\w+)\.$/, ` $1 ${written}.`);
        placed++;
        stats.bodyLinks++;
      }
      if (rng() < 0.25) text += `[^${1 + Math.floor(rng() * citedUnique.length)}]`;
      sentences.push(text);
    }
    paragraphs.push(sentences.join(' '));
  }
  const notes = citedUnique.map((title, i) => `[^${i + 1}]: [[${title}]]`);
  return `${fm.join('\n')}\n${paragraphs.join('\n\n')}\n\n${notes.join('\n')}\n`;
}

function sourceNote(rng: Rng, note: Stub, plan: ReturnType<typeof planNotes>, stats: VaultStats): string {
  const date = note.title.match(/\d{4}-\d{2}-\d{2}/)![0];
  const { publisher } = sourceName(note.n, date);
  const about = plan.entities[skewed(rng, plan.entities.length)];
  stats.bodyLinks++;
  return [
    '---', 'type: source', `title: ${q(note.title)}`, `summary: ${q(sentence(rng, 12))}`, `publisher: ${q(publisher)}`,
    `date: ${date}`, `url: https://news.example.org/${note.n}`, `language: ${pick(rng, ['en', 'zh'])}`, '---',
    `${sentence(rng)} It reports on [[${about.title}]]. ${sentence(rng)}`, '',
  ].join('\n');
}

function articleNote(rng: Rng, note: Stub, plan: ReturnType<typeof planNotes>, stats: VaultStats): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < 2; i++) {
    // Focus on ordinary entities, not hubs, so a view stays readable; every entity writes at least one relation.
    const focus = plan.entities[plan.entities.length - 1 - Math.floor(rng() * Math.min(plan.entities.length, 500))];
    paragraphs.push(`${sentence(rng)} [[${focus.title}]] ${sentence(rng)}`, `::graph{focus=${q(focus.aliases[0])} depth=1 caption=${q(`Around ${focus.title}`)}}`);
    stats.views++;
    stats.bodyLinks++;
  }
  return ['---', 'type: article', `title: ${q(note.title)}`, `summary: ${q(sentence(rng, 12))}`, `date: ${note.year}-01-01`, '---', paragraphs.join('\n\n'), ''].join('\n');
}

/** The vault as (path, text) pairs, in a fixed order. Pure. */
export function generateVault(spec: VaultSpec): { files: Array<{ path: string; text: string }>; stats: VaultStats } {
  const rng = seedrandom(`kg-bench-${spec.seed}`);
  const plan = planNotes(rng, spec);
  const stats: VaultStats = { notes: 0, entities: plan.entities.length, sources: plan.sources.length, articles: plan.articles.length, relations: 0, bodyLinks: 0, views: 0, bytes: 0 };
  const files: Array<{ path: string; text: string }> = [];
  for (const e of plan.entities) files.push({ path: e.file, text: entityNote(rng, e, plan, stats) });
  for (const s of plan.sources) files.push({ path: s.file, text: sourceNote(rng, s, plan, stats) });
  for (const a of plan.articles) files.push({ path: a.file, text: articleNote(rng, a, plan, stats) });
  stats.notes = files.length;
  stats.bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
  return { files, stats };
}

/** Writes the vault to `dir` (replacing it), unless the same spec is already there. */
export async function writeVault(dir: string, spec: VaultSpec): Promise<VaultStats> {
  const stamp = join(dir, '.vault.json');
  try {
    const prev = JSON.parse(await readFile(stamp, 'utf8'));
    if (prev.spec.notes === spec.notes && prev.spec.seed === spec.seed && prev.version === VERSION) return prev.stats;
  } catch { /* not there yet */ }
  const { files, stats } = generateVault(spec);
  await rm(dir, { recursive: true, force: true });
  for (const folder of new Set(files.map((f) => f.path.split('/')[0]))) await mkdir(join(dir, folder), { recursive: true });
  for (let i = 0; i < files.length; i += 256) {
    await Promise.all(files.slice(i, i + 256).map((f) => writeFile(join(dir, f.path), f.text)));
  }
  await writeFile(stamp, JSON.stringify({ version: VERSION, spec, stats }, null, 2));
  return stats;
}

/** Bump when the generator's output changes, so cached vaults are rebuilt. */
const VERSION = 2;

if (import.meta.main) {
  const [notes = '1000', dir = `bench/vaults/${notes}`, seed = '1'] = process.argv.slice(2);
  const stats = await writeVault(dir, { notes: Number(notes), seed: Number(seed) });
  console.log(JSON.stringify(stats));
}
