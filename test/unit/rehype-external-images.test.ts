// rehype-external-images: each fixture folder's input.html becomes output.html.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeExternalImages from '../../src/markdown/rehype-external-images.ts';

const DIR = 'test/fixtures/rehype-external-images';
const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeExternalImages).use(rehypeStringify);

describe('rehype-external-images fixtures', () => {
  for (const name of readdirSync(DIR).sort()) {
    it(name, () => {
      const actual = String(processor.processSync(readFileSync(join(DIR, name, 'input.html'), 'utf8')));
      const expectedFile = join(DIR, name, 'output.html');
      // UPDATE_FIXTURES=1 writes missing expectations (then read them before committing).
      if (!existsSync(expectedFile) && process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, actual);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
