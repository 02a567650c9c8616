// Quality: warnings for notes that are valid but weaker than they should be (no sources, no summary, no links),
// the editorial checks `npm run check` lists. Each can be turned off with the `quality` option.
import type { KgConfig } from './config.ts';
import { diagnostic } from './diagnostics.ts';
import type { KnowledgeGraph } from './graph.ts';
import type { Diagnostic, Note } from './types.ts';

export type QualityCheck = keyof NonNullable<KgConfig['quality']>;

/** The codes of these warnings (what `check` adds to a build's diagnostics). */
export const QUALITY_CODES: readonly QualityCheck[] = ['no-sources', 'relation-without-source', 'missing-summary', 'orphan'];

/** Types that are not entities: sources are the evidence, articles tell the story, plain notes are the writer's own. */
const NOT_ENTITIES = new Set(['source', 'article', 'note']);

const TOP = { line: 1, column: 1 };

/** Whether `check` is on: every check is, unless the config turns it off (`quality: { orphan: false }`). */
function enabled(config: KgConfig, check: QualityCheck): boolean {
  return config.quality?.[check] !== false;
}

/** Warnings for every note, in note order; the build sorts all diagnostics afterwards. */
export function qualityDiagnostics(config: KgConfig, notes: Note[], graph: KnowledgeGraph): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A note is sourced when it cites a source anywhere: its `sources`, a relation's sources, or a footnote/body link.
  const sourced = new Set<string>();
  graph.forEachEdge((_, attrs, from, to) => {
    if (attrs.kind === 'cites' || (attrs.kind === 'relation' && attrs.sources.length)) sourced.add(attrs.kind === 'cites' ? from : attrs.definedIn);
    else if (attrs.kind === 'mentions' && graph.getNodeAttribute(to, 'type') === 'source') sourced.add(from);
  });
  for (const note of notes) {
    if (note.broken || !graph.hasNode(note.id)) continue;
    const entity = !NOT_ENTITIES.has(note.type) && !note.typeUnknown;
    if (entity && enabled(config, 'no-sources') && !sourced.has(note.id)) {
      out.push(diagnostic(note.file, TOP, 'warning', 'no-sources', `"${note.title}" cites no source`, 'Add `sources: ["[[A source note]]"]` to the frontmatter, or cite one in a footnote (`[^1]: [[A source note]]`).'));
    }
    if (entity && enabled(config, 'missing-summary') && !note.summary.trim()) {
      out.push(diagnostic(note.file, TOP, 'warning', 'missing-summary', `"${note.title}" has no summary`, 'Add `summary: <one line>` to the frontmatter: it is shown on cards, in tooltips and as the page description.'));
    }
    if (enabled(config, 'orphan') && graph.degree(note.id) === 0) {
      out.push(diagnostic(note.file, TOP, 'warning', 'orphan', `"${note.title}" has no links in or out`, 'Link it from a related note (`[[' + note.basename + ']]`) or add a relation to its frontmatter; otherwise readers cannot reach it from the graph.'));
    }
  }
  if (enabled(config, 'relation-without-source')) {
    // Graph edges, not relations as written: a relation written on both notes is sourced if either end cites.
    const byId = new Map(notes.map((n) => [n.id, n]));
    graph.forEachEdge((_, attrs, from, to) => {
      if (attrs.kind !== 'relation' || attrs.sources.length || !attrs.pos) return;
      const note = byId.get(attrs.definedIn);
      if (!note) return;
      const other = byId.get(from === attrs.definedIn ? to : from);
      out.push(diagnostic(note.file, attrs.pos, 'warning', 'relation-without-source', `Relation "${attrs.type}" with "${other?.title ?? to}" cites no source`, 'Add `sources: ["[[A source note]]"]` (and a `quote:`) to the relation, so readers can check it; unsourced relations are drawn dashed.'));
    });
  }
  return out;
}
