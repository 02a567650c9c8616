// Paths between two entities (src/kg/paths.ts): shortest first, relation-type filters, no path, labels in the
// walking direction, the engine's graph and the browser's graph (built from graph.json) giving the same answer.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { toViewGraph } from '../../src/client/view-graph.ts';
import { buildFromFiles } from '../../src/kg/build.ts';
import { allRelations, resolveConfig } from '../../src/kg/config.ts';
import { toCompactGraph } from '../../src/kg/exports/graph-json.ts';
import { findPaths, pathSentence, type EntityPath } from '../../src/kg/paths.ts';
import { decodeNote } from '../../src/kg/vault.ts';

/** A graph from `a -type-> b` lines. */
function graphOf(...lines: string[]) {
  const g = new MultiDirectedGraph<{ title: string }, { type: string }>();
  for (const line of lines) {
    const [, s, type, t] = /^(\S+) -(\S+)-> (\S+)$/.exec(line)!;
    g.mergeNode(s, { title: s.toUpperCase() }); g.mergeNode(t, { title: t.toUpperCase() });
    g.addDirectedEdge(s, t, { type });
  }
  return g;
}
const nodesOf = (paths: EntityPath[]) => paths.map((p) => p.nodes.join(' '));
const config = resolveConfig({});
const specs = allRelations(config);
const labels = (type: string) => specs[type];

describe('findPaths', () => {
  const g = graphOf(
    'ross -leads-> commerce', 'commerce -sanctions-> hikvision', 'commerce -sanctions-> dahua',
    'bis -part_of-> commerce', 'bis -sanctions-> hikvision', 'hikvision -supplies-> police', 'ross -mentions-> hikvision',
    'hikvision -related_to-> dahua', 'lonely -related_to-> island',
  );

  it('finds the shortest path first, then the next shortest, up to the limit', () => {
    expect(nodesOf(findPaths(g, 'ross', 'hikvision'))).toEqual([
      'ross commerce hikvision',
      'ross commerce bis hikvision',
      'ross commerce dahua hikvision',
    ]);
    expect(nodesOf(findPaths(g, 'ross', 'hikvision', { limit: 1 }))).toEqual(['ross commerce hikvision']);
    expect(nodesOf(findPaths(g, 'ross', 'hikvision', { limit: 10 }))).toHaveLength(3);
  });

  it('ignores mentions and citations unless asked', () => {
    expect(nodesOf(findPaths(g, 'ross', 'hikvision', { limit: 1, allow: () => true }))).toEqual(['ross hikvision']);
  });

  it('walks only the chosen relation types', () => {
    const allow = (t: string) => t === 'leads' || t === 'sanctions' || t === 'part_of';
    expect(nodesOf(findPaths(g, 'ross', 'hikvision', { allow, limit: 5 }))).toEqual(['ross commerce hikvision', 'ross commerce bis hikvision']);
    expect(findPaths(g, 'ross', 'police', { allow: (t) => t !== 'supplies' })).toEqual([]);
  });

  it('returns nothing when there is no path, for unknown nodes, the same node, or beyond the longest length', () => {
    expect(findPaths(g, 'ross', 'island')).toEqual([]);
    expect(findPaths(g, 'ross', 'nobody')).toEqual([]);
    expect(findPaths(g, 'ross', 'ross')).toEqual([]);
    expect(findPaths(g, 'ross', 'police', { maxSteps: 2 })).toEqual([]);
    expect(nodesOf(findPaths(g, 'ross', 'police', { maxSteps: 3, limit: 1 }))).toEqual(['ross commerce hikvision police']);
  });

  it('returns only simple paths (no node twice), each step with its relations and direction', () => {
    const paths = findPaths(g, 'police', 'ross', { limit: 10 });
    for (const p of paths) expect(new Set(p.nodes).size).toBe(p.nodes.length);
    expect(paths[0].steps).toEqual([
      { from: 'police', to: 'hikvision', relations: [{ type: 'supplies', forward: false }] },
      { from: 'hikvision', to: 'commerce', relations: [{ type: 'sanctions', forward: false }] },
      { from: 'commerce', to: 'ross', relations: [{ type: 'leads', forward: false }] },
    ]);
  });

  it('reads each step in its walking direction: the label forwards, the inverse label backwards', () => {
    const title = (n: string) => g.getNodeAttribute(n, 'title');
    const [forward] = findPaths(g, 'ross', 'hikvision');
    expect(pathSentence(forward, title, labels)).toBe('ROSS — leads → COMMERCE — sanctions → HIKVISION');
    const [backward] = findPaths(g, 'hikvision', 'ross');
    expect(pathSentence(backward, title, labels)).toBe('HIKVISION — sanctioned by → COMMERCE — led by → ROSS');
  });

  it('joins the relations of one step (two relations between the same pair, either direction)', () => {
    const two = graphOf('a -sanctions-> b', 'b -opposes-> a', 'b -supports-> c');
    const [p] = findPaths(two, 'a', 'c');
    expect(p.steps[0].relations).toEqual([{ type: 'opposes', forward: false }, { type: 'sanctions', forward: true }]);
    expect(pathSentence(p, (n) => n, labels)).toBe('a — opposed by · sanctions → b — supports → c');
  });

  it('lists equal-length paths through the best-connected entities first', () => {
    const g2 = graphOf('a -related_to-> event', 'event -related_to-> b', 'a -leads-> zhub', 'zhub -sanctions-> b', 'zhub -sanctions-> c', 'zhub -sanctions-> d');
    expect(nodesOf(findPaths(g2, 'a', 'b'))).toEqual(['a zhub b', 'a event b']);
    expect(nodesOf(findPaths(g2, 'a', 'b', { limit: 1 }))).toEqual(['a zhub b']);
  });

  it('stays bounded on a dense graph (the work budget) and is deterministic', () => {
    const dense = new MultiDirectedGraph<object, { type: string }>();
    for (let i = 0; i < 60; i++) for (let j = 0; j < 60; j++) if (i !== j) dense.mergeEdge(`n${i}`, `n${j}`, { type: 'related_to' });
    const t0 = performance.now();
    const a = findPaths(dense, 'n0', 'n1', { limit: 5 });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(nodesOf(a)).toEqual(nodesOf(findPaths(dense, 'n0', 'n1', { limit: 5 })));
    expect(a[0].nodes).toEqual(['n0', 'n1']);
    expect(a).toHaveLength(5);
  });
});

