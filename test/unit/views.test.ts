// Graph views: `::graph` directives -> subgraphs, diagnostics at exact positions, static SVG structure (labels that do
// not collide, focus marked, legend), neighbourhoods, per-view JSON, embed snippets and oEmbed, and the pure parts of
// the browser code (URL state, search, compact data -> graph).
import fc from 'fast-check';
import type { Element, ElementContent, Root } from 'hast';
import { HtmlValidate } from 'html-validate';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { toViewGraph, shortLabel } from '../../src/client/view-graph.ts';
import { matchEntries } from '../../src/client/network/search-match.ts';
import { formatState, parseState } from '../../src/client/network/url-state.ts';
import { toCompactGraph } from '../../src/kg/exports/graph-json.ts';
import { toNeighbourhoodData, toViewData } from '../../src/kg/exports/view-json.ts';
import { overlaps, placeLabels, textWidth, type Box } from '../../src/kg/label-placement.ts';
import { entityNeighbourhood, firstRing, neighbourhoodId } from '../../src/kg/neighbourhood.ts';
import { pageViews, viewEntry, viewIds } from '../../src/kg/view-catalog.ts';
import { embedSnippet, oembedDocument } from '../../src/kg/view-embed.ts';
import { viewPositions } from '../../src/kg/view-positions.ts';
import { hastToHtml } from '../../src/kg/view-html.ts';
import { renderViewFigure, renderViewLegend, renderViewSvg } from '../../src/kg/view-svg.ts';
import type { GraphView } from '../../src/kg/views.ts';
import { buildFixture, diagnosticLines, expectedLines } from './fixtures.ts';

const DIR = 'test/fixtures/views';
const allViews = (site: ReturnType<typeof buildFixture>) => [...site.views.values()].flat();
const viewLine = (v: GraphView) => `${v.id} ${v.options.layout} nodes=${v.nodes.join(',')} edges=${v.edges.join(',')}`;

/** Elements of a hast tree matching a test. */
function select(tree: ElementContent | Root, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree as Root, 'element', (el: Element) => { if (test(el)) out.push(el); });
  return out;
}
const cls = (el: Element) => ([] as unknown[]).concat(el.properties?.className ?? []).map(String);
const text = (el: Element): string => el.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('');

/** Label boxes of a rendered SVG, as the renderer estimated them (the placement is checked against its own estimate). */
function labelBoxes(svg: Element): Box[] {
  return select(svg, (el) => el.tagName === 'text').map((t) => {
    const p = t.properties;
    const size = Number(p.fontSize ?? (select(svg, (e) => e.tagName === 'g' && cls(e).includes('kg-edge-labels'))[0]?.children.includes(t) ? 11 : 13));
    const w = textWidth(text(t), size, String(p.fontWeight) === '600');
    const x = Number(p.x), y = Number(p.y);
    const left = p.textAnchor === 'end' ? x - w : p.textAnchor === 'middle' ? x - w / 2 : x;
    return { x: left, y: y - size * 0.85, w, h: size * 1.1 };
  });
}

