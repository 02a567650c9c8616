// "As of a date": the time filter (relations in force on a day, partial dates, open-ended ranges), the `asof` option
// of `::graph` (validated; the static SVG and list of a dated view), the date columns of graph.json and view JSON,
// the browser's per-line test on merged relations, the slider's range and the URL state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeDays, sliderRange } from '../../src/client/time-control.ts';
import { edgeActiveOn, relationActiveOn, timeBounds, toViewGraph } from '../../src/client/view-graph.ts';
import { formatState, parseState } from '../../src/client/network/url-state.ts';
import { buildFromFiles } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { toCompactGraph } from '../../src/kg/exports/graph-json.ts';
import { toViewData } from '../../src/kg/exports/view-json.ts';
import { activeOn, asOfDay, dayNumber, dayToDate, isActiveAsOf, relationSpan } from '../../src/kg/time-filter.ts';
import { decodeNote } from '../../src/kg/vault.ts';
import { hastToHtml } from '../../src/kg/view-html.ts';
import { renderViewFigure, renderViewSvg } from '../../src/kg/view-svg.ts';
import { viewTime } from '../../src/kg/view-time.ts';

const d = (date: string) => dayNumber(date)!;

describe('day numbers', () => {
  it('full and partial dates: first or last day of their period, leap years included', () => {
    expect(d('1970-01-01')).toBe(0);
    expect(d('2019-10-07')).toBe(18176);
    expect(dayNumber('2019-10', 'first')).toBe(d('2019-10-01'));
    expect(dayNumber('2019-10', 'last')).toBe(d('2019-10-31'));
    expect(dayNumber('2020-02', 'last')).toBe(d('2020-02-29'));
    expect(dayNumber('2019-02', 'last')).toBe(d('2019-02-28'));
    expect(dayNumber('2019', 'first')).toBe(d('2019-01-01'));
    expect(dayNumber('2019', 'last')).toBe(d('2019-12-31'));
    expect(d('1900-03-01')).toBeLessThan(0);
    for (const bad of ['', 'yesterday', '2019-1-7', '19-10-07', '2019/10/07']) expect(dayNumber(bad)).toBeUndefined();
  });

  it('dayToDate is the inverse of dayNumber for every day (1000–2999)', () => {
    fc.assert(fc.property(fc.integer({ min: d('1000-01-01'), max: d('2999-12-31') }), (day) => {
      expect(d(dayToDate(day))).toBe(day);
    }));
  });
});

describe('relations in force on a day', () => {
  it('`date` alone: begins that day and stays', () => {
    const span = relationSpan({ date: '2019-10-07' });
    expect(span).toEqual({ begin: d('2019-10-07'), end: null });
    expect(activeOn(span, d('2019-10-06'))).toBe(false);
    expect(activeOn(span, d('2019-10-07'))).toBe(true);
    expect(activeOn(span, d('2040-01-01'))).toBe(true);
  });

  it('start and end are inclusive; either may be open', () => {
    const both = relationSpan({ start: '2018-01-15', end: '2019-03-31' });
    expect([d('2018-01-14'), d('2018-01-15'), d('2019-03-31'), d('2019-04-01')].map((x) => activeOn(both, x))).toEqual([false, true, true, false]);
    const openEnd = relationSpan({ start: '2018-01-15' });
    expect(openEnd).toEqual({ begin: d('2018-01-15'), end: null });
    expect(activeOn(openEnd, d('2099-12-31'))).toBe(true);
    const openStart = relationSpan({ end: '2019-03-31' });
    expect(openStart).toEqual({ begin: null, end: d('2019-03-31') });
    expect(activeOn(openStart, d('1900-01-01'))).toBe(true);
    expect(activeOn(openStart, d('2019-04-01'))).toBe(false);
    // An end on a dated relation closes it too.
    expect(relationSpan({ date: '2019-10-07', end: '2020' })).toEqual({ begin: d('2019-10-07'), end: d('2020-12-31') });
  });

  it('partial dates cover their whole period: from its first day, until its last', () => {
    const span = relationSpan({ start: '2019-10', end: '2020' });
    expect(span).toEqual({ begin: d('2019-10-01'), end: d('2020-12-31') });
    expect(activeOn(span, d('2019-09-30'))).toBe(false);
    expect(activeOn(span, d('2019-10-01'))).toBe(true);
    expect(activeOn(span, d('2020-12-31'))).toBe(true);
    expect(activeOn(span, d('2021-01-01'))).toBe(false);
  });

  it('undated relations (and mentions, citations) are always in force', () => {
    expect(relationSpan({})).toBeUndefined();
    expect(activeOn(undefined, d('1800-01-01'))).toBe(true);
    expect(isActiveAsOf({}, '2019')).toBe(true);
  });

  it('a partial `asof` is the last day of its period (the graph as it stood at its end)', () => {
    expect(asOfDay('2019-10')).toBe(d('2019-10-31'));
    expect(asOfDay('2019')).toBe(d('2019-12-31'));
    const listing = { date: '2019-10-07' };
    expect(isActiveAsOf(listing, '2019-09')).toBe(false);
    expect(isActiveAsOf(listing, '2019-10')).toBe(true);
    expect(isActiveAsOf(listing, '2019-10-06')).toBe(false);
    expect(isActiveAsOf(listing, '2019')).toBe(true);
    const ended = { start: '2017', end: '2019-03' };
    expect(isActiveAsOf(ended, '2019-03')).toBe(true);
    expect(isActiveAsOf(ended, '2019-06')).toBe(false);
    expect(isActiveAsOf(ended, '2016')).toBe(false);
  });

  it('agrees with comparing the dates as text, for any full dates', () => {
    const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10));
    fc.assert(fc.property(fc.option(date), fc.option(date), date, (start, end, on) => {
      const r = { start: start ?? undefined, end: end ?? undefined };
      const expected = (start === null || start <= on) && (end === null || on <= end);
      expect(isActiveAsOf(r, on)).toBe(expected);
    }));
  });
});

