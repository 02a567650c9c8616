// Validate: frontmatter data -> typed note fields and raw relations, every problem a positioned diagnostic.
import type { $ZodIssue } from 'zod/v4/core';
import type { KgConfig } from './config.ts';
import { diagnostic, didYouMean } from './diagnostics.ts';
import type { Frontmatter } from './frontmatter.ts';
import { positionOf } from './frontmatter.ts';
import type { LineIndex } from './line-index.ts';
import { parseLinkString } from './links.ts';
import { knownFields, noteSchema, RELATION_FIELDS, relationSchema } from './schema.ts';
import { relationSpan } from './time-filter.ts';
import type { Diagnostic, Note, RawRelation } from './types.ts';

/** What frontmatter contributes to a Note; `id` and `title` default to the file name later. */
export type ValidFrontmatter = Pick<Note, 'type' | 'typeUnknown' | 'aliases' | 'summary' | 'tags' | 'fields' | 'relations' | 'sources'> & {
  id?: string;
  title?: string;
};

function issueCode(issue: $ZodIssue): string {
  const params = (issue as { params?: { code?: string } }).params;
  if (params?.code) return params.code;
  const last = issue.path[issue.path.length - 1];
  if (issue.message === 'is required') return last === 'to' ? 'missing-to' : 'missing-field';
  return 'invalid-field';
}

function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

export function validateFrontmatter(config: KgConfig, fm: Frontmatter, lines: LineIndex, file: string): { value: ValidFrontmatter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (path: ReadonlyArray<PropertyKey>, where: 'key' | 'value' = 'value') => positionOf(fm, lines, path, where);
  const data = fm.data;

  // The type decides the schema, so check it first; an unknown type falls back to a plain note.
  let type = 'note';
  let typeUnknown = false;
  if (data.type !== undefined) {
    // Own keys only: a note saying `type: constructor` must not find Object.prototype.constructor.
    if (typeof data.type === 'string' && Object.hasOwn(config.types, data.type)) type = data.type;
    else {
      const hint = didYouMean(String(data.type), Object.keys(config.types)) ?? `Known types: ${Object.keys(config.types).join(', ')}.`;
      diagnostics.push(diagnostic(file, at(['type']), 'error', 'unknown-type', `Unknown type "${String(data.type)}"`, hint));
      typeUnknown = true;
    }
  }

  // Unknown keys: checked by hand so each gets its own position and suggestion. Plain notes keep any
  // keys (an Obsidian vault's `cssclass`, `created` ...) without complaint.
  if (type !== 'note') {
    const known = knownFields(config, type);
    for (const key of Object.keys(data)) {
      if (known.includes(key)) continue;
      const hint = didYouMean(key, known) ?? `Fields for ${type}: ${known.join(', ')}. New fields are declared per type in astro.config.mjs.`;
      diagnostics.push(diagnostic(file, at([key], 'key'), 'error', 'unknown-field', `Unknown field "${key}" for type ${type}`, hint));
    }
  }

  const parsed = noteSchema(config, type).safeParse(data);
  const good: Record<string, unknown> = parsed.success ? parsed.data : {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const code = issueCode(issue);
      diagnostics.push(diagnostic(file, at(issue.path), 'error', code, `Field "${fieldName(issue.path)}" ${issue.message}`, hintFor(code)));
    }
    // Keep what is valid so one bad field does not hide the rest of the note.
    const schema = noteSchema(config, type);
    for (const [key, value] of Object.entries(data)) {
      const one = schema.shape[key as keyof typeof schema.shape];
      if (!one) continue;
      const r = (one as import('zod').ZodType).safeParse(value);
      if (r.success) good[key] = r.data;
    }
  }

  const relations: RawRelation[] = [];
  const rawRelations = Array.isArray(good.relations) ? good.relations : [];
  rawRelations.forEach((raw, i) => {
    const rel = validateRelation(config, raw, i, at, file, diagnostics);
    if (rel) relations.push(rel);
  });

  const links = (value: unknown, path: PropertyKey[]) =>
    Array.isArray(value) ? value.map((v: string, i) => parseLinkString(v, at([...path, i]))) : [];
  const fieldValues: Record<string, unknown> = {};
  for (const name of Object.keys(config.types[type]?.fields ?? {})) if (good[name] !== undefined) fieldValues[name] = good[name];

  return {
    diagnostics,
    value: {
      id: good.id as string | undefined,
      type,
      ...(typeUnknown ? { typeUnknown } : {}),
      title: good.title as string | undefined,
      aliases: (good.aliases as string[] | undefined) ?? [],
      summary: (good.summary as string | undefined) ?? '',
      tags: (good.tags as string[] | undefined) ?? [],
      fields: fieldValues,
      relations,
      sources: links(good.sources, ['sources']),
    },
  };
}

