// The input guard and the parser backstops: pathological Markdown is defused without losing text or shifting
// positions, ordinary notes are left exactly as they are, and a failing stage becomes a warning, not a crash.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import { describe, expect, it, vi } from 'vitest';
import { boundTreeDepth, guardMarkdown, MAX_TREE_DEPTH } from '../../src/kg/input-guard.ts';
import { parseMarkdownGuarded } from '../../src/kg/markdown.ts';
import { consumeEdits, originalConsume } from '../../src/kg/micromark-edit-map.ts';

function contentNotes(dir = 'content'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? contentNotes(join(dir, e.name)) : e.name.endsWith('.md') ? [readFileSync(join(dir, e.name), 'utf8')] : []);
}

const textOf = (node: unknown): string => {
  const n = node as { value?: string; children?: unknown[] };
  return (n.value ?? '') + (n.children ?? []).map(textOf).join('');
};

describe('input guard', () => {
  it('leaves real notes untouched (no false alarms on the seed content)', () => {
    const notes = contentNotes();
    expect(notes.length).toBeGreaterThan(10);
    for (const text of notes) {
      const g = guardMarkdown(text);
      expect(g.text).toBe(text);
      expect(g.notices).toEqual([]);
    }
  });

  it('leaves long tables, long lists and long footnote lists formatted', () => {
    const table = `| name | source |\n| - | - |\n${Array.from({ length: 400 }, (_, i) => `| **n${i}** | [[S${i}]] [l](https://x.org/${i}) |`).join('\n')}\n`;
    const list = Array.from({ length: 1000 }, (_, i) => `- **item ${i}** with _emphasis_ and [[Link ${i}]]`).join('\n');
    const footnotes = `Text.[^1]\n\n${Array.from({ length: 400 }, (_, i) => `[^${i + 1}]: [[Source ${i}]] and *more*`).join('\n')}\n`;
    for (const text of [table, list, footnotes]) {
      expect(guardMarkdown(text).notices).toEqual([]);
      expect(JSON.stringify(parseMarkdownGuarded(text).tree)).toMatch(/"type":"(strong|emphasis)"/);
    }
  });

  it('keeps length and lines, so every position stays exact', () => {
    const cases = ['> '.repeat(500) + 'x', '- '.repeat(500) + 'x', `${'*a'.repeat(2000)}\n\nafter [[Link]]`, '<div>'.repeat(200)];
    for (const text of cases) {
      const g = guardMarkdown(text);
      expect(g.text.length).toBe(text.length);
      expect(g.text.split('\n').map((l) => l.length)).toEqual(text.split('\n').map((l) => l.length));
    }
    const { tree } = parseMarkdownGuarded(`${'*a'.repeat(2000)}\n\nafter [[Link]]`);
    const link = JSON.stringify(tree).match(/"type":"wikiLink".*?"start":\{"line":(\d+),"column":(\d+)/);
    expect(link?.slice(1)).toEqual(['3', '7']);
  });

  it('puts every character back: a literal paragraph reads exactly as written', () => {
    const para = `${'*a_b~c[d]e`'.repeat(100)}end`;
    const { tree, notices } = parseMarkdownGuarded(para);
    expect(notices.map((n) => n.code)).toEqual(['delimiters-literal']);
    expect(textOf(tree)).toBe(para);
    expect(JSON.stringify(tree)).not.toMatch(/[\ue000-\uf8ff]/);
  });

  it('uses placeholders the note does not contain', () => {
    const text = `\ue000\ue001 ${'> '.repeat(100)}x`;
    const { tree } = parseMarkdownGuarded(text);
    expect(textOf(tree)).toContain('\ue000\ue001');
    expect(textOf(tree)).toContain('> > >');
  });

  it('flattens a tree deeper than the limit into its text', () => {
    let node: { type: string; children: unknown[] } = { type: 'emphasis', children: [{ type: 'text', value: 'deepest' }] };
    for (let i = 0; i < MAX_TREE_DEPTH * 3; i++) node = { type: 'emphasis', children: [node, { type: 'text', value: String(i % 10) }] };
    const tree = { type: 'root', children: [{ type: 'paragraph', children: [node] }] } as never;
    const notice = boundTreeDepth(tree);
    expect(notice?.code).toBe('tree-flattened');
    expect(textOf(tree)).toContain('deepest');
    let depth = 0;
    for (let n = tree as { children?: unknown[] }; n.children?.length; n = n.children[0] as { children?: unknown[] }) depth++;
    expect(depth).toBeLessThanOrEqual(MAX_TREE_DEPTH + 1);
  });
});

describe('micromark EditMap.consume replacement', () => {
  it('is installed, and gives exactly the events micromark\'s own gives', () => {
    expect((EditMap.prototype as unknown as { consume: unknown }).consume).toBe(consumeEdits);
    const edits = fc.uniqueArray(fc.tuple(fc.nat(40), fc.nat(4), fc.array(fc.integer({ min: 1000, max: 1100 }), { maxLength: 4 })), { selector: (e) => e[0], maxLength: 8 });
    fc.assert(fc.property(fc.array(fc.nat(99), { maxLength: 50 }), edits, (events, changes) => {
      const run = (consume: typeof consumeEdits) => {
        const map = new EditMap() as unknown as { add: (a: number, r: number, e: unknown[]) => void };
        for (const [at, remove, add] of changes) if (at <= events.length) map.add(at, Math.min(remove, events.length - at), [...add]);
        const out = [...events];
        consume.call(map as never, out);
        return out;
      };
      expect(run(consumeEdits)).toEqual(run(originalConsume));
    }), { seed: 7, numRuns: 500 });
  });
});

describe('backstops', () => {
  it('a note the renderer fails on gets its text as a page and a warning', async () => {
    vi.resetModules();
    vi.doMock('../../src/kg/render.ts', async (orig) => {
      const real = await orig<typeof import('../../src/kg/render.ts')>();
      return { ...real, renderNote: (note: { id: string }, ctx: never) => { if (note.id === 'boom') throw new RangeError('Maximum call stack size exceeded'); return real.renderNote(note as never, ctx); } };
    });
    const { buildFromFiles } = await import('../../src/kg/build.ts');
    const { resolveConfig } = await import('../../src/kg/config.ts');
    const site = buildFromFiles(resolveConfig(), [
      { file: 'boom.md', text: '---\ntype: organization\n---\nText <b>with</b> [[ok]] & more.\n' },
      { file: 'ok.md', text: 'Fine.\n' },
    ]);
    expect(site.html.get('boom')).toBe('<pre class="kg-unformatted">Text &lt;b&gt;with&lt;/b&gt; [[ok]] &amp; more.\n</pre>');
    expect(site.html.get('ok')).toContain('Fine.');
    expect(site.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['boom.md:1:1 warning render-failed']);
    vi.doUnmock('../../src/kg/render.ts');
  });

  it('a note the parser fails on is an error on that note, and the rest builds', async () => {
    vi.resetModules();
    vi.doMock('../../src/kg/parse.ts', async (orig) => {
      const real = await orig<typeof import('../../src/kg/parse.ts')>();
      return { ...real, parseNote: (c: never, file: string, text: string, t: never) => { if (file === 'boom.md') throw new TypeError('x is undefined'); return real.parseNote(c, file, text, t); } };
    });
    const { buildFromFiles } = await import('../../src/kg/build.ts');
    const { resolveConfig } = await import('../../src/kg/config.ts');
    const site = buildFromFiles(resolveConfig(), [{ file: 'boom.md', text: 'x' }, { file: 'ok.md', text: 'Links to [[boom]].\n' }]);
    expect(site.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['boom.md:1:1 error note-failed']);
    expect(site.diagnostics[0].message).toBe('The engine could not read this note: x is undefined');
    expect(site.graph.hasEdge('mentions:ok->boom')).toBe(true);
    vi.doUnmock('../../src/kg/parse.ts');
  });

  it('a Markdown parser failure keeps the body as unformatted text', async () => {
    vi.resetModules();
    vi.doMock('../../src/kg/input-guard.ts', async (orig) => {
      const real = await orig<typeof import('../../src/kg/input-guard.ts')>();
      return { ...real, guardMarkdown: () => { throw new RangeError('Maximum call stack size exceeded'); } };
    });
    const { parseMarkdownSafely } = await import('../../src/kg/markdown.ts');
    const { tree, notices } = parseMarkdownSafely('---\ntitle: x\n---\nBody *text*.\n');
    expect(notices.map((n) => [n.code, n.offset])).toEqual([['markdown-failed', 17]]);
    expect(tree.children).toEqual([{ type: 'code', value: 'Body *text*.\n' }]);
    vi.doUnmock('../../src/kg/input-guard.ts');
  });
});
