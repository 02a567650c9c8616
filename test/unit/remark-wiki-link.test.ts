// remark-wiki-link: each fixture folder's input.md parses to the wikiLink nodes in output.json (target, parts, position).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import remarkWikiLink, { splitWikiLink, type WikiLink } from '../../src/markdown/remark-wiki-link.ts';

const DIR = 'test/fixtures/remark-wiki-link';

function wikiLinks(markdown: string) {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkWikiLink);
  const tree = processor.runSync(processor.parse(markdown));
  const out: unknown[] = [];
  visit(tree, 'wikiLink', (n: WikiLink) => {
    out.push({ target: n.target, heading: n.heading, alias: n.alias, embed: n.embed, start: n.position?.start, end: n.position?.end });
  });
  return JSON.parse(JSON.stringify(out));
}

describe('remark-wiki-link fixtures', () => {
  for (const name of readdirSync(DIR).sort()) {
    it(name, () => {
      const input = readFileSync(join(DIR, name, 'input.md'), 'utf8');
      const expectedFile = join(DIR, name, 'output.json');
      const actual = wikiLinks(input);
      // UPDATE_FIXTURES=1 writes missing expectations (then read them before committing).
      if (!existsSync(expectedFile) && process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      // Every position points at the `[[` (or `![[`) in the source.
      const lines = input.split('\n');
      for (const link of actual as Array<{ start: { line: number; column: number; offset: number }; embed: boolean }>) {
        expect(input.slice(link.start.offset)).toMatch(link.embed ? /^!\[\[/ : /^\[\[/);
        expect(lines[link.start.line - 1].slice(link.start.column - 1)).toMatch(/^!?\[\[/);
      }
    });
  }
});

describe('splitWikiLink', () => {
  it('splits target, heading, block reference and alias', () => {
    expect(splitWikiLink('A#B|C')).toEqual({ target: 'A', heading: 'B', alias: 'C' });
    expect(splitWikiLink('A#^block')).toEqual({ target: 'A', heading: 'block', alias: undefined });
    expect(splitWikiLink('#Local')).toEqual({ target: '', heading: 'Local', alias: undefined });
    expect(splitWikiLink('A\\|B')).toEqual({ target: 'A', heading: undefined, alias: 'B' });
  });
});
