// zod schemas generated from the configured entity and relation types: one schema per entity type.
import { z } from 'zod';
import type { FieldSpec, KgConfig } from './config.ts';
import { isValidDate } from './dates.ts';

/** Fields every note may have, whatever its type. */
export const COMMON_FIELDS = ['id', 'type', 'title', 'aliases', 'summary', 'tags', 'relations', 'sources'] as const;
export const RELATION_FIELDS = ['type', 'to', 'date', 'start', 'end', 'sources', 'quote', 'note'] as const;

// Issues carry a `code` param so diagnostics get a stable kind (zod's own codes are too generic).
const withCode = (code: string) => ({ params: { code } });
/** "is required" for a missing or empty (`key:` with no value) value, a `missing-field` diagnostic; else `message`. */
const unlessMissing = (message: string) => (iss: { input: unknown }) => (iss.input === undefined || iss.input === null ? 'is required' : message);

/** YAML reads `2019` as a number and `2019-10-07` as a string; both are dates here. */
export const dateSchema = z
  .union([z.string(), z.number().int()], { error: unlessMissing('must be a date like 2019-10-07') })
  .transform(String)
  .refine(isValidDate, { message: 'is not a valid date (use YYYY-MM-DD, YYYY-MM or YYYY)', ...withCode('invalid-date') });

const text = (what = 'text') => z.string({ error: unlessMissing(`must be ${what}`) });
/** A single string, or a list of them (YAML `aliases: Hikvision` is as good as `[Hikvision]`). */
const textList = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))], { error: 'must be a list of text values' })
  .transform((v) => (Array.isArray(v) ? v : [v]).map(String));
/** A link target: `"[[Name]]"`, `Name`, or the unquoted YAML `[[Name]]`, which parses as a nested list. */
export const linkValue = z.union([z.string(), z.array(z.array(z.string()).length(1)).length(1)], {
  error: (iss) => (iss.input === undefined ? 'is required' : 'must be a link like "[[Name]]"'),
}).transform((v) => (typeof v === 'string' ? v : `[[${v[0][0]}]]`));
const linkList = z
  .union([linkValue, z.array(linkValue)], { error: 'must be a list of links like ["[[Name]]"]' })
  .transform((v) => (Array.isArray(v) ? v : [v]));

function fieldSchema(spec: FieldSpec): z.ZodType {
  switch (spec.kind) {
    case 'date': return dateSchema;
    case 'url': return text('a URL').refine((v) => /^(https?:\/\/|\/)/.test(v), { message: 'must be an http(s) URL', ...withCode('invalid-url') });
    case 'string[]': return textList;
    case 'country': return text('a country code').refine((v) => /^[A-Z]{2}$/.test(v), { message: 'must be a two-letter country code like CN or US', ...withCode('invalid-country') });
    default: return z.union([z.string(), z.number()], { error: unlessMissing('must be text') }).transform(String);
  }
}

export const relationSchema = z.object({
  type: text('a relation type id'),
  to: linkValue,
  date: dateSchema.optional(),
  start: dateSchema.optional(),
  end: dateSchema.optional(),
  sources: linkList.optional(),
  quote: text().optional(),
  note: text().optional(),
});

// Building a zod object schema costs far more than using it: one per (config, type), not one per note.
const schemaCache = new WeakMap<KgConfig, Map<string, ReturnType<typeof makeNoteSchema>>>();

export function noteSchema(config: KgConfig, type: string) {
  let byType = schemaCache.get(config);
  if (!byType) schemaCache.set(config, (byType = new Map()));
  let schema = byType.get(type);
  if (!schema) byType.set(type, (schema = makeNoteSchema(config, type)));
  return schema;
}

function makeNoteSchema(config: KgConfig, type: string) {
  const spec = config.types[type];
  const fields: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(spec?.fields ?? {})) {
    fields[name] = field.required ? fieldSchema(field) : fieldSchema(field).optional();
  }
  return z.looseObject({
    id: text('an id').regex(/^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}-]*$/u, 'must be lower-case letters, digits and dashes').optional(),
    type: text('a type name').optional(),
    title: z.union([z.string(), z.number()], { error: 'must be text' }).transform(String).optional(),
    aliases: textList.optional(),
    summary: text().optional(),
    tags: textList.optional(),
    relations: z.array(z.unknown(), { error: 'must be a list of relations (each line starting with `- type:`)' }).optional(),
    sources: linkList.optional(),
    ...fields,
  });
}

/** Known field names for a type: used for "unknown field" diagnostics and their suggestions. */
export function knownFields(config: KgConfig, type: string): string[] {
  return [...COMMON_FIELDS, ...Object.keys(config.types[type]?.fields ?? {})];
}