function hintFor(code: string): string | undefined {
  switch (code) {
    case 'invalid-date': return 'Write dates as 2019-10-07, 2019-10 or 2019.';
    case 'missing-to': return 'Every relation needs `to: "[[Other note]]"`.';
    case 'invalid-url': return 'Write the full address, starting with https://.';
    case 'invalid-country': return 'Use an ISO 3166 two-letter code in capitals, e.g. CN, US.';
    default: return undefined;
  }
}

function validateRelation(
  config: KgConfig, raw: unknown, i: number,
  at: (path: ReadonlyArray<PropertyKey>, where?: 'key' | 'value') => import('./types.ts').Position,
  file: string, diagnostics: Diagnostic[],
): RawRelation | undefined {
  const path = ['relations', i];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    diagnostics.push(diagnostic(file, at(path), 'error', 'invalid-relation', 'A relation must be a mapping with `type` and `to`', 'Write `- type: works_for` and, indented below it, `to: "[[Other note]]"`.'));
    return undefined;
  }
  let failed = false;
  for (const key of Object.keys(raw)) {
    if ((RELATION_FIELDS as readonly string[]).includes(key)) continue;
    diagnostics.push(diagnostic(file, at([...path, key], 'key'), 'error', 'unknown-field', `Unknown relation field "${key}"`, didYouMean(key, RELATION_FIELDS) ?? `Relation fields: ${RELATION_FIELDS.join(', ')}.`));
    failed = true;
  }
  if (!('to' in raw)) {
    diagnostics.push(diagnostic(file, at([...path, 'type'], 'key'), 'error', 'missing-to', 'Relation has no `to`', hintFor('missing-to')));
    return undefined;
  }
  const parsed = relationSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const code = issueCode(issue);
      diagnostics.push(diagnostic(file, at([...path, ...issue.path]), 'error', code, `Relation field "${fieldName(issue.path)}" ${issue.message}`, hintFor(code)));
    }
    return undefined;
  }
  const r = parsed.data;
  const known = Object.keys(config.relations);
  const inverse = Object.entries(config.relations).find(([, spec]) => spec.inverseId === r.type);
  if (!Object.hasOwn(config.relations, r.type) && !inverse) {
    const names = [...known, ...Object.values(config.relations).flatMap((s) => (s.inverseId ? [s.inverseId] : []))];
    diagnostics.push(diagnostic(file, at([...path, 'type']), 'error', 'unknown-relation-type', `Unknown relation type "${r.type}"`, didYouMean(r.type, names) ?? `Known relation types: ${known.join(', ')}. Add new ones under \`relations\` in the integration options.`));
    return undefined;
  }
  if (failed) return undefined;
  // A relation that ends before it begins is never in force: every date of the time control would hide it.
  const span = relationSpan(r);
  if (span && span.begin !== null && span.end !== null && span.end < span.begin) {
    const begins = r.date !== undefined ? `date ${r.date}` : `start ${r.start}`;
    diagnostics.push(diagnostic(file, at([...path, 'end']), 'warning', 'relation-ends-before-start', `Relation ends (${r.end}) before it begins (${begins})`, 'Check the dates: `end` is the last day the relation held, `date` or `start` the first.'));
  }
  return {
    // An inverse id is stored as the canonical type with a flag the resolver uses to swap the ends.
    type: inverse ? `~${inverse[0]}` : r.type,
    to: parseLinkString(r.to, at([...path, 'to'])),
    date: r.date, start: r.start, end: r.end,
    sources: (r.sources ?? []).map((s, j) => parseLinkString(s, at([...path, 'sources', j]))),
    quote: r.quote, note: r.note,
    pos: at([...path, 'type']),
  };
}
