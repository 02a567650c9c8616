// Exports of the demo content: graph.json, GEXF and CSV agree with the graph; two builds give the same bytes.
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/cli/load-config.ts';
import { buildSite, type Site } from '../../src/kg/build.ts';
import { edgesCsv, nodesCsv, csvCell } from '../../src/kg/exports/csv.ts';
import { toGexf } from '../../src/kg/exports/gexf.ts';
import { toCompactGraph, toGraphDetails } from '../../src/kg/exports/graph-json.ts';
import { entityJsonLd } from '../../src/kg/exports/json-ld.ts';
import { safeJson } from '../../src/kg/safe-json.ts';

/** Splits RFC 4180 CSV into rows (quoted cells may hold commas and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

let site: Site;
beforeAll(async () => {
  site = await buildSite(process.cwd(), await loadConfig(process.cwd()));
});

describe('demo content', () => {
  it('has no errors or warnings', () => {
    expect(site.diagnostics).toEqual([]);
  });
});

describe('exports', () => {
  it('graph.json is columnar and matches the graph', () => {
    const g = toCompactGraph(site.graph, site.config);
    expect(g.nodes.id.length).toBe(site.graph.order);
    expect(g.edges.source.length).toBe(site.graph.size);
    for (const key of ['label', 'type', 'x', 'y', 'size', 'community'] as const) expect(g.nodes[key].length).toBe(site.graph.order);
    expect(g.edges.target.length).toBe(site.graph.size);
    // Every edge's ends and type index point into the tables.
    g.edges.source.forEach((s, i) => {
      expect(site.graph.hasEdge(g.nodes.id[s], g.nodes.id[g.edges.target[i]])).toBe(true);
      expect(g.relations[g.edges.type[i]]).toBeDefined();
    });
    expect(toGraphDetails(site.graph).summary.length).toBe(site.graph.order);
  });

  it('GEXF parses back with graphology-gexf into the same graph', () => {
    const back = parseGexf(MultiDirectedGraph, toGexf(site.graph));
    expect(back.order).toBe(site.graph.order);
    expect(back.size).toBe(site.graph.size);
    site.graph.forEachNode((id, a) => {
      expect(back.getNodeAttribute(id, 'label')).toBe(a.title);
      expect(back.getNodeAttribute(id, 'type')).toBe(a.type);
    });
  });

  it('CSV row counts match the graph, and every row has the header\'s width', () => {
    const nodes = parseCsv(nodesCsv(site.graph));
    const edges = parseCsv(edgesCsv(site.graph));
    expect(nodes.length - 1).toBe(site.graph.order);
    expect(edges.length - 1).toBe(site.graph.size);
    for (const r of nodes) expect(r.length).toBe(nodes[0].length);
    for (const r of edges) expect(r.length).toBe(edges[0].length);
    expect(new Set(nodes.slice(1).map((r) => r[0]))).toEqual(new Set(site.graph.nodes()));
  });

  it('CSV cells that a spreadsheet would run are neutralised', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe('-1');
  });

  it('JSON-LD uses schema.org types and survives a </script> in a title', () => {
    const ld = entityJsonLd(site.graph, site.config, 'us-department-of-commerce', (id) => `https://x/entity/${id}/`);
    expect(ld['@type']).toBe('GovernmentOrganization');
    expect(safeJson({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
    expect(JSON.parse(safeJson({ name: '</script>' }))).toEqual({ name: '</script>' });
  });
});

describe('determinism', () => {
  it('two builds of the same notes give byte-identical exports and HTML', async () => {
    const again = await buildSite(process.cwd(), await loadConfig(process.cwd()));
    expect(JSON.stringify(toCompactGraph(again.graph, again.config))).toBe(JSON.stringify(toCompactGraph(site.graph, site.config)));
    expect(toGexf(again.graph)).toBe(toGexf(site.graph));
    expect(nodesCsv(again.graph)).toBe(nodesCsv(site.graph));
    expect(edgesCsv(again.graph)).toBe(edgesCsv(site.graph));
    expect([...again.html]).toEqual([...site.html]);
  });
});
