// Engine fixtures: each folder under test/fixtures/engine/ holds notes/ and the diagnostics and edges it must produce.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { buildFixture, diagnosticLines, edgeLines, expectedLines } from './fixtures.ts';

const DIR = 'test/fixtures/engine';

describe('engine fixtures', () => {
  for (const name of readdirSync(DIR).sort()) {
    const dir = join(DIR, name);
    it(name, () => {
      const site = buildFixture(join(dir, 'notes'));
      if (existsSync(join(dir, 'expected-diagnostics.txt'))) expect(diagnosticLines(site)).toEqual(expectedLines(join(dir, 'expected-diagnostics.txt')));
      if (existsSync(join(dir, 'expected-edges.txt'))) expect(edgeLines(site)).toEqual(expectedLines(join(dir, 'expected-edges.txt')));
    });
  }
});

describe('diagnostic messages', () => {
  const site = buildFixture(join(DIR, 'diagnostics/notes'));
  const find = (file: string, code: string) => site.diagnostics.find((d) => d.file === file && d.code === code);

  it('suggest the closest existing name', () => {
    expect(find('unknown-type.md', 'unknown-type')?.hint).toBe('Did you mean "organization"?');
    expect(find('unknown-field.md', 'unknown-field')?.hint).toBe('Did you mean "country"?');
    expect(find('relations.md', 'unknown-relation-type')?.hint).toBe('Did you mean "sanctions"?');
    expect(site.diagnostics.find((d) => d.file === 'relations.md' && d.line === 10)?.hint).toBe('Did you mean [[Good Company]]?');
    expect(find('views.md', 'view-unknown-option')?.hint).toBe('Did you mean "depth"?');
  });

  it('say what is wrong in words, with no stack trace', () => {
    for (const d of site.diagnostics) {
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.message).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
    expect(find('relations.md', 'relation-not-allowed')?.message).toBe('Relation "works_for" cannot go from an organization to an organization');
    expect(find('relations.md', 'missing-to')?.message).toBe('Relation has no `to`');
    expect(find('bad-yaml.md', 'yaml-syntax')?.message).toMatch(/^Invalid YAML: Missing closing "quote/);
  });

  it('keep the valid parts of a note with a bad relation (no data lost)', () => {
    // relations.md has seven relations; the ones with a resolvable target and valid fields are kept.
    expect(site.graph.hasEdge('related_to:relations->good')).toBe(true);
    expect(site.graph.hasEdge('related_to:relations->agency')).toBe(true);
  });

  it('count errors and warnings', () => {
    expect(site.errors).toBe(site.diagnostics.filter((d) => d.severity === 'error').length);
    expect(site.warnings).toBe(1);
  });
});

describe('wiki-link forms', () => {
  const site = buildFixture(join(DIR, 'wiki-link-forms/notes'));
  const html = site.html.get('café-notes')!;

  it('resolve by file name, title and alias, case-insensitively, with folders and .md stripped', () => {
    const links = site.resolved.links.get('café-notes')!;
    expect(links.slice(0, 8)).toEqual(Array(8).fill('hikvision'));
  });

  it('render shown text, heading anchors and in-page headings', () => {
    expect(html).toContain('<a href="/entity/hikvision/" class="wikilink">the camera maker</a>');
    expect(html).toContain('<a href="/entity/hikvision/#products" class="wikilink">Hikvision</a>');
    expect(html).toContain('<a href="/entity/hikvision/" class="wikilink">海康威视</a>');
    expect(html).toContain('href="/entity/caf%C3%A9-notes/#local-heading"');
    expect(html).toContain('<h2 id="local-heading">Local heading</h2>');
    expect(html).toContain('<a href="/entity/hikvision/" class="wikilink">alias in table</a>');
  });

  it('match names whatever their Unicode normal form', () => {
    expect(site.resolved.links.get('linker')).toEqual(['café-notes', 'café-notes']);
  });

  it('make footnote links and targets agree after sanitising', () => {
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
  });
});

describe('a relation written on both notes', () => {
  const site = buildFixture(join(DIR, 'inverse-relations/notes'));

  it('is one edge with the sources of both ends and the quote of either; another date is another edge', () => {
    const edges = site.graph.filterEdges('commerce', 'megvii', (_, a) => a.type === 'sanctions').map((e) => site.graph.getEdgeAttributes(e));
    expect(edges.sort((a, b) => (a.date! < b.date! ? -1 : 1)).map((a) => [a.date, a.sources, a.quote, a.definedIn])).toEqual([
      ['2019-10-07', ['wire', 'second-wire'], 'Megvii was added', 'commerce'],
      ['2020', [], undefined, 'megvii'],
    ]);
  });
});

describe('a one-way relation type without an inverse id', () => {
  it('written A→B on A and B→A on B is two facts, two edges; related_to both ways is one', () => {
    const config = resolveConfig({ relations: { funds: { label: 'funds', inverseLabel: 'funded by', from: ['*'], to: ['*'] } } });
    const note = (file: string, rel: string, to: string) => ({ file, text: `---\ntype: organization\nrelations:\n  - type: ${rel}\n    to: "[[${to}]]"\n---\n` });
    const site = buildFromFiles(config, [note('A.md', 'funds', 'B'), note('B.md', 'funds', 'A'), note('C.md', 'related_to', 'D'), note('D.md', 'related_to', 'C')]);
    expect(edgeLines(site)).toEqual(['a -[funds]-> b', 'b -[funds]-> a', 'c -[related_to]-> d']);
  });
});
