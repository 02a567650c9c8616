// Renames: a renamed note keeps its links working through an alias, its old address through a redirect page, and
// `check` points at every link the rename broke when the alias is missing.
import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { redirectPage, redirects } from '../../src/kg/exports/redirects.ts';

const note = (file: string, text: string) => ({ file, text });
const linking = [
  note('Commerce.md', '---\ntype: agency\nrelations:\n  - type: sanctions\n    to: "[[Hikvision]]"\n---\nIt listed [[Hikvision]] and [[hikvision|the company]].\n'),
];

describe('a renamed note', () => {
  it('without an alias: every link that used the old name is an error at its position, with the way out', () => {
    const site = buildFromFiles(resolveConfig(), [...linking, note('Hangzhou Hikvision.md', '---\ntype: organization\n---\n')]);
    expect(site.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['5:9 error unknown-target', '7:11 error unknown-target', '7:29 error unknown-target']);
    expect(site.diagnostics[0].hint).toBe('Did you mean [[Hangzhou Hikvision]]?');
  });

  it('with its old name and old id as aliases: links resolve and the old address redirects', () => {
    const site = buildFromFiles(resolveConfig(), [...linking, note('Hangzhou Hikvision.md', '---\ntype: organization\ntitle: Hangzhou <Hikvision>\naliases: [Hikvision, hikvision, 海康威视]\n---\n')]);
    expect(site.diagnostics).toEqual([]);
    expect(site.graph.hasEdge('sanctions:commerce->hangzhou-hikvision')).toBe(true);
    // Only the id-form alias is an old address; a name in another script is not.
    expect(redirects(site)).toEqual([{ from: 'hikvision', to: 'hangzhou-hikvision' }]);
    const page = redirectPage(site, '/', 'hangzhou-hikvision');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/entity/hangzhou-hikvision/">');
    expect(page).toContain('<link rel="canonical" href="https://example.org/entity/hangzhou-hikvision/">');
    expect(page).toContain('<a href="/entity/hangzhou-hikvision/">Hangzhou &lt;Hikvision&gt;</a>');
    expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(page).not.toMatch(/<script/i);
  });

  it('never redirects over a note that has the id', () => {
    const site = buildFromFiles(resolveConfig(), [note('A.md', '---\ntype: organization\naliases: [b]\n---\n[[B]]\n'), note('B.md', '---\ntype: organization\n---\n[[A]]\n')]);
    expect(redirects(site)).toEqual([]);
  });
});
