// The site's page models: relation groups with inverse labels, mentions and citations, field rows, titles, OG text wrap.
import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { decodeNote } from '../../src/kg/vault.ts';
import { relationGroups } from '../../src/components/model/relations.ts';
import { citedSources, mentionedIn } from '../../src/components/model/links.ts';
import { relationsCiting } from '../../src/components/model/evidence.ts';
import { fieldRows } from '../../src/components/model/fields.ts';
import { safeUrl } from '../../src/components/model/refs.ts';
import { documentTitle } from '../../src/components/model/document-title.ts';
import { nameLang } from '../../src/components/model/script.ts';
import { tagIndex } from '../../src/components/model/tags.ts';
import { compareValues } from '../../src/components/scripts/sortable-table.ts';
import { inflateSync } from 'node:zlib';
import { entitiesWithCards, escapeXml, ogCard, ogLimit, ogPngAsync, ogSvg, siteOgCard, textWidthEm, wrapText } from '../../src/integration/og-image.ts';
import { encodePng, scanlines } from '../../src/integration/png-encode.ts';

const note = (file: string, text: string) => decodeNote(file, Buffer.from(text));
const files = [
  note('acme.md', `---\ntype: organization\ntitle: Acme Corp\naliases: [阿克米]\ntags: [Widgets, widgets]\nwebsite: "javascript:alert(1)"\nfounded: 2001-02-03\nrelations:\n  - type: sanctioned_by\n    to: "[[Agency]]"\n    date: 2019-10-07\n    sources: ["[[Paper]]"]\n    quote: "Acme was listed"\nsources: ["[[Paper]]"]\n---\nAcme, see [[Bob]].\n`),
  note('agency.md', `---\ntype: agency\ntitle: Agency\n---\nThe agency.\n`),
  note('bob.md', `---\ntype: person\ntitle: Bob\nrelations:\n  - type: works_for\n    to: "[[Acme Corp]]"\n    start: 2010\n---\nBob works at [[Acme Corp]].\n`),
  note('paper.md', `---\ntype: source\ntitle: Paper story\npublisher: The Paper\ndate: 2019-10-08\nurl: https://example.org/story\n---\nA report.\n`),
];
const site = buildFromFiles(resolveConfig({}), files);

describe('relation groups', () => {
  it('labels each relation from the page’s own end, grouped by type and direction', () => {
    const acme = relationGroups(site, '/', 'acme');
    expect(acme.map((g) => [g.id, g.label, g.items.map((i) => i.other.id)])).toEqual([
      ['works_for-in', 'employs', ['bob']],
      ['sanctions-in', 'sanctioned by', ['agency']],
    ]);
    const sanction = acme[1].items[0];
    expect(sanction).toMatchObject({ date: '2019-10-07', quote: 'Acme was listed' });
    expect(sanction.sources).toEqual([{ id: 'paper', title: 'Paper story', type: 'source', href: '/entity/paper/', publisher: 'The Paper', date: '2019-10-08', url: 'https://example.org/story' }]);
    expect(relationGroups(site, '/', 'agency').map((g) => g.label)).toEqual(['sanctions']);
    expect(relationGroups(site, '/', 'bob')[0]).toMatchObject({ label: 'works for', items: [{ start: '2010' }] });
  });

  it('shows a symmetric relation as one group whichever end wrote it', () => {
    const sym = buildFromFiles(resolveConfig({}), [
      note('a.md', `---\ntype: organization\ntitle: A\nrelations:\n  - type: related_to\n    to: "[[B]]"\n---\n`),
      note('b.md', `---\ntype: organization\ntitle: B\nrelations:\n  - type: related_to\n    to: "[[C]]"\n---\n`),
      note('c.md', `---\ntype: organization\ntitle: C\n---\n`),
    ]);
    expect(relationGroups(sym, '/', 'b').map((g) => [g.id, g.label, g.items.map((i) => i.other.id)])).toEqual([['related_to-both', 'related to', ['a', 'c']]]);
  });

  it('finds backlinks, citations and the claims a source supports', () => {
    expect(mentionedIn(site, '/', 'acme').map((e) => e.id)).toEqual(['bob']);
    expect(citedSources(site, '/', 'acme').map((e) => e.id)).toEqual(['paper']);
    expect(relationsCiting(site, 'paper').map((e) => site.graph.getEdgeAttribute(e, 'type'))).toEqual(['sanctions']);
  });

  it('merges tags that slugify alike', () => {
    expect(tagIndex(site)).toEqual([{ slug: 'widgets', label: 'Widgets', ids: ['acme'] }]);
  });
});