// A small vault: Commerce sanctions Acme (from 7 October 2019), sanctioned Beta from 2018 to March 2019, and relates
// to Gamma (undated); an article with dated views, and directives with bad dates.
const NOTES: Record<string, string> = {
  'Commerce.md': `---
type: agency
title: Department of Commerce
relations:
  - type: sanctions
    to: "[[Acme]]"
    date: 2019-10-07
  - type: sanctions
    to: "[[Beta]]"
    start: 2018-01
    end: 2019-03
  - type: related_to
    to: "[[Gamma]]"
---
`,
  'Acme.md': '---\ntype: organization\n---\n',
  'Beta.md': '---\ntype: organization\n---\n',
  'Gamma.md': '---\ntype: organization\n---\n',
  'Story.md': `---
type: article
---
::graph{focus="commerce" asof="2019-06"}

::graph{focus="commerce" asof="2019-02-30"}

::graph{focus="commerce" asof="June 2019"}

::graph{focus="commerce" asof="2019-11-01" caption="After the listing"}

::graph{focus="commerce"}

::graph{focus="gamma" asof="2019"}
`,
};
const site = buildFromFiles(resolveConfig({}), Object.entries(NOTES).map(([name, text]) => decodeNote(name, Buffer.from(text))));
const views = site.views.get('story')!;
const june = views.find((v) => v.options.asof === '2019-06')!;
const november = views.find((v) => v.options.asof === '2019-11-01')!;
const undated = views.find((v) => v.options.asof === undefined)!;
const edgeTo = (t: string) => site.graph.edges('commerce', t)[0];

describe('the asof option of ::graph', () => {
  it('is validated: a date that is not one, or not in the calendar, is an error at the directive', () => {
    const messages = site.diagnostics.map((x) => `${x.file}:${x.line} ${x.code} ${x.message} (${x.hint})`);
    expect(messages).toEqual([
      'Story.md:6 view-bad-option Graph view option asof="2019-02-30" is not a date (Write the date the view shows as 2019-10-08, 2019-10 or 2019 (a real calendar date).)',
      'Story.md:8 view-bad-option Graph view option asof="June 2019" is not a date (Write the date the view shows as 2019-10-08, 2019-10 or 2019 (a real calendar date).)',
      // A date on a view whose relations have none changes nothing: a warning, the build goes on.
      'Story.md:14 view-asof-undated Graph view is shown as of 2019, but none of its relations has a date (Add date, start or end to its relations, or drop asof: undated relations show at every date.)',
    ]);
    expect(site.diagnostics.map((x) => x.severity)).toEqual(['error', 'error', 'warning']);
    expect(views.map((v) => v.options.asof)).toEqual(['2019-06', '2019-11-01', undefined, '2019']);
  });

  it('keeps every relation in the view and marks the ones not in force, and entities left without any', () => {
    expect(june.edges).toEqual(undated.edges);
    const t = viewTime(site.graph, june)!;
    expect(t.label).toBe('June 2019');
    expect([...t.edges].sort()).toEqual([edgeTo('acme'), edgeTo('beta')].sort());
    expect([...t.nodes].sort()).toEqual(['acme', 'beta']);
    const n = viewTime(site.graph, november)!;
    expect([...n.edges]).toEqual([edgeTo('beta')]);
    expect([...n.nodes]).toEqual(['beta']);
    expect(viewTime(site.graph, undated)).toBeUndefined();
  });

  it('the static SVG draws them faint; the list and the caption say why', () => {
    const svg = hastToHtml(renderViewSvg(june, site.graph, site.config, '/'));
    // (The fixture's relations cite no source: drawn with that look too, and their titles say so.)
    expect(svg).toMatch(/<path[^>]*class="kg-edge kg-edge-sanctions kg-edge-unsourced kg-out-of-time"[^>]*opacity="0.2"[^>]*><title>Department of Commerce sanctions Acme \(7 October 2019\), not yet in force on June 2019\. No source given\.<\/title>/);
    expect(svg).toMatch(/<a[^>]*class="kg-node kg-out-of-time" data-id="acme"[^>]*opacity="0.2"/);
    expect(svg).toMatch(/<a[^>]*class="kg-node kg-focus" data-id="commerce"/);
    expect(svg).toMatch(/<a[^>]*class="kg-node" data-id="gamma"/);
    expect(svg).toContain('aria-label="Graph of 4 entities and 3 relations, as of June 2019"');
    const figure = hastToHtml(renderViewFigure(november, site.graph, site.config, '/'));
    expect(figure).toContain('<p class="kg-view-asof">As of 1 November 2019: faint relations had not begun or had ended by then.</p>');
    expect(figure).toMatch(/<li class="kg-out-of-time">.*Beta<\/a> \(2018-01–2019-03, no longer in force on 1 November 2019\)<\/li>/);
    expect(figure).toMatch(/<li><a[^>]*>Department of Commerce<\/a> sanctions <a[^>]*>Acme<\/a> \(2019-10-07\)<\/li>/);
    // Undated views are drawn exactly as before.
    const plain = hastToHtml(renderViewFigure(undated, site.graph, site.config, '/'));
    expect(plain).not.toMatch(/kg-out-of-time|kg-view-asof|[^-]opacity/);
  });
});

