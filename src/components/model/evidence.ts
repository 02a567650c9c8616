// For a source note: the relations that give it as evidence (computed once per graph, looked up per page).
import type { Site } from '../../kg/build.ts';
import type { KnowledgeGraph } from '../../kg/graph.ts';

const bySource = new WeakMap<KnowledgeGraph, Map<string, string[]>>();

/** Relation edge keys citing `sourceId`, in edge-key order (stable). */
export function relationsCiting(site: Site, sourceId: string): string[] {
  let index = bySource.get(site.graph);
  if (!index) {
    index = new Map();
    site.graph.forEachEdge((edge, a) => {
      if (a.kind !== 'relation') return;
      for (const s of new Set(a.sources)) {
        let list = index!.get(s);
        if (!list) index!.set(s, (list = []));
        list.push(edge);
      }
    });
    for (const list of index.values()) list.sort();
    bySource.set(site.graph, index);
  }
  return index.get(sourceId) ?? [];
}
