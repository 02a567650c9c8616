// A JSON Schema of note frontmatter, made from the same zod schemas the engine validates with, so editors can
// complete and check fields (`npm run schema`; see the README's "Editor help").
import { z } from 'zod';
import type { FieldSpec, KgConfig } from '../config.ts';
import { noteSchema, relationSchema } from '../schema.ts';

type Json = Record<string, unknown>;

const toJson = (schema: z.ZodType): Json => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Json;
  return rest;
};

const DATE = { pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY-MM-DD, YYYY-MM or YYYY' };
const LINK = 'A link to a note: "[[Name]]" (file name, title or alias)';

/** What zod cannot say in JSON Schema (its refinements): date, URL and country formats, and labels. */
function describeField(spec: FieldSpec, json: Json): Json {
  const extra: Record<FieldSpec['kind'], Json> = {
    date: { anyOf: [{ type: 'string', pattern: DATE.pattern }, { type: 'integer', minimum: 1, maximum: 9999 }] },
    url: { type: 'string', pattern: '^(https?://|/)', format: 'uri-reference' },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    string: {},
    'string[]': {},
  };
  return { ...json, ...extra[spec.kind], description: `${spec.label}${spec.kind === 'date' ? ` (${DATE.description})` : ''}${spec.kind === 'country' ? ' (two-letter code, e.g. CN)' : ''}${spec.required ? '; required' : ''}` };
}

/** Relation ids a note of `type` may write: types it may start, and inverse ids of types it may end. */
function relationIdsFor(config: KgConfig, type: string): string[] {
  const ids: string[] = [];
  for (const [id, spec] of Object.entries(config.relations)) {
    const fits = (list: string[]) => list.includes('*') || list.includes(type);
    if (fits(spec.from)) ids.push(id);
    if (spec.inverseId && fits(spec.to)) ids.push(spec.inverseId);
  }
  return [...new Set(ids)].sort();
}

function relationItem(config: KgConfig, type: string): Json {
  const json = toJson(relationSchema);
  const props = json.properties as Record<string, Json>;
  for (const key of ['date', 'start', 'end']) props[key] = describeField({ kind: 'date', label: key === 'date' ? 'When it happened' : key === 'start' ? 'Since' : 'Until' }, props[key]);
  props.type = { enum: relationIdsFor(config, type), description: 'Relation type (or its inverse id, written from the other end)' };
  props.to = { ...props.to, description: LINK };
  props.sources = { ...props.sources, description: 'Source notes for this relation: ["[[Source]]"]' };
  props.quote = { ...props.quote, description: 'The words of the source that support it' };
  return { ...json, additionalProperties: false };
}

function typeSchema(config: KgConfig, type: string): Json {
  const json = toJson(noteSchema(config, type));
  const props = json.properties as Record<string, Json>;
  for (const [name, spec] of Object.entries(config.types[type].fields)) props[name] = describeField(spec, props[name]);
  props.type = { const: type };
  props.title = { ...props.title, description: 'Shown name (default: the file name)' };
  props.aliases = { ...props.aliases, description: 'Other names links may use' };
  props.summary = { ...props.summary, description: 'One line: cards, tooltips, meta description' };
  props.sources = { ...props.sources, description: 'Source notes: ["[[Source]]"]' };
  props.relations = { type: 'array', items: relationItem(config, type), description: 'Typed links to other notes' };
  // A plain note (no type) may carry any other fields, as Obsidian notes do; a typed note may not.
  return { ...json, additionalProperties: type === 'note' };
}

/** The whole schema: `type` picks the branch; a note without `type` is a plain note. */
export function frontmatterJsonSchema(config: KgConfig): Json {
  const types = Object.keys(config.types).sort();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Frontmatter of a note for ${config.title}`,
    type: 'object',
    properties: { type: { enum: types, description: types.map((t) => `${t}: ${config.types[t].label}`).join('; ') } },
    allOf: [
      ...types.map((t) => ({ if: { properties: { type: { const: t } }, required: ['type'] }, then: typeSchema(config, t) })),
      { if: { not: { required: ['type'] } }, then: typeSchema(config, 'note') },
    ],
  };
}
