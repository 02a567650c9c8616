// Preview cards with Chinese names: milliseconds a card drawn from the whole Noto CJK collections (what resvg got
// before), from their SC face alone, and from that face subset to the site's characters (what builds use), against a
// Latin card. Runs resvg in this process; the demo's first 24 card entities get Han titles.
// `npx node bench/card-fonts.ts [rounds]`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { buildSite } from '../src/kg/build.ts';
import { resolveConfig } from '../src/kg/config.ts';
import { collectionFace } from '../src/integration/font-collection.ts';
import { cardFontFiles, subsetCardFonts } from '../src/integration/og-fonts.ts';
import { cardText, entitiesWithCards, ogCard, ogSvg } from '../src/integration/og-image.ts';
import siteRelations from '../content/kg.relations.json' with { type: 'json' };

const DEJAVU = ['DejaVuSerif-Bold', 'DejaVuSans', 'DejaVuSans-Bold'].map((f) => `/usr/share/fonts/truetype/dejavu/${f}.ttf`);
const COLLECTIONS = ['Regular', 'Bold'].map((w) => `/usr/share/fonts/opentype/noto/NotoSansCJK-${w}.ttc`);
const NAMES = ['杭州海康威视数字技术股份有限公司', '浙江大华技术股份有限公司', '商汤科技', '北京旷视科技有限公司', '科大讯飞股份有限公司', '厦门市美亚柏科信息股份有限公司', '依图科技', '新疆维吾尔自治区公安厅'];

const rounds = Number(process.argv[2] ?? 2);
const dir = mkdtempSync(join(tmpdir(), 'kg-card-fonts-'));
const site = await buildSite(process.cwd(), { ...resolveConfig({ relations: siteRelations }), contentDir: join(process.cwd(), 'content') }, {});
const ids = [...entitiesWithCards(site)];
ids.slice(0, 24).forEach((id, i) => site.graph.setNodeAttribute(id, 'title', `${NAMES[i % NAMES.length]} ${site.graph.getNodeAttribute(id, 'title')}`));
const cjkCards = ids.slice(0, 24).map((id) => ogSvg(ogCard(site, id)));
const latinCards = ids.slice(24, 48).map((id) => ogSvg(ogCard(site, id)));
const faces = COLLECTIONS.map((f) => collectionFace(f, 'Noto Sans CJK SC', dir));
const fonts = await subsetCardFonts([...DEJAVU, ...faces], cardText(site), dir);

const draw = (svg: string, files: string[]) =>
  new Resvg(svg, { fitTo: { mode: 'width', value: 1200 }, logLevel: 'off', font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'DejaVu Sans' } }).render();
const msPerCard = (svgs: string[], files: (svg: string) => string[]) => {
  const t0 = performance.now();
  for (const svg of svgs) draw(svg, files(svg));
  return ((performance.now() - t0) / svgs.length).toFixed(1);
};
for (let round = 1; round <= rounds; round++) {
  console.log(JSON.stringify({
    round,
    hanWholeCollections: msPerCard(cjkCards, () => [...DEJAVU, ...COLLECTIONS]),
    hanScFaces: msPerCard(cjkCards, () => [...DEJAVU, ...faces]),
    hanScSubsets: msPerCard(cjkCards, (svg) => cardFontFiles(fonts, [...DEJAVU, ...faces], svg)),
    latinSubsets: msPerCard(latinCards, (svg) => cardFontFiles(fonts, DEJAVU, svg)),
  }));
}
rmSync(dir, { recursive: true, force: true });
