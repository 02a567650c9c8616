// `npm run new -- <type> "<Title>"`: creates content/<folder>/<Title>.md from the type's template. Refuses to
// overwrite or shadow an existing note; the file appears in one step (never half-written). Exit 1 when refused.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { didYouMean } from '../kg/diagnostics.ts';
import type { KgConfig } from '../kg/config.ts';
import { basenameOf } from '../kg/parse.ts';
import { nameKey, slugify } from '../kg/slug.ts';
import { readVault } from '../kg/vault.ts';
import { createFileAtomically } from './atomic-write.ts';
import { loadConfig } from './load-config.ts';

/** The folder people keep each type in (DESIGN.md "Layout"); other types get `<type>s`. */
const FOLDERS: Record<string, string> = {
  organization: 'organizations', person: 'people', agency: 'agencies', event: 'events', law: 'laws', source: 'sources', article: 'articles', note: 'notes',
};

// Characters that break file names on some systems (\ / : * ? " < > |) or wiki-links ([ ] # ^ |), and controls.
const UNSAFE_IN_NAME = /[\\/:*?"<>|[\]#^\u0000-\u001f\u007f]/g;

/** A file name for a title: unsafe characters become spaces; the exact title goes in `title:`. */
export function fileNameFor(title: string): string {
  return title.replace(UNSAFE_IN_NAME, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120).trim();
}

const yamlValue = (v: string) => stringify(v).trimEnd();

/** The new note: frontmatter with every field of the type (required ones first, empty), a relation example, a body. */
export function noteTemplate(config: KgConfig, type: string, title: string): string {
  const fields = Object.entries(config.types[type]?.fields ?? {});
  const required = fields.filter(([, f]) => f.required);
  const optional = fields.filter(([, f]) => !f.required);
  const example = (kind: string) => ({ date: '2019-10-07', url: 'https://…', country: 'CN', 'string[]': '[a, b]' })[kind];
  const relationTypes = Object.keys(config.relations).filter((id) => {
    const r = config.relations[id];
    return r.from.includes('*') || r.from.includes(type);
  });
  return [
    '---',
    `type: ${type}`,
    `title: ${yamlValue(title)}`,
    'aliases: []',
    'summary: ""',
    'tags: []',
    ...required.map(([name, f]) => `${name}:   # required${example(f.kind) ? `, e.g. ${example(f.kind)}` : ''}`),
    ...optional.map(([name, f]) => `# ${name}: ${example(f.kind) ?? ''}`.trimEnd()),
    ...(relationTypes.length ? [
    '# relations:',
      `#   - type: ${relationTypes[0]}${relationTypes.length > 1 ? `   # or ${relationTypes.slice(1, 6).join(', ')}${relationTypes.length > 6 ? ', …' : ''}` : ''}`,
      '#     to: "[[Other note]]"',
      '#     date: 2019-10-07',
      '#     sources: ["[[A source note]]"]',
    ] : []),
    'sources: []',
    '---',
    '',
  ].join('\n');
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(args: string[]): Promise<void> {
  const [type, ...rest] = args.filter((a) => !a.startsWith('--'));
  const title = rest.join(' ').trim();
  const root = process.cwd();
  const config = await loadConfig(root);
  const types = Object.keys(config.types);
  if (!type || !title) fail(`Usage: npm run new -- <type> "<Title>"   (types: ${types.join(', ')})`);
  if (!Object.hasOwn(config.types, type)) fail(`Unknown type "${type}". ${didYouMean(type, types) ?? `Types: ${types.join(', ')}.`}`);
  const name = fileNameFor(title);
  if (!name) fail(`"${title}" has no characters a file name can use; give the note a title with letters or digits.`);

  // A note with the same name elsewhere would make links to it ambiguous, and the same id would clash.
  const existing = (await readVault(root, config.contentDir)).map((f) => f.file);
  const clash = existing.find((f) => nameKey(basenameOf(f)) === nameKey(name) || slugify(basenameOf(f)) === slugify(name));
  if (clash) fail(`A note named like that exists already: ${clash}. Open it, or choose another title.`);

  const dir = join(root, config.contentDir, FOLDERS[type] ?? `${type}s`);
  const path = join(dir, `${name}.md`);
  mkdirSync(dir, { recursive: true });
  try {
    createFileAtomically(path, noteTemplate(config, type, title));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') fail(`${relative(root, path)} exists already; it was not changed.`);
    throw err;
  }
  const required = Object.entries(config.types[type].fields).filter(([, f]) => f.required).map(([n]) => n);
  process.stdout.write(`Created ${relative(root, path)}${required.length ? ` (fill in: ${required.join(', ')})` : ''}\n`);
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`new failed: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
