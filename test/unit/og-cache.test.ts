// The preview-card cache: a card drawn once is read back, and after a build only what the build used stays.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedOgPng, pruneOgCache } from '../../src/integration/og-image.ts';

const svg = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><rect width="60" height="30" fill="${fill}"/></svg>`;

describe('preview card cache', () => {
  it('keeps the cards the last build used and removes the others, touching no other file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-og-cache-'));
    // An earlier build's card and font subset, and files that are not the cache's.
    const stale = join(dir, `${'a'.repeat(64)}.png`);
    const staleFont = join(dir, 'fonts', `DejaVuSans-${'b'.repeat(24)}.ttf`);
    mkdirSync(join(dir, 'fonts'));
    for (const f of [stale, staleFont, join(dir, 'notes.txt'), join(dir, `${'c'.repeat(64)}.png.part`)]) writeFileSync(f, 'x');

    const first = await cachedOgPng(svg('#336699'), dir);
    const cards = () => readdirSync(dir).filter((f) => /^[0-9a-f]{64}\.png$/.test(f));
    expect(cards().length).toBe(2);
    // The second ask is answered from the cache, byte for byte.
    expect(Buffer.from(await cachedOgPng(svg('#336699'), dir)).equals(Buffer.from(first))).toBe(true);

    expect(pruneOgCache(dir)).toBe(2);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(staleFont)).toBe(false);
    expect(cards().length).toBe(1);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
    expect(existsSync(join(dir, `${'c'.repeat(64)}.png.part`))).toBe(true);
    // What a build used is forgotten with the pruning: the next build starts its own list.
    expect(pruneOgCache(dir)).toBe(1);
    expect(cards().length).toBe(0);
  });

  it('a missing cache folder is nothing to prune', () => {
    expect(pruneOgCache(join(tmpdir(), 'kg-og-cache-none', 'kg-og'))).toBe(0);
  });
});
