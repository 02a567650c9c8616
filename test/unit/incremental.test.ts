// Dev rebuilds: a run that reuses the previous result (and reads only the files the watcher named) gives the same site
// as a build from scratch.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, type Site } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import siteRelations from '../../content/kg.relations.json' with { type: 'json' };

const ROOT = process.cwd();
const DIR = 'test-results/incremental-vault';
const config = { ...resolveConfig({ relations: siteRelations }), contentDir: DIR };
const edges = (site: Site) => site.graph.mapEdges((_, a, s, t) => `${s} ${a.type} ${t}`).sort();
// Graph views in articles are left out: a dev rebuild keeps the previous layout's positions on purpose (nothing jumps).
const summary = (site: Site) => ({
  html: [...site.html].filter(([id]) => !site.views.get(id)?.length),
  edges: edges(site), diagnostics: site.diagnostics, ids: site.notes.map((n) => n.id),
});

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
cpSync('content', DIR, { recursive: true });
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('incremental dev rebuild', () => {
  it('equals a fresh build after an edit, an added note and a broken note', async () => {
    const first = await buildSite(ROOT, config);
    const file = `${DIR}/organizations/Hikvision.md`;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n---\n/, '\n---\nA new first line about [[Dahua]].\n\n'));
    writeFileSync(`${DIR}/organizations/new-co.md`, '---\ntype: organization\ntitle: New Co\nsummary: Made in a test.\n---\nSee [[Hikvision]].\n');
    writeFileSync(`${DIR}/organizations/broken.md`, '---\ntype: organisation\ntitle: Broken\n---\n');
    const changed = new Set([file, `${DIR}/organizations/new-co.md`, `${DIR}/organizations/broken.md`]);
    const next = await buildSite(ROOT, config, { previous: first, changed });
    const fresh = await buildSite(ROOT, config);
    expect(next.html.get('hikvision')).toContain('A new first line');
    expect(next.byId.has('new-co')).toBe(true);
    expect(next.diagnostics.some((d) => d.file.endsWith('broken.md') && d.severity === 'error')).toBe(true);
    expect(summary(next)).toEqual(summary(fresh));
  });

  it('reads only the files it is told changed', async () => {
    const first = await buildSite(ROOT, config);
    const file = `${DIR}/organizations/Dahua Technology.md`;
    const before = first.html.get('dahua-technology');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n---\n/, '\n---\nAn unannounced change.\n\n'));
    const stale = await buildSite(ROOT, config, { previous: first, changed: new Set() });
    expect(stale.html.get('dahua-technology')).toBe(before);
    const told = await buildSite(ROOT, config, { previous: first, changed: new Set([file]) });
    expect(told.html.get('dahua-technology')).toContain('An unannounced change.');
  });
});
