// Site configuration: entity types, relation types and their defaults (DESIGN.md "Note format").
// The Astro integration passes user options through `resolveConfig`, which merges them over these defaults.

/** A per-type frontmatter field. Kept declarative so the zod schema, the docs and the JSON-LD mapping share it. */
export interface FieldSpec {
  kind: 'string' | 'date' | 'url' | 'string[]' | 'country';
  label: string;
  required?: boolean;
  /** schema.org property this field maps to in JSON-LD, if any. */
  schemaOrg?: string;
}

export interface EntityTypeSpec {
  label: string;
  /** Plural label for index pages and legends. */
  plural: string;
  color: string;
  /** schema.org @type for JSON-LD. */
  schemaOrg: string;
  fields: Record<string, FieldSpec>;
}

export interface RelationTypeSpec {
  label: string;
  inverseLabel: string;
  /** Optional id usable on the target's note: `type: sanctioned_by` is `sanctions` written from the other end. */
  inverseId?: string;
  /** Allowed source / target entity types; `*` allows any. */
  from: string[];
  to: string[];
  /** Line style in graph views, so relation types are told apart without colour. */
  style?: 'solid' | 'dashed' | 'dotted';
  color?: string;
}

export interface KgConfig {
  /** Folder with the notes, relative to the project root. */
  contentDir: string;
  /** Public site URL (for JSON-LD, oEmbed and sitemaps). */
  site: string;
  title: string;
  description: string;
  /** Seed for every random choice (layout, communities), so builds are byte-identical. */
  seed: number;
  types: Record<string, EntityTypeSpec>;
  relations: Record<string, RelationTypeSpec>;
  /**
   * Links, sources and relation targets that match no note: `throw` (default) makes them errors that stop the
   * build; `warn` (an Obsidian vault with a few dangling links) makes them warnings, shown as plain text.
   */
  onBrokenLinks?: 'throw' | 'warn';
  /** Editorial warnings, all on by default; e.g. `{ orphan: false }` turns one off. */
  quality?: Partial<Record<'no-sources' | 'relation-without-source' | 'missing-summary' | 'orphan', boolean>>;
  /**
   * Folders under contentDir that hold no notes (templates, drafts), relative to it, e.g. `['Templates']`.
   * Dot-folders (`.obsidian`, `.trash`) are always skipped, and so is an Obsidian vault's templates folder.
   */
  ignore?: string[];
  /** The Changes page and feed: how many versions of the git history to read (tags, else commits); 0 reads none. */
  changes: { versions: number };
}

export type KgUserConfig = Partial<Omit<KgConfig, 'types' | 'relations'>> & {
  types?: Record<string, Partial<EntityTypeSpec>>;
  relations?: Record<string, Partial<RelationTypeSpec>>;
};

const str = (label: string, schemaOrg?: string): FieldSpec => ({ kind: 'string', label, schemaOrg });
const date = (label: string, schemaOrg?: string): FieldSpec => ({ kind: 'date', label, schemaOrg });

// Okabe-Ito, the colour-blind-safe palette named in DESIGN.md "Look and feel".
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];

export const DEFAULT_TYPES: Record<string, EntityTypeSpec> = {
  organization: {
    label: 'Organization', plural: 'Organizations', color: '#E69F00', schemaOrg: 'Organization',
    fields: {
      legal_name: str('Legal name', 'legalName'), country: { kind: 'country', label: 'Country', schemaOrg: 'location' },
      founded: date('Founded', 'foundingDate'), website: { kind: 'url', label: 'Website', schemaOrg: 'url' },
    },
  },
  person: {
    label: 'Person', plural: 'People', color: '#56B4E9', schemaOrg: 'Person',
    fields: { role: str('Role', 'jobTitle'), nationality: { kind: 'country', label: 'Nationality', schemaOrg: 'nationality' } },
  },
  agency: {
    label: 'Agency', plural: 'Agencies', color: '#009E73', schemaOrg: 'GovernmentOrganization',
    fields: { country: { kind: 'country', label: 'Country', schemaOrg: 'location' }, level: str('Level'), website: { kind: 'url', label: 'Website', schemaOrg: 'url' } },
  },
  event: {
    label: 'Event', plural: 'Events', color: '#D55E00', schemaOrg: 'Event',
    fields: { date: date('Date', 'startDate'), start: date('Start', 'startDate'), end: date('End', 'endDate'), location: str('Location', 'location') },
  },
  law: {
    label: 'Law or list', plural: 'Laws and lists', color: '#CC79A7', schemaOrg: 'Legislation',
    fields: { jurisdiction: str('Jurisdiction', 'legislationJurisdiction'), enacted: date('Enacted', 'legislationDate'), citation: str('Citation', 'legislationIdentifier') },
  },
  source: {
    label: 'Source', plural: 'Sources', color: '#0072B2', schemaOrg: 'CreativeWork',
    fields: {
      publisher: { ...str('Publisher', 'publisher'), required: true }, url: { kind: 'url', label: 'URL', schemaOrg: 'url' },
      date: { ...date('Date', 'datePublished'), required: true }, authors: { kind: 'string[]', label: 'Authors', schemaOrg: 'author' },
      credits: { kind: 'string[]', label: 'Wire services credited' }, language: str('Language', 'inLanguage'),
    },
  },
  article: {
    label: 'Article', plural: 'Articles', color: '#999999', schemaOrg: 'Article',
    fields: { date: date('Date', 'datePublished'), authors: { kind: 'string[]', label: 'Authors', schemaOrg: 'author' } },
  },
  note: { label: 'Note', plural: 'Notes', color: '#BBBBBB', schemaOrg: 'CreativeWork', fields: {} },
};