describe('relation dates that contradict each other', () => {
  it('a relation that ends before it begins is a warning at its end (it would never show)', () => {
    const note = (end: string, begin = 'start: 2019-10') => decodeNote('A.md', Buffer.from(`---\ntype: agency\nrelations:\n  - type: sanctions\n    to: "[[B]]"\n    ${begin}\n    end: ${end}\n---\n`));
    const diagnosticsOf = (a: ReturnType<typeof note>) => buildFromFiles(resolveConfig({}), [a, decodeNote('B.md', Buffer.from('---\ntype: organization\n---\n'))]).diagnostics
      .map((x) => `${x.line}:${x.column} ${x.severity} ${x.code} ${x.message}`);
    expect(diagnosticsOf(note('2019-09-30'))).toEqual(['7:10 warning relation-ends-before-start Relation ends (2019-09-30) before it begins (start 2019-10)']);
    expect(diagnosticsOf(note('2019', 'date: 2020-01-01'))).toEqual(['7:10 warning relation-ends-before-start Relation ends (2019) before it begins (date 2020-01-01)']);
    // Partial dates cover their period: ending in the month it starts is fine, and so is a one-day relation.
    expect(diagnosticsOf(note('2019-10'))).toEqual([]);
    expect(diagnosticsOf(note('2019-10-07', 'start: 2019-10-07'))).toEqual([]);
  });
});

describe('dates in the data files', () => {
  it('graph.json gets begin/end day columns only when an edge has such a date', () => {
    const g = toCompactGraph(site.graph, site.config);
    const i = (s: string, t: string) => g.edges.source.findIndex((x, k) => g.nodes.id[x] === s && g.nodes.id[g.edges.target[k]] === t);
    expect(g.edges.begin).toHaveLength(g.edges.source.length);
    expect(g.edges.end).toHaveLength(g.edges.source.length);
    expect([g.edges.begin![i('commerce', 'acme')], g.edges.end![i('commerce', 'acme')]]).toEqual([d('2019-10-07'), null]);
    expect([g.edges.begin![i('commerce', 'beta')], g.edges.end![i('commerce', 'beta')]]).toEqual([d('2018-01-01'), d('2019-03-31')]);
    expect([g.edges.begin![i('commerce', 'gamma')], g.edges.end![i('commerce', 'gamma')]]).toEqual([null, null]);
    const bare = buildFromFiles(resolveConfig({}), [decodeNote('A.md', Buffer.from('---\ntype: agency\nrelations:\n  - type: sanctions\n    to: "[[B]]"\n---\n')), decodeNote('B.md', Buffer.from('---\ntype: organization\n---\n'))]);
    const plain = toCompactGraph(bare.graph, bare.config);
    expect(plain.edges.source).toHaveLength(1);
    expect(Object.keys(plain.edges)).toEqual(['source', 'target', 'type', 'unsourced']);
    // Dates that only begin (the usual case) need no end column.
    const begun = buildFromFiles(resolveConfig({}), [decodeNote('A.md', Buffer.from('---\ntype: agency\nrelations:\n  - type: sanctions\n    to: "[[B]]"\n    date: 2019\n---\n')), decodeNote('B.md', Buffer.from('---\ntype: organization\n---\n'))]);
    expect(toCompactGraph(begun.graph, begun.config).edges).toEqual({ source: [0], target: [1], type: [expect.any(Number)], begin: [d('2019-01-01')], unsourced: [0] });
  });

  it('a view\'s JSON carries its date and its edges\' spans; the browser fades what the engine fades', () => {
    const data = toViewData(june, site.graph, site.config, '/entity/story/');
    expect(data.asof).toBe('2019-06');
    expect(data.edges.begin).toHaveLength(data.edges.source.length);
    expect('asof' in toViewData(undated, site.graph, site.config, '/')).toBe(false);
    const { graph } = toViewGraph(data);
    const day = asOfDay('2019-06')!;
    const faded = graph.filterEdges((_, a) => !edgeActiveOn(a, day)).map((e) => graph.extremities(e).join('->')).sort();
    expect(faded).toEqual([...viewTime(site.graph, june)!.edges].map((e) => site.graph.extremities(e).join('->')).sort());
    expect(graph.filterEdges((_, a) => !edgeActiveOn(a, null)).length).toBe(0);
    expect(timeBounds(graph)).toEqual({ min: d('2018-01-01'), max: d('2019-10-07') });
  });
});

