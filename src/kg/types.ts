// Core data types shared by every engine stage: notes, links, relations, diagnostics.
import type { Root } from 'mdast';

export type Severity = 'error' | 'warning';

/** One problem in one note, at an exact position (1-based line and column). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable machine-readable kind, e.g. `unknown-target`. */
  code: string;
  message: string;
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

/** A `[[wiki-link]]` (or `![[embed]]`) found in the body, or a link-valued frontmatter string. */
export interface LinkRef {
  target: string;
  heading?: string;
  text?: string;
  embed?: boolean;
  pos: Position;
}

/** A `::graph{...}` directive in a note body. */
export interface ViewDirective {
  attributes: Record<string, string>;
  pos: Position;
}

/** A relation as written in frontmatter, before resolution. */
export interface RawRelation {
  type: string;
  to: LinkRef;
  date?: string;
  start?: string;
  end?: string;
  sources: LinkRef[];
  quote?: string;
  note?: string;
  pos: Position;
}

/** A parsed note: everything later stages need, so each file is read and parsed once. */
export interface Note {
  id: string;
  /** Path relative to the project root, with forward slashes (what diagnostics print). */
  file: string;
  /** File name without folder and extension: the first name wiki-links resolve. */
  basename: string;
  type: string;
  title: string;
  aliases: string[];
  summary: string;
  tags: string[];
  /** Type-specific fields, validated. */
  fields: Record<string, unknown>;
  relations: RawRelation[];
  sources: LinkRef[];
  links: LinkRef[];
  views: ViewDirective[];
  /** Text of each heading, in order (what `[[Note#Heading]]` links point at); absent for unreadable notes. */
  headings?: string[];
  /** The Markdown tree (mdast) with positions; rendered to HTML after links resolve. */
  tree: Root;
  /** The note text (BOM removed), kept to restore text of non-graph directives verbatim. */
  text: string;
  /** True when the note could not be read at all (binary, bad YAML): it still gets an id, so links to it resolve. */
  broken: boolean;
  /** Set when `type` names no known type (that one error is reported; the note is then a plain note). */
  typeUnknown?: boolean;
}

/** A relation after resolution: both ends are note ids, direction is canonical (source -> target of the type). */
export interface Relation {
  type: string;
  from: string;
  to: string;
  date?: string;
  start?: string;
  end?: string;
  sources: string[];
  quote?: string;
  note?: string;
  /** Note the relation was written in, and where. */
  definedIn: string;
  pos: Position;
}
