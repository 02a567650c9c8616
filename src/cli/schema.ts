// `npm run schema [file]`: writes the JSON Schema of note frontmatter (default `frontmatter.schema.json`) for editors.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { frontmatterJsonSchema } from '../kg/exports/frontmatter-schema.ts';
import { loadConfig } from './load-config.ts';

const root = process.cwd();
const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'frontmatter.schema.json';
const config = await loadConfig(root);
writeFileSync(resolve(root, file), `${JSON.stringify(frontmatterJsonSchema(config), null, 2)}\n`);
process.stdout.write(`Wrote ${file}\n`);
