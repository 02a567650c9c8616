// remark-local-links: each fixture folder's input.md turns its links and images to vault files into the wikiLink
// nodes in output.json; links elsewhere stay Markdown links.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import remarkLocalLinks from '../../src/markdown/remark-local-links.ts';
import type { WikiLink } from '../../src/markdown/remark-wiki-link.ts';

const DIR = 'test/fixtures/remark-local-links';

function run(markdown: string) {
  const processor = unified().use(remarkParse).use(remarkLocalLinks);
  const tree = processor.runSync(processor.parse(markdown));
  const wikiLinks: unknown[] = [];
  const links: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'wikiLink') {
      const n = node as unknown as WikiLink;
      wikiLinks.push({ target: n.target, heading: n.heading, alias: n.alias, embed: n.embed, start: n.position?.start });
    } else if (node.type === 'link' || node.type === 'image') links.push((node as unknown as { url: string }).url);
  });
  return JSON.parse(JSON.stringify({ wikiLinks, untouched: links }));
}

describe('remark-local-links fixtures', () => {
  for (const name of readdirSync(DIR).sort()) {
    it(name, () => {
      const input = readFileSync(join(DIR, name, 'input.md'), 'utf8');
      const expectedFile = join(DIR, name, 'output.json');
      const actual = run(input);
      // UPDATE_FIXTURES=1 writes missing expectations (then read them before committing).
      if (!existsSync(expectedFile) && process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      // Every position points at the link's `[` (or the image's `!`).
      for (const link of actual.wikiLinks as Array<{ start: { offset: number }; embed: boolean }>) expect(input[link.start.offset]).toBe(link.embed ? '!' : '[');
    });
  }
});
