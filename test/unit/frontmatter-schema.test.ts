// The JSON Schema for editors accepts every demo note and rejects what the engine rejects (checked with ajv, the
// validator editor tooling uses); the committed copy is the one `npm run schema` writes.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/cli/load-config.ts';
import { frontmatterJsonSchema } from '../../src/kg/exports/frontmatter-schema.ts';
import { listVault } from '../../src/kg/vault.ts';

const config = await loadConfig(process.cwd());
const schema = frontmatterJsonSchema(config);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const frontmatter = (text: string) => parse(/^---\n([^]*?)\n---/.exec(text)?.[1] ?? '') ?? {};

describe('frontmatter JSON Schema', () => {
  it('accepts every note of the demo', async () => {
    const { notes } = await listVault(process.cwd(), 'content');
    expect(notes.length).toBeGreaterThan(40);
    for (const file of notes) expect(validate(frontmatter(readFileSync(file, 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it.each([
    ['a misspelt type', { type: 'organisation' }],
    ['an unknown field', { type: 'organization', contry: 'CN' }],
    ['a country that is not a code', { type: 'organization', country: 'China' }],
    ['a date in another format', { type: 'event', date: '8 October 2019' }],
    ['a source without its required fields', { type: 'source', url: 'https://example.org' }],
    ['a relation type the note type may not start', { type: 'organization', relations: [{ type: 'works_for', to: '[[Hikvision]]' }] }],
    ['a relation without a target', { type: 'person', relations: [{ type: 'works_for' }] }],
    ['a relation field that does not exist', { type: 'person', relations: [{ type: 'works_for', to: '[[X]]', sauce: 'y' }] }],
  ])('rejects %s', (_, data) => {
    expect(validate(data)).toBe(false);
  });

  it('accepts plain notes with any fields (Obsidian properties) and inverse relation ids', () => {
    expect(validate({ created: '2024-01-01', cssclasses: ['wide'] })).toBe(true);
    expect(validate({ type: 'organization', relations: [{ type: 'sanctioned_by', to: '[[US Department of Commerce]]', date: 2019 }] })).toBe(true);
  });

  it('is committed as npm run schema writes it', () => {
    expect(readFileSync('frontmatter.schema.json', 'utf8')).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });
});
