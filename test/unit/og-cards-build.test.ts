// Preview cards in a build: drawn from astro:build:start on (drawOgCardsAhead), written by astro:build:done as each
// one is ready (writeOgCards). A card the writer asks for before the drawing loop has reached it is drawn once, and
// the drawing processes have exited when the writing is done (Pagefind writes its index next).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import siteRelations from '../../content/kg.relations.json' with { type: 'json' };
import { drawOgCardsAhead, entitiesWithCards, writeOgCards } from '../../src/integration/og-image.ts';
import { OgPool } from '../../src/integration/og-pool.ts';
import { buildSite } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';

const pool = () => (globalThis as Record<symbol, OgPool | undefined>)[Symbol.for('kg-og.pool')];

describe('preview cards in a build', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.KG_OUT_DIR;
  });

  it('draws each card once, writes it, and lets the drawing processes go', { timeout: 60_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'kg-og-build-'));
    process.env.KG_OUT_DIR = out; // the card cache goes next to it (`${out}-cache`), empty: every card is drawn
    const site = await buildSite(process.cwd(), { ...resolveConfig({ relations: siteRelations }), contentDir: 'content' });
    const render = vi.spyOn(OgPool.prototype, 'render');
    // As in a build: the drawing loop starts, and the writer asks for every card before that loop is done.
    const drawing = drawOgCardsAhead(site);
    const written = await writeOgCards(site, out);
    await drawing;
    const ids = [...entitiesWithCards(site)];
    expect(written).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(20);
    expect(render).toHaveBeenCalledTimes(ids.length);
    for (const id of ids) expect(readFileSync(join(out, 'entity', id, 'og.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(pool()?.processes ?? []).toEqual([]);
  });
});
