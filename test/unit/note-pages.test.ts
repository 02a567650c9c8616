// Note pages and neighbourhood embed pages are written outside Astro (src/integration/page-shell.ts) from hast made in
// src/components/html/: their HTML is exactly what hast-util-to-html makes of the same trees (so the fast serialiser
// escapes note text as the reference does), and a shell is split and filled only at its two markers.
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { buildFromFiles, buildSite, type Site } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { decodeNote } from '../../src/kg/vault.ts';
import { neighbourhoodEntry } from '../../src/kg/view-catalog.ts';
import { hastToHtml } from '../../src/kg/view-html.ts';
import { entityArticle } from '../../src/components/html/entity-article.ts';
import { entityHead } from '../../src/components/html/entity-page.ts';
import { embedFigure, embedHead } from '../../src/components/html/embed-page.ts';
import { fillShell, HEAD_MARK, MAIN_MARK, splitShell } from '../../src/integration/page-shell.ts';
import siteRelations from '../../content/kg.relations.json' with { type: 'json' };

const reference = unified().use(rehypeStringify, { allowDangerousHtml: true });
const same = (tree: Element | Root) => expect(hastToHtml(tree)).toBe(reference.stringify(tree.type === 'root' ? tree : { type: 'root', children: [tree] }));

function checkEveryPage(site: Site): number {
  let checked = 0;
  for (const { id } of site.notes) {
    same(entityHead(site, '/', id));
    same(entityArticle(site, '/', id));
    const hood = neighbourhoodEntry(site, '/', id);
    if (hood) {
      same(embedHead(site, '/', hood));
      same(embedFigure(site, '/', hood));
    }
    checked++;
  }
  return checked;
}

// Text a writer may type anywhere: markup, quotes of every kind, ampersands, backticks.
const NASTY = `<script>alert("x")</script> & 'q' \`b\` "d"  </title>`;

describe('note pages', () => {
  it('serialise like hast-util-to-html on every page of the demo site', async () => {
    const site = await buildSite(process.cwd(), { ...resolveConfig({ relations: siteRelations }), contentDir: 'content' });
    expect(checkEveryPage(site)).toBe(site.notes.length);
  });

  it('escape hostile titles, aliases, summaries, tags, facts and quotes as hast-util-to-html does', () => {
    // JSON is YAML: every value goes into the frontmatter exactly as written.
    const note = (path: string, front: Record<string, unknown>, body = '') => decodeNote(path, Buffer.from(`---\n${Object.entries(front).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n${body}`));
    const text = NASTY;
    const site = buildFromFiles(resolveConfig({ relations: siteRelations }), [
      note('evil.md', {
        type: 'organization', title: `Evil ${text}`, aliases: ['a"b<c>', '海康&威视'], summary: text, tags: ['x&y'], website: 'https://e.example/?a=1&b="2"',
        relations: [{ type: 'opposes', to: '[[Other]]', quote: text, note: text, sources: ["[[src]]"] }],
      }, 'Body with [[Other]].\n'),
      note('other.md', { type: 'organization', title: 'Other' }),
      note('src.md', { type: 'source', title: `Src ${text}`, publisher: 'P & "Q"', date: '2019-10-08', url: 'https://s.example/?x=<y>' }),
    ]);
    expect(site.errors).toBe(0);
    expect(checkEveryPage(site)).toBe(3);
    const html = hastToHtml(entityArticle(site, '/', 'evil'));
    // In text, markup is escaped; inside quoted attribute values `<` is harmless and stays (as hast-util-to-html has it).
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<script');
    expect(html).toContain('<h1 class="entity-header__title">Evil &#x3C;script>alert("x")&#x3C;/script> &#x26; \'q\' `b` "d"  &#x3C;/title></h1>');
  });
});

describe('page shell', () => {
  const shell = `<html><head><meta charset="utf-8">${HEAD_MARK}<link rel="stylesheet" href="/a.css"></head><body><main>${MAIN_MARK}</main><script src="/b.js"></script></body></html>`;

  it('fills the head and the content at the markers, and nowhere else', () => {
    const parts = splitShell(shell, 'test');
    // Markers in a page's own content are text, not places to fill: only the shell's are split on.
    expect(fillShell(parts, '<title>T</title>', `<p>${MAIN_MARK} ${HEAD_MARK}</p>`)).toBe(
      `<html><head><meta charset="utf-8"><title>T</title><link rel="stylesheet" href="/a.css"></head><body><main><p>${MAIN_MARK} ${HEAD_MARK}</p></main><script src="/b.js"></script></body></html>`);
  });

  it('refuses a shell whose markers are missing, repeated or out of order', () => {
    expect(() => splitShell(shell.replace(HEAD_MARK, ''), 'x')).toThrow(/must hold/);
    expect(() => splitShell(shell.replace(MAIN_MARK, ''), 'x')).toThrow(/must hold/);
    expect(() => splitShell(shell + MAIN_MARK, 'x')).toThrow(/must hold/);
    expect(() => splitShell(shell + HEAD_MARK, 'x')).toThrow(/must hold/);
    expect(() => splitShell(`${MAIN_MARK}${HEAD_MARK}`, 'x')).toThrow(/must hold/);
  });
});
