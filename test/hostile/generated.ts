// Bad-input cases that are better generated than committed: exact bytes (BOM, CRLF, binary), sizes (5 MB) and depths (3000).
import type { CorpusFile } from './corpus.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A 5 MB note: mostly plain prose (a pasted report), with headings, links, emphasis, lists, tables and footnotes. */
export function bigNote(bytes = 5 * 1024 * 1024): string {
  const head = '---\ntype: organization\ntitle: A very long note\nsummary: Five megabytes of ordinary Markdown.\n---\n';
  const prose = 'The ministry said the decision was a serious interference in internal affairs and urged the other side to correct its mistake at once, while analysts noted that the listed companies sell cameras and software to security services across the region and abroad, and that the rules would cut them off from American suppliers of chips and other parts.';
  const section = (i: number) => [
    `## Section ${i}`,
    '',
    `The **Entity List** named *Hikvision* and [[Small]] on 7 October 2019 (item ${i}); the ministry called it ~~fair~~ unjustified.${i % 10 === 0 ? `[^n${i}]` : ''}`,
    '',
    prose, '', prose, '', prose, '',
    ...(i % 10 === 0 ? [`- a list item with [[Small|an alias]]`, `- another item ${i}`, '', `[^n${i}]: A footnote with a [link](https://example.org/${i}).`, ''] : []),
    ...(i % 20 === 0 ? ['| a | b |', '| - | - |', `| ${i} | **bold** \`code\` |`, ''] : []),
  ].join('\n');
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const s = section(i);
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join('\n');
}

const deep = {
  // 3000 blockquotes on one line, and a ladder of 3000 lines, each one `>` deeper.
  'blockquotes.md': `${'> '.repeat(3000)}deep quoted text\n\n${Array.from({ length: 3000 }, (_, i) => `${'>'.repeat(i + 1)} rung ${i}`).join('\n')}\n`,
  // 3000 list items nested on one line, and 3000 lines each indented one level deeper.
  'lists.md': `${'- '.repeat(3000)}deep listed text\n\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`,
  'mixed.md': `${'> - 1. '.repeat(1000)}deep mixed text\n`,
  'html.md': `${'<div>'.repeat(3000)}deep html text${'</div>'.repeat(3000)}\n\n${'<b><i>'.repeat(2000)}deep formatting\n`,
  'emphasis.md': `${'*'.repeat(10000)}deep emphasis${'*'.repeat(10000)}\n\n${'*a'.repeat(50000)}\n\n${'[^a]'.repeat(20000)}\n`,
  'backticks.md': `${Array.from({ length: 1000 }, (_, i) => `${'`'.repeat(i + 1)}x`).join('')}\n`,
  'links.md': `${'['.repeat(20000)}deep brackets${']'.repeat(20000)}\n\n${'[[a'.repeat(20000)}\n\n${'![['.repeat(20000)}\n`,
};

/** Generated cases, in the same shape as the folders under cases/. */
export function generatedCases(): Record<string, CorpusFile[]> {
  const bomCrlf = '\uFEFF---\r\ntype: organization\r\ntitle: BOM and CRLF\r\n---\r\nBody with a [[CRLF only]] link.\r\n';
  return {
    'bom-crlf': [
      { path: 'BOM and CRLF.md', bytes: utf8(bomCrlf) },
      { path: 'CRLF only.md', bytes: utf8('---\r\ntype: organization\r\n---\r\nLine one\r\nLine two [[BOM and CRLF]]\r\n') },
      { path: 'CR only.md', bytes: utf8('---\rtype: organization\r---\rOld Mac line endings: no frontmatter is recognised, the text is kept.\r') },
      { path: 'BOM only.md', bytes: utf8('\uFEFFNo frontmatter, just a BOM.\n') },
    ],
    'bom-crlf-errors': [
      { path: 'BOM error.md', bytes: utf8('\uFEFF---\r\ntype: organization\r\nfoundd: 2019\r\n---\r\nBody [[Nowhere]].\r\n') },
      { path: 'CRLF yaml.md', bytes: utf8('---\r\ntype: organization\r\ntitle: "unclosed\r\n---\r\n') },
    ],
    binary: [
      { path: 'image.md', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) },
      { path: 'latin1.md', bytes: Uint8Array.from([...utf8('---\ntitle: caf'), 0xe9, ...utf8('\n---\n')]) },
      { path: 'utf16.md', bytes: Uint8Array.from([0xff, 0xfe, ...[...'---\ntitle: x\n---\n'].flatMap((c) => [c.charCodeAt(0), 0])]) },
      { path: 'Good.md', bytes: utf8('---\ntype: organization\n---\nLinks to [[image]] resolve to the unreadable note.\n') },
    ],
    empty: [
      { path: 'empty.md', bytes: new Uint8Array(0) },
      { path: 'blank.md', bytes: utf8('  \n\n\t\n') },
      { path: 'newline.md', bytes: utf8('\n') },
      { path: 'frontmatter-only.md', bytes: utf8('---\ntype: organization\n---') },
    ],
    big: [
      { path: 'big.md', bytes: utf8(bigNote()) },
      { path: 'Small.md', bytes: utf8('---\ntype: organization\n---\nLinked thousands of times.\n') },
    ],
    deep: Object.entries(deep).map(([path, text]) => ({ path, bytes: utf8(text) })),
    // 200,000 keys (a duplicate check that compares every pair takes hours) and YAML nested 20,000 deep.
    'yaml-huge': [
      { path: 'many-keys.md', bytes: utf8(`---\ntitle: Many keys\n${Array.from({ length: 200_000 }, (_, i) => `key${i}: value ${i}`).join('\n')}\n---\nA plain note keeps any keys.\n`) },
      { path: 'many-keys-dup.md', bytes: utf8(`---\n${Array.from({ length: 50_000 }, (_, i) => `key${i}: value ${i}`).join('\n')}\nkey49999: again\n---\n`) },
      { path: 'deep-flow.md', bytes: utf8(`---\ntitle: x\ndeep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`) },
      { path: 'deep-map.md', bytes: utf8(`---\ntitle: x\ndeep: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n---\n`) },
      { path: 'deep-block.md', bytes: utf8(`---\ntitle: x\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} v\n---\n`) },
    ],
  };
}