describe('field rows', () => {
  it('spells out dates and never turns an unsafe URL into a link', () => {
    const rows = fieldRows(site.config, 'organization', { founded: '2001-02-03', country: 'CN', website: 'javascript:alert(1)' });
    expect(rows.find((r) => r.name === 'founded')).toMatchObject({ text: '3 February 2001', datetime: '2001-02-03' });
    expect(rows.find((r) => r.name === 'country')?.text).toBe('China');
    expect(rows.find((r) => r.name === 'website')?.href).toBeUndefined();
    expect(safeUrl('https://example.org')).toBe('https://example.org');
    expect(fieldRows(site.config, 'source', { url: 'https://www.example.org/a/b/' })[0]).toMatchObject({ text: 'example.org/…', href: 'https://www.example.org/a/b/' });
    expect(safeUrl('//evil.example')).toBeUndefined();
    expect(safeUrl('/entity/x/')).toBe('/entity/x/');
  });
});

describe('small helpers', () => {
  it('keeps document titles to about 70 characters', () => {
    expect(documentTitle('Acme', 'Site')).toBe('Acme · Site');
    expect(documentTitle('Site', 'Site')).toBe('Site');
    const long = 'China signals it will hit back over US tech blacklist, says will protect its sovereign security';
    const t = documentTitle(long, 'The 2019 Entity List');
    expect(t.length).toBeLessThanOrEqual(70);
    expect(t.endsWith('…')).toBe(true);
  });

  it('tags names in other scripts with a language', () => {
    expect(nameLang('海康威视')).toBe('zh');
    expect(nameLang('Hikvision')).toBeUndefined();
  });

  it('sorts table cells: numbers numerically, text by collation, empty cells last either way', () => {
    expect(['10', '9', ''].sort((a, b) => compareValues(a, b, 'number', 'ascending'))).toEqual(['9', '10', '']);
    expect(['10', '', '9'].sort((a, b) => compareValues(a, b, 'number', 'descending'))).toEqual(['10', '9', '']);
    expect(['b', 'A', 'c'].sort((a, b) => compareValues(a, b, 'text', 'ascending'))).toEqual(['A', 'b', 'c']);
  });
});

describe('preview image', () => {
  it('wraps and cuts text to the box, escapes XML, and draws the neighbourhood', () => {
    const lines = wrapText('one two three four five six seven eight nine ten eleven twelve', 8, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    for (const l of lines) expect(textWidthEm(l)).toBeLessThanOrEqual(8);
    const cjk = wrapText('杭州海康威视数字技术股份有限公司 Hikvision', 10, 3);
    expect(cjk).toEqual(['杭州海康威视数字技术', '股份有限公司', 'Hikvision']);
    expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    const card = ogCard(site, 'acme');
    expect(card.nodes.map((n) => n.focus)).toContain(true);
    expect(card.edges.length).toBeGreaterThan(0);
    const svg = ogSvg({ ...card, title: '</text><script>x</script>' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('width="1200" height="630"');
  });
});

describe('which pages get a card of their own', () => {
  it('draws cards for the best-connected entities up to the limit, the site card for the rest', () => {
    expect(ogLimit(undefined)).toBe(500);
    expect(ogLimit('0')).toBe(0);
    expect(ogLimit('12')).toBe(12);
    expect(ogLimit('nonsense')).toBe(500);
    expect([...entitiesWithCards(site, 2)]).toEqual(['acme', 'bob']);
    expect(entitiesWithCards(site, 500).size).toBe(4);
    const card = siteOgCard(site);
    expect(card.title).toBe(site.config.title);
    expect(card.nodes.length).toBe(4);
  });
});

describe('PNG encoder', () => {
  it('writes a valid, deterministic PNG whose pixels inflate back', () => {
    const rgba = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const png = encodePng(rgba, 3, 2);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([3, 2, 8, 6]);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLength))).toEqual(scanlines(rgba, 3, 2));
    expect(encodePng(rgba, 3, 2)).toEqual(png);
  });

  it('drops the alpha channel of an opaque image, keeping its colours', () => {
    const rgba = new Uint8Array(3 * 2 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37) % 256));
    const png = encodePng(rgba, 3, 2);
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([3, 2, 8, 2]);
    const rows = inflateSync(png.subarray(41, 41 + png.readUInt32BE(33)));
    expect([...rows.subarray(1, 10)]).toEqual([0, 37, 74, 148, 185, 222, 40, 77, 114]);
    expect(rows).toEqual(scanlines(rgba, 3, 2, 3));
  });

  it('renders a 1200x630 card', async () => {
    const png = Buffer.from(await ogPngAsync(ogSvg(ogCard(site, 'acme'))));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
