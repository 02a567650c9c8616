// The views' own HTML serialiser gives exactly what hast-util-to-html (rehype-stringify) gives for the same trees:
// every view of the demo site, and markup with every character that needs escaping.
import { h, s } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { ElementContent } from 'hast';
import { buildSite } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { firstRing } from '../../src/kg/neighbourhood.ts';
import { viewEntry, viewIds } from '../../src/kg/view-catalog.ts';
import { renderEmbedDetails } from '../../src/kg/view-embed.ts';
import { hastToHtml } from '../../src/kg/view-html.ts';
import { networkPreview } from '../../src/kg/view-island-figure.ts';
import { renderViewFigure, renderViewLegend, renderViewList, renderViewSvg } from '../../src/kg/view-svg.ts';
import siteRelations from '../../content/kg.relations.json' with { type: 'json' };

const reference = unified().use(rehypeStringify, { allowDangerousHtml: true });
const same = (el: ElementContent) => expect(hastToHtml(el)).toBe(reference.stringify({ type: 'root', children: [el] }));

describe('view HTML serialiser', () => {
  it('matches hast-util-to-html on every view of the demo site', async () => {
    const site = await buildSite(process.cwd(), { ...resolveConfig({ relations: siteRelations }), contentDir: 'content' });
    const { graph, config } = site;
    let checked = 0;
    for (const id of viewIds(site)) {
      const entry = viewEntry(site, '/', id)!;
      const view = entry.kind === 'network' ? networkPreview(graph, 500) : entry.kind === 'entity' ? firstRing(entry.view, graph) : entry.view;
      for (const el of [renderViewSvg(view, graph, config, '/'), renderViewLegend(view, graph, config), renderViewList(view, graph, config, '/'), renderViewFigure(view, graph, config, '/'), renderEmbedDetails(entry, config, '/')]) {
        same(el);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('escapes text and attributes, and writes booleans, lists and voids, as hast-util-to-html does', () => {
    const nasty = 'a < b & "c" \'d\' `e` \u0000 > f';
    same(h('div', { class: ['x', 'y'], hidden: true, title: nasty, 'data-id': nasty, tabIndex: -1, accept: ['a', 'b'] }, [
      nasty, h('br'), h('input', { readOnly: true, value: nasty }), h('textarea', { readonly: true, rows: 4 }, '<iframe src="x">'),
      s('svg', { viewBox: '0 0 1 1', 'stroke-dasharray': '2 3', preserveAspectRatio: 'xMidYMid meet' }, [s('title', nasty), s('circle', { cx: 0.5, r: 1 }), s('text', nasty)]),
      h('details', { open: false }, [h('summary', 'x')]), h('button', { type: 'button', hidden: false, disabled: '' }, 'y'),
    ]));
  });
});
