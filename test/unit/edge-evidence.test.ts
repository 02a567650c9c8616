// Evidence on every edge: the evidence files (/evidence/<n>.json) carry each relation's dates, quote and sources in
// graph.json's edge order, views point into them; relations without a source are marked; untrusted text stays
// text, bad URLs go.
import { describe, expect, it } from 'vitest';
import { toViewGraph } from '../../src/client/view-graph.ts';
import { buildFromFiles } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { EVIDENCE_SHARD, edgeEvidence, type EvidenceShard, evidencePath, evidenceShard, safeSourceUrl } from '../../src/kg/exports/edge-evidence.ts';
import { toCompactGraph } from '../../src/kg/exports/graph-json.ts';
import { viewFile, viewFilePaths } from '../../src/kg/exports/view-files.ts';
import type { ViewData } from '../../src/kg/exports/view-json.ts';
import { decodeNote } from '../../src/kg/vault.ts';

const note = (path: string, text: string) => decodeNote(path, Buffer.from(text));
const config = resolveConfig({});
const HOSTILE = '</script><img src=x onerror=alert(1)> “said” & more';
const site = buildFromFiles(config, [
  note('Ross.md', [
    '---', 'type: person', 'relations:',
    '  - type: leads', '    to: "[[Commerce]]"', '    start: 2017-02', '    end: 2021-01', '    sources: ["[[Paper]]", "[[Wire]]"]', `    quote: '${HOSTILE}'`,
    '  - type: member_of', '    to: "[[Party]]"',
    '---', 'Mentions [[Hikvision]].', '',
    '::graph{focus="ross" depth=1}', '',
  ].join('\n')),
  note('Commerce.md', '---\ntype: agency\nrelations:\n  - type: sanctions\n    to: "[[Hikvision]]"\n    date: 2019-10-07\n    sources: ["[[Paper]]"]\n---\n'),
  note('Hikvision.md', '---\ntype: organization\n---\n'),
  note('Party.md', '---\ntype: organization\n---\n'),
  note('Paper.md', '---\ntype: source\ntitle: US adds Hikvision to blacklist\npublisher: The Paper\ndate: 2019-10-08\nurl: https://paper.example/a?b=1&c=2\n---\n'),
  note('Wire.md', '---\ntype: source\npublisher: Wire\ndate: 2019-10\n---\n'),
]);
const edgeKey = (type: string, from: string, to: string) => site.graph.findEdge(from, to, (_e, a) => a.type === type)!;

describe('evidence files', () => {
  const data = toCompactGraph(site.graph, config);
  const evidence = evidenceShard(site.graph, (id) => site.byId.get(id), 0);

  it('has one entry per graph.json edge, in the same order; null for mentions and citations', () => {
    expect(site.graph.size).toBeLessThan(EVIDENCE_SHARD);
    expect(evidence.first).toBe(0);
    expect(evidence.edges).toHaveLength(data.edges.source.length);
    site.graph.edges().forEach((e, i) => expect(evidence.edges[i] === null).toBe(site.graph.getEdgeAttribute(e, 'kind') !== 'relation'));
  });

  it('gives dates, the quote and each source with publisher, title, date and a safe link', () => {
    const i = site.graph.edges().indexOf(edgeKey('leads', 'ross', 'commerce'));
    const e = evidence.edges[i]!;
    expect(e).toMatchObject({ start: '2017-02', end: '2021-01', quote: HOSTILE });
    expect(e.sources.map((s) => evidence.sources[s])).toEqual([
      { id: 'paper', title: 'US adds Hikvision to blacklist', publisher: 'The Paper', date: '2019-10-08', url: 'https://paper.example/a?b=1&c=2' },
      { id: 'wire', title: 'Wire', publisher: 'Wire', date: '2019-10' },
    ]);
    expect(evidence.sources.map((s) => s.id)).toEqual(['paper', 'wire']);
  });

  it('marks the relations without a source in graph.json (and only those)', () => {
    const unsourced = data.edges.unsourced!.map((i) => site.graph.edges()[i]);
    expect(unsourced).toEqual([edgeKey('member_of', 'ross', 'party')]);
    expect(evidence.edges[data.edges.unsourced![0]]).toEqual({ sources: [] });
  });

  it('keeps quotes as JSON text (the page writes them with textContent) and drops unsafe URLs', () => {
    const json = JSON.stringify(evidence);
    expect(JSON.parse(json).edges.find((e: { quote?: string } | null) => e?.quote)?.quote).toBe(HOSTILE);
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '//evil.example/x', ' vbscript:x', 42, undefined]) expect(safeSourceUrl(bad)).toBeUndefined();
    expect(safeSourceUrl('/sources/a.pdf')).toBe('/sources/a.pdf');
    const table = edgeEvidence(site.graph, (id) => (id === 'paper' ? { ...site.byId.get(id)!, fields: { url: 'javascript:alert(1)', publisher: '  ' } } : site.byId.get(id)), [edgeKey('sanctions', 'commerce', 'hikvision')]);
    expect(table.sources).toEqual([{ id: 'paper', title: 'US adds Hikvision to blacklist' }]);
  });

  it('the browser graph keeps each drawn edge\'s payload indices and whether it is unsourced', () => {
    const { graph } = toViewGraph(data);
    const drawn = graph.edge('ross', 'party')!;
    expect(graph.getEdgeAttribute(drawn, 'unsourced')).toBe(true);
    const lead = graph.edge('ross', 'commerce')!;
    expect(graph.getEdgeAttribute(lead, 'unsourced')).toBe(false);
    expect(graph.getEdgeAttribute(lead, 'idx').map((i) => evidence.edges[i]?.quote)).toEqual([HOSTILE]);
  });
});

