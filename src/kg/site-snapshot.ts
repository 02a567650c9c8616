// A built site as plain data for worker threads: the graph (with its layout), the notes' metadata and the graph
// views; enough for every export (view files, embed pages, preview cards), without the notes' text, Markdown trees
// and HTML, which the exports never read and which would make the copy to each thread cost more than it saves.
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { Site, SiteData } from './build.ts';
import type { EdgeAttributes, KnowledgeGraph, NodeAttributes } from './graph.ts';
import type { Note } from './types.ts';
import type { GraphView } from './views.ts';

export interface SiteSnapshot {
  config: Site['config'];
  graph: SerializedGraph<NodeAttributes, EdgeAttributes>;
  notes: Note[];
  views: Array<[string, GraphView[]]>;
}

export function siteSnapshot(site: SiteData): SiteSnapshot {
  const notes = site.notes.map((n): Note => ({ ...n, relations: [], sources: [], links: [], tree: { type: 'root', children: [] }, text: '' }));
  return { config: site.config, graph: site.graph.export(), notes, views: [...site.views] };
}

/** The site a snapshot was taken of, as the exports see it. */
export function siteFromSnapshot(snapshot: SiteSnapshot): SiteData {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.import(snapshot.graph);
  return { config: snapshot.config, notes: snapshot.notes, byId: new Map(snapshot.notes.map((n) => [n.id, n])), graph, views: new Map(snapshot.views) };
}
