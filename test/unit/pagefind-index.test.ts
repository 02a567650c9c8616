// Pagefind gets only the part of an entity page it indexes (the head and the data-pagefind-body element), which keeps
// the copy to its process small; the demo's index is the same either way (checked when this was introduced).
import { describe, expect, it } from 'vitest';
import { indexedPart } from '../../src/integration/pagefind-middleware.ts';

describe('the part of a page Pagefind reads', () => {
  it('ends before the first block Pagefind ignores after the indexed element', () => {
    const page = '<html><head><title>T</title></head><body><div data-pagefind-ignore="all">search</div><div data-pagefind-body><h1>T</h1></div><div class="s" data-pagefind-ignore="all">relations</div></body></html>';
    expect(indexedPart(page)).toBe('<html><head><title>T</title></head><body><div data-pagefind-ignore="all">search</div><div data-pagefind-body><h1>T</h1></div>');
  });

  it('is the whole page when there is nothing to leave out', () => {
    for (const page of ['<html><body><p>no body marker</p><div data-pagefind-ignore="all"></div></body></html>', '<html><body><div data-pagefind-body>x</div></body></html>']) expect(indexedPart(page)).toBe(page);
  });
});