describe('view files point into the evidence files', () => {
  it('an article view and an entity neighbourhood give each edge its graph.json index', () => {
    const paths = viewFilePaths(site);
    expect(paths.filter((p) => p.startsWith('evidence/'))).toEqual(['evidence/0.json']);
    const shard = JSON.parse(viewFile(site, '/', 'evidence/0.json')!) as EvidenceShard;
    expect(viewFile(site, '/', 'evidence/1.json')).toBeUndefined();
    expect(viewFile(site, '/', 'evidence/00.json')).toBeUndefined();
    for (const id of ['ross--1', 'entity-ross']) {
      const text = viewFile(site, '/', `views/${id}.json`);
      expect(text, id).toBeDefined();
      const view = JSON.parse(text!) as ViewData;
      expect(view.edges.gid).toHaveLength(view.edges.source.length);
      const i = view.edges.source.findIndex((s, k) => view.nodes.id[s] === 'ross' && view.nodes.id[view.edges.target[k]] === 'commerce');
      const gid = view.edges.gid![i];
      expect(evidencePath(gid)).toBe('evidence/0.json');
      expect(shard.edges[gid - shard.first]!.quote).toBe(HOSTILE);
      expect(shard.edges[gid - shard.first]!.sources.map((s) => shard.sources[s].publisher)).toEqual(['The Paper', 'Wire']);
      const party = view.edges.source.findIndex((s, k) => view.nodes.id[s] === 'ross' && view.nodes.id[view.edges.target[k]] === 'party');
      expect(view.edges.unsourced).toEqual([party]);
    }
  });

  it('splits a large graph into files of EVIDENCE_SHARD edges, each with its own sources', () => {
    expect(evidencePath(0)).toBe('evidence/0.json');
    expect(evidencePath(EVIDENCE_SHARD - 1)).toBe('evidence/0.json');
    expect(evidencePath(EVIDENCE_SHARD)).toBe('evidence/1.json');
    const notes = [note('Paper.md', '---\ntype: source\npublisher: P\ndate: 2020\n---\n')];
    for (let i = 0; i < 700; i++) notes.push(note(`Org ${i}.md`, `---\ntype: organization\nrelations:\n  - type: related_to\n    to: "[[Org ${(i + 1) % 700}]]"\n    sources: ["[[Paper]]"]\n---\n`));
    const big = buildFromFiles(config, notes);
    const files = viewFilePaths(big).filter((p) => p.startsWith('evidence/'));
    expect(files).toHaveLength(Math.ceil(big.graph.size / EVIDENCE_SHARD));
    const all = files.flatMap((f) => (JSON.parse(viewFile(big, '/', f)!) as EvidenceShard).edges);
    expect(all).toEqual(edgeEvidence(big.graph, (id) => big.byId.get(id), big.graph.edges()).edges.map((e) => e && { ...e, sources: [0] }));
    const second = JSON.parse(viewFile(big, '/', files[1])!) as EvidenceShard;
    expect(second.first).toBe(EVIDENCE_SHARD);
    expect(second.sources.map((s) => s.id)).toEqual(['paper']);
  });
});