describe('view fixtures', () => {
  for (const name of readdirSync(DIR).sort()) {
    const dir = join(DIR, name);
    it(`${name}: subgraphs and diagnostics`, () => {
      const site = buildFixture(join(dir, 'notes'));
      const expectedDiagnostics = existsSync(join(dir, 'expected-diagnostics.txt')) ? expectedLines(join(dir, 'expected-diagnostics.txt')) : [];
      expect(diagnosticLines(site)).toEqual(expectedDiagnostics);
      expect(allViews(site).map(viewLine)).toEqual(expectedLines(join(dir, 'expected-views.txt')));
    });
  }

  it('errors: messages say what is wrong and how to fix it', () => {
    const site = buildFixture(join(DIR, 'errors/notes'));
    const messages = site.diagnostics.map((d) => `${d.line}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
    expect(messages).toContain('7: Graph view names "Nobody Known", which matches no note (Use a note id, title or alias.)');
    expect(messages).toContain('11: Graph view option depth="9" must be a whole number from 0 to 3');
    expect(messages.find((m) => m.startsWith('15:'))).toMatch(/Unknown graph view option "colour"/);
    expect(messages).toContain('27: Graph view option layout="circle" must be "global", "local" or "radial"');
    expect(messages).toContain('27: Graph view filters on unknown type "planet" (Types: organization, person, agency, event, law, source, article, note.)');
    expect(messages).toContain('27: Graph view option since="last year" is not a date (Write dates as 2019-10-07, 2019-10 or 2019.)');
    expect(messages).toContain('31: Graph view names "Twin", which matches 2 notes: twin1, twin2 (Use the note id instead.)');
    // An invalid directive leaves no broken markup behind; the valid one still becomes a figure.
    const html = site.html.get('bad')!;
    expect(html.match(/<figure class="kg-view"/g)).toHaveLength(1);
    expect(html).toContain('data-view="bad--8"');
  });
});

describe('static SVG of a view', () => {
  const site = buildFixture(join(DIR, 'basics/notes'));
  const views = allViews(site);

  it('has the expected structure: circles, edges, focus, legend, caption', () => {
    const lines = views.map((v) => {
      const figure = renderViewFigure(v, site.graph, site.config, '/') as Element;
      const svg = select(figure, (el) => el.tagName === 'svg' && cls(el).includes('kg-view-svg'))[0];
      const circles = select(svg, (el) => el.tagName === 'circle');
      const edges = select(svg, (el) => el.tagName === 'path' && cls(el).includes('kg-edge'));
      const focus = select(svg, (el) => el.tagName === 'a' && cls(el).includes('kg-focus')).map((a) => String(a.properties.dataId));
      const types = select(figure, (el) => cls(el).includes('kg-legend-type')).map((li) => String(li.properties.dataType));
      const rels = select(figure, (el) => cls(el).includes('kg-legend-relation')).map((li) => String(li.properties.dataRelation));
      const caption = text(select(figure, (el) => cls(el).includes('kg-view-caption'))[0]);
      return `${v.id} viewBox=${String(svg.properties.viewBox).split(' ').slice(2).join(',')} circles=${circles.length} edges=${edges.length} focus=${focus.join(',')} legend=${types.join(',')}|${rels.join(',')} caption=${caption}`;
    });
    expect(lines).toEqual(expectedLines(join(DIR, 'basics/expected-svg.txt')));
  });

  it('labels every node of a small view, and no two labels overlap or leave the drawing', () => {
    for (const v of views) {
      const svg = renderViewSvg(v, site.graph, site.config, '/');
      const [, , w, h] = String(svg.properties.viewBox).split(' ').map(Number);
      const nodeLabels = select(svg, (el) => el.tagName === 'a').flatMap((a) => select(a, (el) => el.tagName === 'text'));
      expect(nodeLabels.length, v.id).toBe(v.nodes.length);
      const boxes = labelBoxes(svg);
      for (const [i, a] of boxes.entries()) {
        expect(a.x >= 0 && a.y >= 0 && a.x + a.w <= w && a.y + a.h <= h, `${v.id} label ${i} inside`).toBe(true);
        for (const b of boxes.slice(i + 1)) expect(overlaps(a, b, 0), `${v.id} labels overlap`).toBe(false);
      }
    }
  });

  it('draws the focus largest, with a ring class, and links every node to its page', () => {
    const v = views.find((x) => x.id === 'story--1')!;
    const svg = renderViewSvg(v, site.graph, site.config, '/base/');
    const radius = Object.fromEntries(select(svg, (el) => el.tagName === 'a').map((a) => [String(a.properties.dataId), Number(select(a, (e) => e.tagName === 'circle')[0].properties.r)]));
    expect(Math.max(...Object.values(radius))).toBe(radius.acme);
    expect(select(svg, (el) => el.tagName === 'a').map((a) => a.properties.href)).toEqual(v.nodes.map((n) => `/base/entity/${n}/`));
  });

  it('tells relation types apart by line style, with an arrowhead per colour', () => {
    const v = views.find((x) => x.id === 'story--2')!;
    const svg = renderViewSvg(v, site.graph, site.config, '/');
    const edge = (root: Element, type: string) => select(root, (el) => cls(el).includes(`kg-edge-${type}`))[0];
    // The fixture's relations cite no source: each is drawn with the sparse dash, lighter, and the legend says so.
    expect(edge(svg, 'sanctions').properties.strokeDashArray).toEqual(['4', '6']);
    expect(edge(svg, 'sanctions').properties.strokeOpacity).toBe(0.5);
    expect(cls(edge(svg, 'supplies'))).toContain('kg-edge-unsourced');
    expect(select(renderViewLegend(v, site.graph, site.config), (el) => cls(el).includes('kg-legend-unsourced'))).toHaveLength(1);
    // With sources, each relation type has its own style again.
    const unsourced = v.edges.filter((e) => site.graph.getEdgeAttribute(e, 'sources').length === 0);
    for (const e of unsourced) site.graph.setEdgeAttribute(e, 'sources', ['wire']);
    try {
      const sourced = renderViewSvg(v, site.graph, site.config, '/');
      expect(edge(sourced, 'sanctions').properties.strokeDashArray).toBeUndefined();
      expect(edge(sourced, 'supplies').properties.strokeDashArray).toEqual(['7', '4']);
      expect(select(sourced, (el) => cls(el).includes('kg-edge-unsourced'))).toEqual([]);
      expect(select(renderViewLegend(v, site.graph, site.config), (el) => cls(el).includes('kg-legend-unsourced'))).toEqual([]);
      expect(select(sourced, (el) => el.tagName === 'marker').length).toBe(new Set(select(sourced, (el) => cls(el).includes('kg-edge')).map((e) => e.properties.stroke)).size);
    } finally {
      for (const e of unsourced) site.graph.setEdgeAttribute(e, 'sources', []);
    }
  });

  it('gives each edge a title with the claim, its dates, its quote and its sources (text, escaped)', () => {
    const v = views.find((x) => x.id === 'story--2')!;
    const e = v.edges.find((x) => site.graph.getEdgeAttribute(x, 'type') === 'sanctions')!;
    const a = site.graph.getEdgeAttributes(e);
    const before = { ...a };
    site.graph.mergeEdgeAttributes(e, { date: '2019-10-07', quote: 'We <b>will</b> act & "say" so', sources: ['wire'] });
    try {
      const titleOf = (svg: Element) => text(select(select(svg, (el) => el.tagName === 'path' && el.properties.d !== undefined && cls(el).includes('kg-edge-sanctions'))[0], (el) => el.tagName === 'title')[0]);
      const title = titleOf(renderViewSvg(v, site.graph, site.config, '/'));
      const from = site.graph.getNodeAttribute(site.graph.source(e), 'title'), to = site.graph.getNodeAttribute(site.graph.target(e), 'title');
      expect(title).toBe(`${from} sanctions ${to} (7 October 2019). “We <b>will</b> act & "say" so” Source: ${site.graph.getNodeAttribute('wire', 'title')}.`);
      const html = hastToHtml(renderViewSvg(v, site.graph, site.config, '/'));
      expect(html).toContain('We &#x3C;b>will&#x3C;/b> act &#x26; "say" so');
      expect(html).not.toContain('<b>will');
    } finally {
      site.graph.replaceEdgeAttributes(e, before);
    }
    expect(text(select(select(renderViewSvg(v, site.graph, site.config, '/'), (el) => cls(el).includes('kg-edge-sanctions'))[0], (el) => el.tagName === 'title')[0])).toMatch(/No source given\.$/);
  });

  it('is deterministic: the same notes give the same bytes', () => {
    const again = buildFixture(join(DIR, 'basics/notes'));
    expect(again.html.get('story')).toBe(site.html.get('story'));
  });

  it('escapes titles: a title with markup stays text', () => {
    const v = views.find((x) => x.id === 'story--1')!;
    site.graph.setNodeAttribute('chen', 'title', '<script>alert(1)</script>');
    const html = JSON.stringify(renderViewFigure(v, site.graph, site.config, '/'));
    site.graph.setNodeAttribute('chen', 'title', 'Chen Li');
    expect(html).toContain('"value":"<script>alert(1)</script>"');
    expect(html).not.toContain('"tagName":"script"');
  });
});

describe('layouts', () => {
  const site = buildFixture(join(DIR, 'basics/notes'));
  const view = (id: string) => allViews(site).find((v) => v.id === id)!;

  it('radial: focus in the centre, each hop on the next ring', () => {
    const pos = viewPositions(site.graph, view('story--5'), 1);
    const r = (n: string) => Math.hypot(pos.get(n)!.x, pos.get(n)!.y);
    expect(r('commerce')).toBe(0);
    for (const n of ['acme', 'beta', 'bureau']) expect(r(n)).toBeCloseTo(50, 0);
    for (const n of ['chen', 'ministry']) expect(r(n)).toBeCloseTo(100, 0);
  });

  it('local: seeded, so repeatable; nodes do not sit on top of each other', () => {
    const v = view('story--6');
    const a = viewPositions(site.graph, { ...v, id: 'x' }, 7);
    const b = viewPositions(site.graph, { ...v, id: 'x', nodes: [...v.nodes] }, 7);
    expect([...a]).toEqual([...b]);
    const points = [...a.values()];
    for (const [i, p] of points.entries()) for (const q of points.slice(i + 1)) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(5);
  });
});

describe('neighbourhoods', () => {
  const site = buildFixture(join(DIR, 'basics/notes'));

  it('hold the entity, its neighbours at distance 1 and theirs at distance 2, over relations', () => {
    const hood = entityNeighbourhood(site.graph, 'acme');
    expect(hood.id).toBe('entity-acme');
    expect(Object.fromEntries(hood.distance)).toEqual({ acme: 0, bureau: 1, chen: 1, commerce: 1, beta: 2, ministry: 2 });
    expect(hood.edges.every((e) => site.graph.getEdgeAttribute(e, 'kind') === 'relation')).toBe(true);
    expect(firstRing(hood, site.graph).nodes).toEqual(['acme', 'bureau', 'chen', 'commerce']);
  });

  it('use mentions and citations for notes without relations (sources, articles)', () => {
    const hood = entityNeighbourhood(site.graph, 'wire');
    expect(hood.distance.get('acme')).toBe(1);
    expect(hood.edges).toContain('mentions:wire->acme');
  });

  it('stay small around a hub: at most the cap, hubs first', () => {
    const hood = entityNeighbourhood(site.graph, 'commerce', 4);
    expect(hood.nodes).toHaveLength(4);
    expect(hood.distance.get('commerce')).toBe(0);
  });

  it('become per-view JSON with both layouts', () => {
    const hood = entityNeighbourhood(site.graph, 'acme');
    const data = toNeighbourhoodData(hood, site.graph, site.config, '/entity/acme/');
    const i = (n: string) => data.nodes.id.indexOf(n);
    expect(data.focus).toEqual([i('acme')]);
    expect(data.nodes.distance![i('beta')]).toBe(2);
    expect(data.nodes.x1![i('beta')]).toBeNull();
    expect(data.nodes.x1![i('chen')]).not.toBeNull();
    expect(data.edges.source.length).toBe(hood.edges.length);
    expect(data.relations[data.edges.type[0]].id).toBe(site.graph.getEdgeAttribute(hood.edges[0], 'type'));
    expect(data.nodes.summary[i('acme')]).toBe('Maker of cameras.');
  });
});

describe('catalog, embeds and oEmbed', () => {
  const site = buildFixture(join(DIR, 'basics/notes'));
  const entry = (id: string) => viewEntry(site, '/', id);

  it('lists the network, every connected entity and every directive view', () => {
    expect(entry('network')?.kind).toBe('network');
    expect(entry('entity-acme')?.kind).toBe('entity');
    expect(entry('story--3')?.kind).toBe('directive');
    expect(viewIds(site)).toContain('entity-ministry');
    expect(entry('entity-nobody')).toBeUndefined();
    // Ids are listed without making the views: an entity is listed exactly when its neighbourhood has an edge.
    const listed = new Set(viewIds(site));
    for (const note of site.notes) expect(listed.has(neighbourhoodId(note.id))).toBe(entityNeighbourhood(site.graph, note.id).edges.length > 0);
    expect(viewIds(site).every((id) => entry(id) !== undefined)).toBe(true);
    expect(pageViews(site, '/', 'story').map((e) => e.id)).toEqual(['story--1', 'story--2', 'story--3', 'story--4', 'story--5', 'story--6', 'entity-story']);
  });

  it('gives a snippet that is valid HTML with a title, lazy loading and a fixed aspect ratio', async () => {
    const snippet = embedSnippet({ id: 'story--1', title: 'Around "Acme" & co <b>', height: 420 }, site.config, '/');
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } });
    const report = await validator.validateString(snippet);
    expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain('title="Around &quot;Acme&quot; &amp; co &lt;b&gt;"');
    expect(snippet).toContain('aspect-ratio:800/420');
    expect(snippet).toContain(`src="${site.config.site}/embed/story--1/"`);
  });

  it('publishes oEmbed documents of type rich', () => {
    const doc = oembedDocument(entry('entity-acme')!, site.config, '/');
    expect(doc).toMatchObject({ version: '1.0', type: 'rich', width: 440, height: 400, provider_name: site.config.title, title: 'Connections of Acme Surveillance Ltd.' });
    expect(doc.html).toContain('/embed/entity-acme/');
  });

  it('per-view JSON indexes agree with the view', () => {
    const v = allViews(site).find((x) => x.id === 'story--3')!;
    const data = toViewData(v, site.graph, site.config, '/entity/story/#view-story--3');
    expect(data.nodes.id).toEqual(v.nodes);
    const pairs = data.edges.source.map((s, i) => `${data.nodes.id[s]}->${data.nodes.id[data.edges.target[i]]}`).sort();
    expect(pairs).toEqual(v.edges.map((e) => `${site.graph.source(e)}->${site.graph.target(e)}`).sort());
  });
});

describe('label placement', () => {
  it('never overlaps two labels and never leaves the drawing', () => {
    const label = fc.record({
      x: fc.integer({ min: 0, max: 800 }), y: fc.integer({ min: 0, max: 400 }), r: fc.integer({ min: 3, max: 15 }),
      text: fc.string({ minLength: 1, maxLength: 40 }),
    });
    fc.assert(fc.property(fc.array(label, { maxLength: 40 }), (labels) => {
      const placed = placeLabels(labels.map((l, i) => ({ ...l, id: String(i), fontSize: 12 })), [], 800, 400);
      for (const [i, a] of placed.entries()) {
        expect(a.box.x >= 0 && a.box.y >= 0 && a.box.x + a.box.w <= 800 && a.box.y + a.box.h <= 400).toBe(true);
        for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box)).toBe(false);
      }
    }));
  });

  it('shortens a long label at a word boundary before giving up', () => {
    const placed = placeLabels([{ id: 'a', text: 'Xinjiang Uighur Autonomous Region Public Security Department', x: 150, y: 100, r: 5, fontSize: 12 }], [], 300, 200);
    expect(placed[0].text).toMatch(/^Xinjiang Uighur Autonomous.*…$/);
  });
});

describe('browser code, pure parts', () => {
  const defaults = { hiddenTypes: [], hiddenRelations: ['cites', 'mentions'] };

  it('URL state round-trips and ignores junk', () => {
    const state = { node: 'hikvision', hiddenTypes: ['source'], hiddenRelations: ['mentions'], camera: { x: 0.51234, y: 0.4, ratio: 0.35 } };
    const hash = formatState(state, defaults);
    expect(hash).toBe('#node=hikvision&types=source&rels=mentions&cam=0.512,0.4,0.35');
    expect(parseState(hash)).toEqual({ ...state, camera: { x: 0.512, y: 0.4, ratio: 0.35 } });
    expect(formatState({ node: null, hiddenTypes: [], hiddenRelations: ['mentions', 'cites'] }, defaults)).toBe('');
    expect(parseState('#cam=NaN,1,2&node=')).toEqual({ node: null });
    expect(parseState('#%E0%A4%A')).toEqual({ node: null });
    fc.assert(fc.property(fc.string(), (junk) => { expect(() => parseState(junk)).not.toThrow(); }));
  });

  it('URL state keeps the paths panel: both ends, and the relation types only when they differ from the default', () => {
    const withPaths = { ...defaults, pathVia: ['leads', 'sanctions', 'supplies'] };
    const state = { node: null, hiddenTypes: [], hiddenRelations: ['cites', 'mentions'], pathFrom: 'wilbur-ross', pathTo: 'hikvision', pathVia: ['sanctions', 'leads'] };
    const hash = formatState(state, withPaths);
    expect(hash).toBe('#from=wilbur-ross&to=hikvision&via=leads,sanctions');
    expect(parseState(hash)).toEqual({ node: null, pathFrom: 'wilbur-ross', pathTo: 'hikvision', pathVia: ['leads', 'sanctions'] });
    expect(formatState({ ...state, pathVia: ['supplies', 'leads', 'sanctions'] }, withPaths)).toBe('#from=wilbur-ross&to=hikvision');
    // No ends: no path state at all, whatever the types.
    expect(formatState({ ...state, pathFrom: undefined, pathTo: undefined }, withPaths)).toBe('');
  });

  it('search finds by title or alias, ignoring case and accents, best first', () => {
    const entries = [
      { id: 'hikvision', title: 'Hangzhou Hikvision Digital Technology Co., Ltd.', aliases: ['Hikvision', '海康威视'] },
      { id: 'hik-fan', title: 'Friends of Hikvision', aliases: [] },
      { id: 'megvii', title: 'Megvii Technology', aliases: ['Face++'] },
      { id: 'cafe', title: 'Café Müller', aliases: [] },
    ];
    expect(matchEntries(entries, 'hikvision').map((e) => e.id)).toEqual(['hikvision', 'hik-fan']);
    expect(matchEntries(entries, '海康').map((e) => e.id)).toEqual(['hikvision']);
    expect(matchEntries(entries, 'cafe muller').map((e) => e.id)).toEqual(['cafe']);
    expect(matchEntries(entries, '   ')).toEqual([]);
  });

  it('compact data becomes a sigma graph: same-direction duplicates merge, bad rows are skipped', () => {
    const site = buildFixture(join(DIR, 'basics/notes'));
    const data = toCompactGraph(site.graph, site.config);
    const { graph } = toViewGraph(data);
    expect(graph.order).toBe(site.graph.order);
    // wire mentions and cites nothing twice; commerce -> acme carries only sanctions.
    expect(graph.getEdgeAttribute(graph.edge('commerce', 'acme')!, 'rels')).toEqual(['sanctions']);
    const broken = { ...data, edges: { source: [0, 999], target: [1, 0], type: [0, 0] } };
    expect(() => toViewGraph(broken)).not.toThrow();
    expect(shortLabel('Hangzhou Hikvision Digital Technology Co., Ltd.')).toBe('Hangzhou Hikvision…');
  });
});
