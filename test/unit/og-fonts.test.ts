// Preview-card fonts subset to a site's characters: same pixels as the whole fonts, the whole fonts for any card with a
// character the subsets lack, and subsets made once per set of characters.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { cardText, entitiesWithCards, ogCard, ogSvg, siteOgCard } from '../../src/integration/og-image.ts';
import { cardFontFiles, subsetCardFonts } from '../../src/integration/og-fonts.ts';
import { collectionFace } from '../../src/integration/font-collection.ts';
import siteRelations from '../../content/kg.relations.json' with { type: 'json' };

const FONTS = ['DejaVuSerif-Bold', 'DejaVuSans', 'DejaVuSans-Bold'].map((f) => `/usr/share/fonts/truetype/dejavu/${f}.ttf`);
const CJK = ['Regular', 'Bold'].map((w) => `/usr/share/fonts/opentype/noto/NotoSansCJK-${w}.ttc`);
const dir = mkdtempSync(join(tmpdir(), 'kg-og-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demo = () => buildSite(process.cwd(), { ...resolveConfig({ relations: siteRelations }), contentDir: join(process.cwd(), 'content') }, {});
const pixels = (svg: string, files: string[]) =>
  Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: 1200 }, logLevel: 'off', font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'DejaVu Sans' } }).render().pixels);

describe('preview card fonts', () => {
  it('subsets to the demo site\'s characters draw its site card and eight entity cards with the same pixels, from files a tenth the size or less', async () => {
    const site = await demo();
    const fonts = await subsetCardFonts(FONTS, cardText(site), dir);
    for (const f of FONTS) expect(statSync(fonts.subsets.get(f)!).size).toBeLessThan(statSync(f).size / 10);
    const svgs = [ogSvg(siteOgCard(site)), ...[...entitiesWithCards(site)].slice(0, 8).map((id) => ogSvg(ogCard(site, id)))];
    for (const svg of svgs) {
      const files = cardFontFiles(fonts, FONTS, svg);
      expect(files).not.toEqual(FONTS);
      expect(pixels(svg, files).equals(pixels(svg, FONTS))).toBe(true);
    }
  }, 60_000);

  it('a card with a character the subsets were not made for is drawn with the whole fonts', async () => {
    const fonts = await subsetCardFonts(FONTS, 'Acme Ltd', dir);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30">Ωmega</text></svg>';
    expect(cardFontFiles(fonts, FONTS, svg)).toBe(FONTS);
    expect(cardFontFiles(fonts, FONTS, svg.replace('Ωmega', 'Acme'))).toEqual(fonts.subsets.size ? FONTS.map((f) => fonts.subsets.get(f)) : FONTS);
    expect(cardFontFiles(undefined, FONTS, svg)).toBe(FONTS);
  });

  it.skipIf(!CJK.every((f) => existsSync(f)))('Chinese names are drawn in the SC face the cards ask for, taken out of the collection, and from subsets with the same pixels', async () => {
    const faces = CJK.map((f) => collectionFace(f, 'Noto Sans CJK SC', dir));
    expect(faces.map((f) => f.endsWith('.otf'))).toEqual([true, true]);
    expect(CJK.map((f) => collectionFace(f, 'Noto Sans CJK SC', dir))).toEqual(faces); // made once

    const site = await demo();
    const ids = [...entitiesWithCards(site)].slice(0, 3);
    site.graph.setNodeAttribute(ids[0], 'title', '杭州海康威视数字技术股份有限公司');
    site.graph.setNodeAttribute(ids[1], 'summary', '浙江大华技术股份有限公司（Dahua Technology）makes cameras.');
    const svgs = [ogSvg(siteOgCard(site)), ...ids.map((id) => ogSvg(ogCard(site, id)))];
    // Named for the whole line, not left to fallback (which draws the first loaded face with the glyph: regular strokes
    // in a bold title).
    const lines = (svg: string) => svg.match(/<text [^>]*>[^<]*<\/text>/g)!;
    const han = svgs.flatMap(lines).filter((l) => /\p{Script=Han}/u.test(l));
    expect(han.length).toBeGreaterThan(3);
    for (const l of han) expect(l).toContain(`font-family="'Noto Sans CJK SC'"`);
    expect(svgs.flatMap(lines).filter((l) => !/\p{Script=Han}/u.test(l)).every((l) => l.includes('DejaVu'))).toBe(true);
    const all = [...FONTS, ...faces];
    const fonts = await subsetCardFonts(all, cardText(site), dir);
    for (const f of faces) expect(statSync(fonts.subsets.get(f)!).size).toBeLessThan(statSync(f).size / 100);
    for (const svg of svgs) {
      // The face taken out draws what the collection's SC face draws; its subset draws the same again.
      const whole = pixels(svg, all);
      expect(whole.equals(pixels(svg, [...FONTS, ...CJK]))).toBe(true);
      const files = cardFontFiles(fonts, all, svg);
      expect(files).not.toEqual(all);
      expect(pixels(svg, files).equals(whole)).toBe(true);
    }
  }, 60_000);

  it('makes each subset once per set of characters', async () => {
    const before = readdirSync(dir).length;
    await subsetCardFonts(FONTS, 'Acme Ltd', dir);
    expect(readdirSync(dir).length).toBe(before);
    await subsetCardFonts(FONTS, 'Acme Ltd, Müller AG', dir);
    expect(readdirSync(dir).length).toBe(before + FONTS.length);
    expect(readdirSync(dir).some((f) => f.endsWith('.part'))).toBe(false);
  });
});