const ACTORS = ['person', 'organization', 'agency'];
const ANY = ['*'];

export const DEFAULT_RELATIONS: Record<string, RelationTypeSpec> = {
  member_of: { label: 'member of', inverseLabel: 'has member', inverseId: 'has_member', from: ACTORS, to: ['organization', 'agency', 'event'], style: 'solid' },
  works_for: { label: 'works for', inverseLabel: 'employs', inverseId: 'employs', from: ['person'], to: ['organization', 'agency'], style: 'solid' },
  leads: { label: 'leads', inverseLabel: 'led by', inverseId: 'led_by', from: ACTORS, to: ['organization', 'agency', 'event'], style: 'solid' },
  spokesperson_for: { label: 'spokesperson for', inverseLabel: 'spokesperson', inverseId: 'has_spokesperson', from: ['person'], to: ['organization', 'agency'], style: 'solid' },
  part_of: { label: 'part of', inverseLabel: 'includes', inverseId: 'includes', from: ['organization', 'agency', 'event', 'law'], to: ['organization', 'agency', 'event', 'law'], style: 'solid' },
  owns: { label: 'owns', inverseLabel: 'owned by', inverseId: 'owned_by', from: ACTORS, to: ['organization'], style: 'solid' },
  supplies: { label: 'supplies', inverseLabel: 'supplied by', inverseId: 'supplied_by', from: ['organization'], to: ['organization', 'agency'], style: 'dashed' },
  sanctions: { label: 'sanctions', inverseLabel: 'sanctioned by', inverseId: 'sanctioned_by', from: ['agency', 'law', 'event'], to: ACTORS, style: 'solid', color: '#D55E00' },
  opposes: { label: 'opposes', inverseLabel: 'opposed by', inverseId: 'opposed_by', from: ACTORS, to: ANY, style: 'dashed', color: '#D55E00' },
  supports: { label: 'supports', inverseLabel: 'supported by', inverseId: 'supported_by', from: ACTORS, to: ANY, style: 'dashed', color: '#009E73' },
  sues: { label: 'sues', inverseLabel: 'sued by', inverseId: 'sued_by', from: ACTORS, to: ACTORS, style: 'dashed' },
  related_to: { label: 'related to', inverseLabel: 'related to', from: ANY, to: ANY, style: 'dotted' },
};

/** Edge kinds the engine makes by itself; not writable in frontmatter. */
export const IMPLICIT_RELATIONS: Record<string, RelationTypeSpec> = {
  mentions: { label: 'mentions', inverseLabel: 'mentioned in', from: ANY, to: ANY, style: 'dotted', color: '#999999' },
  cites: { label: 'cites', inverseLabel: 'cited by', from: ANY, to: ['source'], style: 'dotted', color: '#0072B2' },
};

export const DEFAULT_CONFIG: KgConfig = {
  contentDir: 'content',
  site: 'https://example.org',
  title: 'Knowledge graph',
  description: 'Who is connected to whom, with sources.',
  seed: 1,
  types: DEFAULT_TYPES,
  relations: DEFAULT_RELATIONS,
  changes: { versions: 10 },
};

/** Merges user options over the defaults; a partial type or relation extends the default of the same name. */
export function resolveConfig(user: KgUserConfig = {}): KgConfig {
  const types: Record<string, EntityTypeSpec> = { ...DEFAULT_TYPES };
  for (const [id, spec] of Object.entries(user.types ?? {})) {
    const base = types[id] ?? { label: id, plural: id, color: '#888888', schemaOrg: 'Thing', fields: {} };
    types[id] = { ...base, ...spec, fields: { ...base.fields, ...(spec.fields ?? {}) } } as EntityTypeSpec;
  }
  const relations: Record<string, RelationTypeSpec> = { ...DEFAULT_RELATIONS };
  for (const [id, spec] of Object.entries(user.relations ?? {})) {
    const base = relations[id] ?? { label: id.replace(/_/g, ' '), inverseLabel: `${id.replace(/_/g, ' ')} (inverse)`, from: ANY, to: ANY };
    relations[id] = { ...base, ...spec } as RelationTypeSpec;
  }
  const { types: _t, relations: _r, ...rest } = user;
  return { ...DEFAULT_CONFIG, ...rest, types, relations };
}

/**
 * A relation type that reads the same both ways (`related_to`: no inverse id, same label from either end). Only then
 * are A→B written on A and B→A written on B the same fact; a one-way type without an inverse id is two facts.
 */
export function isSymmetric(spec: RelationTypeSpec | undefined): boolean {
  return !!spec && !spec.inverseId && spec.label === spec.inverseLabel;
}

/** All relation kinds an edge can carry: configured ones plus the engine's own (mentions, cites). */
export function allRelations(config: KgConfig): Record<string, RelationTypeSpec> {
  return { ...config.relations, ...IMPLICIT_RELATIONS };
}
