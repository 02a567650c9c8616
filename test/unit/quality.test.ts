// Editorial warnings (`check` only): notes without sources or summary, relations without a source, orphans.
import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import { diagnosticLines, readFixtureFiles } from './fixtures.ts';

const files = readFixtureFiles('test/fixtures/quality/notes');

describe('quality warnings', () => {
  it('flag what a reader would miss, and only that', () => {
    const site = buildFromFiles(resolveConfig(), files, { quality: true });
    expect(diagnosticLines(site)).toEqual([
      'Alone.md:1:1 warning no-sources',
      'Alone.md:1:1 warning orphan',
      'Bare.md:1:1 warning missing-summary',
      'Bare.md:1:1 warning no-sources',
      'Bare.md:4:11 warning relation-without-source',
      'Scratch.md:1:1 warning orphan',
      'Unused source.md:1:1 warning orphan',
    ]);
    expect(site.diagnostics.find((d) => d.code === 'relation-without-source')?.message).toBe('Relation "related_to" with "Footnoted" cites no source');
  });

  it('are left out of builds, and each can be turned off', () => {
    expect(buildFromFiles(resolveConfig(), files).diagnostics).toEqual([]);
    const site = buildFromFiles(resolveConfig({ quality: { orphan: false, 'missing-summary': false } }), files, { quality: true });
    expect(diagnosticLines(site).map((l) => l.split(' ')[2])).toEqual(['no-sources', 'no-sources', 'relation-without-source']);
  });
});
