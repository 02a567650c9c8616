// Safe output, stage by stage: the HTML allow-list (what raw HTML in a note may keep), script and data URLs dropped,
// and every frontmatter string escaped where it lands: inline JSON, view SVG, GEXF/XML, CSV.
import { DOMParser } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { csvCell, edgesCsv, nodesCsv } from '../../src/kg/exports/csv.ts';
import { toGexf } from '../../src/kg/exports/gexf.ts';
import { hastToHtml } from '../../src/kg/view-html.ts';
import { safeJson } from '../../src/kg/safe-json.ts';
import { renderViewFigure } from '../../src/kg/views.ts';
import { unsafeParts } from '../hostile/html-safety.ts';

const config = resolveConfig();
const body = (markdown: string) => buildFromFiles(config, [{ file: 'n.md', text: markdown }]).html.get('n')!;

describe('raw HTML allow-list', () => {
  it('keeps the publishing elements', () => {
    const html = body([
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>c</td></tr></tbody></table>',
      '',
      '<details><summary>s</summary>d</details>',
      '',
      'x<sup>2</sup> H<sub>2</sub>O <kbd>K</kbd> <mark>m</mark> <abbr title="Entity List">EL</abbr> <del>d</del> <ins>i</ins>',
      '',
      '<img src="https://example.org/a.png" alt="remote"> <img src="/local.png" alt="relative"> <img src="pic.png" alt="relative too">',
      '',
      '<figure><img src="/f.png" alt="f"><figcaption>cap</figcaption></figure>',
    ].join('\n'));
    for (const tag of ['table', 'th', 'td', 'details', 'summary', 'sup', 'sub', 'kbd', 'mark', 'abbr', 'del', 'ins', 'figure', 'figcaption']) expect(html).toContain(`<${tag}`);
    // Images from other origins become links: the site loads nothing from third parties (CSP img-src 'self').
    expect(html).toContain('<a href="https://example.org/a.png" class="external-image" rel="nofollow noopener">Image: remote (example.org)</a>');
    expect(html).not.toContain('<img src="https://');
    expect(html).toContain('<img src="/local.png" alt="relative">');
    expect(html).toContain('<img src="pic.png" alt="relative too">');
    expect(unsafeParts(html)).toEqual([]);
  });

  it('drops scripts, frames, objects, forms, styles, SVG and MathML, keeping their text where they have any', () => {
    const html = body([
      '<script>alert(1)</script><iframe src="https://x"></iframe><object data="x"></object><embed src="x"><applet code="x"></applet>',
      '<form action="/x"><input value="v"><button>go</button></form><style>p{}</style><link rel="stylesheet" href="x.css">',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=/x"><svg onload="alert(1)"><circle/></svg>',
      '<math><mi>x</mi></math><template><p>t</p></template> <p>kept text</p>',
    ].join('\n'));
    expect(unsafeParts(html)).toEqual([]);
    // (<input> stays only as GitHub's disabled task-list checkbox: the schema forces type="checkbox" disabled.)
    expect(html).not.toMatch(/<(script|iframe|object|embed|applet|form|button|style|link|base|meta|svg|math|template)\b/);
    expect(html).toContain('<input value="v" disabled type="checkbox">');
    expect(html).toContain('kept text');
  });

  it('drops event handlers, style attributes and javascript:, vbscript: and data: URLs in every spelling', () => {
    const html = body([
      '<a href="javascript:alert(1)">a</a> <a href="JaVaScRiPt:alert(1)">b</a> <a href="java&#x09;script:alert(1)">c</a>',
      '<a href="  javascript:alert(1)">d</a> <a href="vbscript:x">e</a> <a href="data:text/html,x">f</a> <a href="&#106;avascript:x">g</a>',
      '<img src="data:image/png;base64,AAAA" alt="data"> <img src="javascript:x" alt="js"> <img src=x onerror="alert(1)" alt="handler">',
      '<p style="color:red" onclick="alert(1)" onmouseover="x">p</p> <details open ontoggle="alert(1)"><summary>s</summary></details>',
      '[md](javascript:alert(1)) ![img](data:image/png;base64,AA) <javascript:alert(1)> [ok](https://example.org/) [rel](/entity/x/)',
    ].join('\n\n'));
    expect(unsafeParts(html)).toEqual([]);
    expect(html).not.toMatch(/(href|src)="[^"]*(javascript|vbscript|data):|\son[a-z]+=|\sstyle=/i);
    expect(html).toContain('<a href="https://example.org/">ok</a>');
    expect(html).toContain('<a href="/entity/x/">rel</a>');
  });

  it('prefixes ids and names so notes cannot clobber the page\'s own elements', () => {
    const html = body('<p id="main">a</p> <a name="getSite">b</a>');
    expect(html).toContain('id="user-content-main"');
    expect(html).not.toContain('id="main"');
    expect(html).not.toMatch(/name="getSite"/);
  });
});

describe('frontmatter strings in inline JSON', () => {
  it('cannot end the script element or open a comment, and parse back unchanged', () => {
    const value = { name: '</script><script>alert(1)</script>', alt: ['<!--', '-->', '\u2028\u2029', '&amp;', "'\""] };
    const json = safeJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

const HOSTILE = "</script><script>alert('x')</script> ]]> </node> & < > \" ' \u0007 \u001b end";
function hostileSite() {
  const note = (title: string, extra = '') => `---\ntype: organization\ntitle: ${JSON.stringify(title)}\nsummary: ${JSON.stringify(HOSTILE)}\naliases: [${JSON.stringify(HOSTILE)}]\ntags: [${JSON.stringify(HOSTILE)}]\n${extra}---\n`;
  return buildFromFiles(config, [
    { file: 'a.md', text: `${note(`A ${HOSTILE}`, `relations:\n  - type: owns\n    to: "[[b]]"\n    quote: ${JSON.stringify(HOSTILE)}\n`)}::graph{focus="a" caption=${JSON.stringify(HOSTILE.replace(/"/g, "'"))}}\n` },
    { file: 'b.md', text: note('=HYPERLINK("http://evil.example","x")') },
  ]);
}

describe('frontmatter strings in SVG, GEXF and CSV', () => {
  const site = hostileSite();

  it('graph view SVG and caption: text, never markup', () => {
    const view = site.views.get('a')![0];
    const html = hastToHtml(renderViewFigure(view, site.graph, config, '/') as never);
    // Markup in titles stays text: in text nodes it is escaped, in attribute values it is inert.
    expect(unsafeParts(html)).toEqual([]);
    expect(html).toContain('<figcaption><p class="kg-view-caption">&#x3C;/script>&#x3C;script>');
  });

  it('GEXF is well-formed XML and keeps every string (minus characters XML cannot hold)', () => {
    const xml = toGexf(site.graph);
    const errors: string[] = [];
    new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xml, 'application/xml');
    expect(errors).toEqual([]);
    const g = parseGexf(MultiDirectedGraph, xml);
    const clean = HOSTILE.replace(/[\u0007\u001b]/g, '');
    expect(g.getNodeAttribute('a', 'label')).toBe(`A ${clean}`);
    expect(g.getNodeAttribute('a', 'summary')).toBe(clean);
    expect(g.getEdgeAttribute(g.edges('a', 'b')[0], 'quote')).toBe(clean);
  });

  it('CSV cells that a spreadsheet would run as formulas are neutralised', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('plain, with "quotes"\nand lines')).toBe('"plain, with ""quotes""\nand lines"');
    const csv = nodesCsv(site.graph) + edgesCsv(site.graph);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });
});
