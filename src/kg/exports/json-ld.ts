// schema.org JSON-LD for an entity page: Organization, Person, GovernmentOrganization, Event, Legislation, ...
import type { KgConfig } from '../config.ts';
import type { KnowledgeGraph } from '../graph.ts';

// Relation types with a schema.org property of their own (subject -> object).
const RELATION_PROPERTIES: Record<string, string> = {
  works_for: 'worksFor', member_of: 'memberOf', part_of: 'parentOrganization', owns: 'owns', leads: 'affiliation',
  spokesperson_for: 'affiliation',
};

export function entityJsonLd(graph: KnowledgeGraph, config: KgConfig, id: string, url: (id: string) => string): Record<string, unknown> {
  const a = graph.getNodeAttributes(id);
  const spec = config.types[a.type];
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': spec?.schemaOrg ?? 'Thing',
    '@id': url(id),
    url: url(id),
    name: a.title,
  };
  if (a.aliases.length) ld.alternateName = a.aliases;
  if (a.summary) ld.description = a.summary;
  if (a.tags.length) ld.keywords = a.tags.join(', ');
  const props: Record<string, Array<Record<string, unknown>>> = {};
  graph.forEachOutEdge(id, (_, e, _s, target) => {
    const t = graph.getNodeAttributes(target);
    const ref = { '@type': config.types[t.type]?.schemaOrg ?? 'Thing', '@id': url(target), name: t.title };
    const prop = e.kind === 'cites' ? 'citation' : RELATION_PROPERTIES[e.type];
    if (prop) (props[prop] ??= []).push(ref);
  });
  for (const [prop, refs] of Object.entries(props).sort(([x], [y]) => x.localeCompare(y))) ld[prop] = refs.length === 1 ? refs[0] : refs;
  return ld;
}

/** Adds type-specific fields that map to schema.org (foundingDate, jobTitle, publisher ...). */
export function withFields(ld: Record<string, unknown>, config: KgConfig, type: string, fields: Record<string, unknown>): Record<string, unknown> {
  for (const [name, spec] of Object.entries(config.types[type]?.fields ?? {})) {
    const v = fields[name];
    if (v === undefined || !spec.schemaOrg) continue;
    if (spec.schemaOrg === 'publisher') ld.publisher = { '@type': 'Organization', name: v };
    else if (spec.schemaOrg === 'author') ld.author = (v as string[]).map((n) => ({ '@type': 'Person', name: n }));
    else ld[spec.schemaOrg] = v;
  }
  return ld;
}
