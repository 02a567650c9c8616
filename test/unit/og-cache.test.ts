// The preview-card cache: a card drawn once is read back, and after a build only what the build used stays.
import { spawnSync } from 'node:child_process';
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

  it('removes the half-written files of builds that are gone, and no one else\'s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-og-cache-'));
    mkdirSync(join(dir, 'fonts'));
    // A process that has exited: its pid names the half-written files a killed build would leave.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const card = `${'d'.repeat(64)}.png`;
    const font = join('fonts', `DejaVuSans-${'e'.repeat(24)}.ttf`);
    const abandoned = [`${card}.${gone}.part`, `${font}.${gone}.part`];
    const kept = [`${card}.${process.pid}.part`, `notes.txt.${gone}.part`];
    for (const f of [...abandoned, ...kept]) writeFileSync(join(dir, f), 'x');
    expect(pruneOgCache(dir)).toBe(2);
    for (const f of abandoned) expect(existsSync(join(dir, f)), f).toBe(false);
    for (const f of kept) expect(existsSync(join(dir, f)), f).toBe(true);
  });

  it('a missing cache folder is nothing to prune', () => {
    expect(pruneOgCache(join(tmpdir(), 'kg-og-cache-none', 'kg-og'))).toBe(0);
  });
});