describe('paths on built notes', () => {
  const note = (path: string, text: string) => decodeNote(path, Buffer.from(text));
  const site = buildFromFiles(config, [
    note('Ross.md', '---\ntype: person\nrelations:\n  - type: leads\n    to: "[[Commerce]]"\n    sources: ["[[Paper]]"]\n---\n'),
    note('Commerce.md', '---\ntype: agency\n---\n'),
    note('Hikvision.md', '---\ntype: organization\nrelations:\n  - type: sanctioned_by\n    to: "[[Commerce]]"\n    sources: ["[[Paper]]"]\n---\nSee [[Ross]].\n'),
    note('Paper.md', '---\ntype: source\npublisher: The Paper\ndate: 2019-10-08\n---\n'),
  ]);

  it('the engine graph and the browser graph (from graph.json) give the same sentence', () => {
    const title = (n: string) => site.graph.getNodeAttribute(n, 'title');
    const engine = findPaths(site.graph, 'ross', 'hikvision');
    expect(engine.map((p) => pathSentence(p, title, labels))).toEqual(['Ross — leads → Commerce — sanctions → Hikvision']);
    const { graph } = toViewGraph(toCompactGraph(site.graph, config));
    const browser = findPaths(graph, 'ross', 'hikvision', { relationsOf: (a) => a.rels });
    expect(browser).toEqual(engine);
    // Through the mention and the shared source only when asked for.
    expect(findPaths(graph, 'ross', 'paper', { relationsOf: (a) => a.rels })).toEqual([]);
    expect(nodesOf(findPaths(graph, 'ross', 'paper', { relationsOf: (a) => a.rels, allow: () => true }))[0]).toBe('ross paper');
  });
});
