// An Obsidian-style vault (aliases, headings, embeds, attachments, spaces and Unicode in names, notes without
// frontmatter, .obsidian/ and a templates folder) builds with every link resolved; `onBrokenLinks` keeps a vault with
// dangling links building.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/kg/build.ts';
import { resolveConfig, type KgUserConfig } from '../../src/kg/config.ts';
import { listVault } from '../../src/kg/vault.ts';

const VAULT = 'test/fixtures/obsidian-vault';
const build = (dir: string, options: KgUserConfig = {}) => buildSite(process.cwd(), resolveConfig({ contentDir: dir, ...options }), { quality: true });

/** A writable copy of the vault inside the project (paths stay project-relative). */
function copyVault(): string {
  const dir = mkdtempSync(join('test-results', 'obsidian-'));
  cpSync(VAULT, dir, { recursive: true });
  return relative(process.cwd(), dir);
}

describe('an Obsidian vault', () => {
  it('lists notes and attachments, skipping .obsidian/, .trash/ and the templates folder named in .obsidian/templates.json', async () => {
    const listing = await listVault(process.cwd(), VAULT);
    expect(listing.notes.map((f) => f.slice(VAULT.length + 1))).toEqual(['Companies/Acme Café.md', 'Daily notes/2019-10-08.md', 'Field notes.md', 'People/Zhang Wei 张伟.md']);
    expect(listing.attachments.map((f) => f.slice(VAULT.length + 1))).toEqual(['assets/chart 2019.png', 'assets/maps/Map of Xinjiang.png']);
  });

  it('builds with no diagnostic at all and every link resolved', async () => {
    const site = await build(VAULT);
    expect(site.diagnostics).toEqual([]);
    for (const note of site.notes) {
      const ids = site.resolved.links.get(note.id)!;
      note.links.forEach((l, i) => { if (!/\.png$/.test(l.target)) expect(ids[i], `${note.file}: ${l.target}`).toBeDefined(); });
    }
    expect(site.byId.get('2019-10-08')?.type).toBe('note');
  });

  it('renders image embeds, sizes, Markdown links and images by relative path', async () => {
    const site = await build(VAULT);
    const acme = site.html.get('acme-café')!;
    expect(acme).toContain('<img src="/attachments/assets/maps/Map%20of%20Xinjiang.png" alt="Map of the region">');
    expect(acme).toContain('<img src="/attachments/assets/maps/Map%20of%20Xinjiang.png" alt="Map of Xinjiang" width="120">');
    const daily = site.html.get('2019-10-08')!;
    expect(daily).toContain('<a href="/entity/acme-caf%C3%A9/" class="wikilink">the company</a>');
    expect(daily).toContain('<a href="/entity/acme-caf%C3%A9/#history" class="wikilink">its history</a>');
    expect(daily).toContain('<img src="/attachments/assets/chart%202019.png" alt="Chart of 2019">');
    expect(daily).toContain('<a href="/entity/zhang-wei-%E5%BC%A0%E4%BC%9F/" class="wikilink">zhang wei</a>');
  });

  it('reports a missing attachment (with the closest name) and an SVG, at their positions', async () => {
    const dir = copyVault();
    writeFileSync(join(dir, 'Broken files.md'), 'See ![[chart 2091.png]] and ![[drawing.svg]] and ![](nowhere/plan.pdf) about [[Acme]].\n');
    const site = await build(dir);
    const lines = site.diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.hint ?? ''}`);
    expect(lines).toEqual([
      'Broken files.md:1:5 error unknown-attachment Did you mean "chart 2019.png"?',
      'Broken files.md:1:29 error unsupported-attachment SVG files can run script when opened; export the drawing as PNG (or WebP) and link that.',
      'Broken files.md:1:50 error unknown-attachment Put the file in the content folder (any subfolder), or fix the name.',
    ]);
  });
});

describe('onBrokenLinks', () => {
  const broken = () => {
    const dir = copyVault();
    writeFileSync(join(dir, 'Dangling.md'), '---\nsources: ["[[Lost source]]"]\nrelations:\n  - type: related_to\n    to: "[[Gone company]]"\n---\nA link to [[Nobody]] and to [[Acme]].\n');
    return dir;
  };

  it("'throw' (the default) makes every unresolved link an error that stops the build", async () => {
    const site = await build(broken());
    expect(site.diagnostics.filter((d) => d.code === 'unknown-target').map((d) => `${d.line}:${d.column} ${d.severity}`)).toEqual(['2:11 error', '5:9 error', '7:11 error']);
  });

  it("'warn' builds: warnings, the relation left out, the link shown as plain text", async () => {
    const dir = broken();
    const site = await buildSite(process.cwd(), resolveConfig({ contentDir: dir, onBrokenLinks: 'warn' }));
    expect(site.errors).toBe(0);
    expect(site.diagnostics.filter((d) => d.code === 'unknown-target').map((d) => d.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(site.html.get('dangling')).toBe('<p>A link to <span class="wikilink-missing" title="No note with this name yet">Nobody</span> and to <a href="/entity/acme-caf%C3%A9/" class="wikilink">Acme</a>.</p>');
    expect(site.graph.outEdges('dangling').map((e) => site.graph.getEdgeAttribute(e, 'type'))).toEqual(['mentions']);
  });
});

describe('a vault outside the project', () => {
  it('resolves attachments by relative path and by name when the content folder is `../…` or absolute', async () => {
    // From test/unit, the fixture vault is `../fixtures/obsidian-vault`, so its paths start with `..`.
    for (const dir of ['../fixtures/obsidian-vault', join(process.cwd(), VAULT)]) {
      const site = await buildSite(join(process.cwd(), 'test/unit'), resolveConfig({ contentDir: dir }));
      expect(site.diagnostics).toEqual([]);
      expect(site.html.get('2019-10-08')).toContain('<img src="/attachments/assets/chart%202019.png" alt="Chart of 2019">');
      expect(site.html.get('acme-café')).toContain('<img src="/attachments/assets/maps/Map%20of%20Xinjiang.png" alt="Map of the region">');
    }
  });
});
