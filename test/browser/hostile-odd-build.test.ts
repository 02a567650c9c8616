// The valid-but-odd cases of the bad-input corpus (a 5 MB note, 3000-deep nesting, BOM and CRLF, empty files, odd
// file names, twin titles, self links and cycles) built together by the real `astro build`, within a time limit and
// without a stack trace; their pages open in Chromium under the shipped CSP with nothing lost and nothing broken.
import { DOMParser } from '@xmldom/xmldom';
import { existsSync, readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/check-links.ts';
import { corpus, expected, materialise } from '../hostile/corpus.ts';
import { serveWithHeaders, shippedHeaders } from '../hostile/headers.ts';
import { auditPage } from '../hostile/page-audit.ts';
import { astroBuild, type AstroBuild } from './astro-build.ts';
import { openServedSite, type ServedSite } from './served-site.ts';

const CONTENT = 'test-results/odd-content';
const OUT = 'test-results/odd-dist';
// A hang guard, not a performance claim: the build takes about 30 s here.
const BUILD_LIMIT = 300_000;
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
// Some odd cases link names no note has on purpose (`[[C# notes]]` is note "C", heading "notes"): they are built the way
// a vault with dangling links is, with KG_ON_BROKEN_LINKS=warn.
const VALID = new Map([...corpus()].filter(([name]) => expected(name).every((l) => !/ error /.test(l) || / error unknown-target$/.test(l))));

let build: AstroBuild;
let context: BrowserContext;
let site: ServedSite | undefined;
let origin: string;

beforeAll(async () => {
  materialise(CONTENT, VALID);
  build = await astroBuild({ KG_CONTENT_DIR: CONTENT, KG_OUT_DIR: OUT, KG_ON_BROKEN_LINKS: 'warn' }, BUILD_LIMIT);
  site = await openServedSite(serveWithHeaders(OUT, shippedHeaders()));
  ({ origin, context } = site);
}, BUILD_LIMIT + 30_000);

afterAll(() => site?.close());

describe('valid-but-odd notes through astro build', () => {
  it('builds within the time limit, with no stack trace, and warns about what it flattened', () => {
    expect(VALID.size).toBeGreaterThanOrEqual(6);
    expect(build.code, build.output.slice(-2000)).toBe(0);
    expect(build.output).not.toMatch(STACK_TRACE);
    expect(build.output).toMatch(/nest quotes, lists or indentation deeper than 32 levels.*\[nesting-flattened\]/);
  });

  it('gives every note a page', () => {
    for (const id of ['big', 'small', 'blockquotes', 'lists', 'html', 'emphasis', 'bom-and-crlf', 'cr-only', 'empty', 'blank', '海康威视', 'tom-jerry', 'alpha', 'beta', 'self', 'a', 'b', 'c']) {
      expect(existsSync(`${OUT}/entity/${id}/index.html`), id).toBe(true);
    }
    const big = readFileSync(`${OUT}/entity/big/index.html`, 'utf8');
    const last = /## (Section \d+)\n[^]*$/.exec(readFileSync(`${CONTENT}/big/big.md`, 'utf8'))![1];
    expect(big).toContain(`>${last}</h2>`);
  });

  it('resolves every internal link and anchor', () => {
    expect(checkLinks(OUT).broken).toEqual([]);
  });

  it('writes well-formed sitemaps with CJK and punctuation in page URLs', () => {
    for (const f of ['sitemap-index.xml', 'sitemap-0.xml', 'graph.gexf']) {
      const errors: string[] = [];
      const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(readFileSync(`${OUT}/${f}`, 'utf8'), 'application/xml');
      expect(errors, f).toEqual([]);
      expect(doc.documentElement, f).toBeTruthy();
    }
    expect(readFileSync(`${OUT}/sitemap-0.xml`, 'utf8')).toContain(`/entity/${encodeURIComponent('海康威视')}/`);
  });

  it('the 5 MB and the 3000-deep pages open in Chromium under the CSP, whole', async () => {
    for (const [id, text] of [['big', 'A very long note'], ['blockquotes', 'rung 2999'], ['lists', 'level 2999'], ['html', 'deep html text'], ['emphasis', 'deep emphasis']]) {
      let shown = '';
      const audit = await auditPage(context, `${origin}/entity/${id}/`, async (page) => { shown = (await page.locator('main').textContent()) ?? ''; });
      expect(audit, id).toEqual({ dialogs: [], violations: [], errors: [], injected: [] });
      expect(shown, id).toContain(text);
    }
  }, 120_000);
});