describe('the browser side', () => {
  const tables = {
    types: [{ id: 'organization', label: 'Organization', plural: 'Organizations', color: '#E69F00' }],
    relations: ['supplies', 'owns', 'mentions'].map((id) => ({ id, label: id, inverseLabel: id, style: 'solid', color: '#777777' })),
  };
  const nodes = { id: ['a', 'b'], label: ['A', 'B'], type: [0, 0], x: [0, 1], y: [0, 1], size: [5, 5], community: [0, 0] };

  it('relations merged into one line: in force when any shown one is; an undated one keeps it in force', () => {
    // a -> b: supplies from 2019-10-07, owns from 2010 to 2015, and (listed first) an undated mention.
    const { graph } = toViewGraph({
      v: 1, ...tables, nodes,
      edges: { source: [0, 0, 0], target: [1, 1, 1], type: [2, 0, 1], begin: [null, d('2019-10-07'), d('2010-01-01')], end: [null, null, d('2015-12-31')] },
    });
    const a = graph.getEdgeAttributes(graph.edge('a', 'b')!);
    expect(a.rels).toEqual(['mentions', 'supplies', 'owns']);
    expect(a.times).toEqual([['mentions', null, null], ['supplies', d('2019-10-07'), null], ['owns', d('2010-01-01'), d('2015-12-31')]]);
    const hideMentions = (r: string) => r === 'mentions';
    expect(edgeActiveOn(a, d('2017-01-01'))).toBe(true); // the undated mention
    expect(edgeActiveOn(a, d('2017-01-01'), hideMentions)).toBe(false);
    expect(edgeActiveOn(a, d('2012-01-01'), hideMentions)).toBe(true);
    expect(edgeActiveOn(a, d('2020-01-01'), hideMentions)).toBe(true);
    expect(edgeActiveOn(a, null, hideMentions)).toBe(true);
    expect(['mentions', 'supplies', 'owns'].map((r) => relationActiveOn(a, r, d('2012-01-01')))).toEqual([true, false, true]);
    expect(changeDays(graph)).toEqual([d('2010-01-01'), d('2016-01-01'), d('2019-10-07')]);
  });

  it('lines without any date have no times: always in force, and no time control', () => {
    const { graph } = toViewGraph({ v: 1, ...tables, nodes, edges: { source: [0], target: [1], type: [0] } });
    expect(graph.getEdgeAttribute(graph.edge('a', 'b')!, 'times')).toBeUndefined();
    expect(timeBounds(graph)).toBeUndefined();
  });

  it('the slider spans whole years, starting before the first date', () => {
    expect(sliderRange({ min: d('2019-05-16'), max: d('2019-10-08') })).toEqual({ min: d('2019-01-01'), max: d('2019-12-31') });
    expect(sliderRange({ min: d('2001-01-01'), max: d('2024-03-01') })).toEqual({ min: d('2000-12-31'), max: d('2024-12-31') });
  });

  it('the network URL keeps the date; a bad one is ignored', () => {
    const defaults = { hiddenTypes: [], hiddenRelations: ['mentions'] };
    expect(formatState({ node: 'hikvision', asof: '2019-10-07' }, defaults)).toBe('#node=hikvision&asof=2019-10-07');
    expect(parseState('#node=hikvision&asof=2019-10-07')).toEqual({ node: 'hikvision', asof: '2019-10-07' });
    expect(parseState('#asof=2019-02-30').asof).toBeUndefined();
    expect(parseState('#asof=<script>').asof).toBeUndefined();
    expect(formatState({ node: null }, defaults)).toBe('');
  });
});
