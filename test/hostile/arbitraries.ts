// fast-check generators for notes: random frontmatter (structured and raw YAML) and Markdown built from the
// constructs that matter (links, directives, HTML, containers, delimiters), so random runs reach the odd corners.
import fc from 'fast-check';
import { stringify } from 'yaml';

const TYPES = ['organization', 'person', 'agency', 'event', 'law', 'source', 'article', 'note', 'nope', 'constructor'];
const RELATIONS = ['owns', 'works_for', 'sanctions', 'sanctioned_by', 'related_to', 'part_of', 'nope', '__proto__'];
const NAMES = ['A', 'B', 'C d', 'É', '海', 'x&y', 'C#', '(p)', ''];
const HOSTILE_TEXT = ['</script><script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '=cmd|x', ']]>', '<!--', '\u2028', '\u0000', '\u202e'];

const text = fc.oneof(fc.constantFrom(...NAMES, ...HOSTILE_TEXT), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 }));
const link = fc.oneof(...NAMES.map((n) => fc.constant(`[[${n}]]`)), text);
const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.constantFrom('2019-10-07', '2019-02-30', '2019', '10/07/2019'));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('v'), { maxKeys: 3 })),
})).v;

const relation = fc.record({
  type: fc.oneof(fc.constantFrom(...RELATIONS), text),
  to: fc.oneof(link, value),
  date: scalar, sources: fc.oneof(fc.array(link, { maxLength: 2 }), value), quote: text, extra: value,
}, { requiredKeys: [] });

/** A frontmatter mapping with known and unknown keys, well- and ill-typed values. */
const structured = fc.record({
  type: fc.oneof(fc.constantFrom(...TYPES), value),
  title: fc.oneof(text, value), aliases: fc.oneof(fc.array(text, { maxLength: 3 }), value), summary: text,
  tags: fc.array(text, { maxLength: 3 }), id: fc.oneof(fc.constantFrom('a', 'b', 'x-1', '../x'), text),
  relations: fc.oneof(fc.array(relation, { maxLength: 3 }), value), sources: fc.oneof(fc.array(link, { maxLength: 2 }), value),
  country: fc.oneof(fc.constantFrom('CN', 'us'), text), url: fc.oneof(fc.constantFrom('https://x.org', 'javascript:alert(1)', 'data:x'), text),
  publisher: text, date: scalar, unknown_field: value,
}, { requiredKeys: [] }).map((o) => stringify(o));

/** Raw text from YAML's special characters: most of it does not parse, which is the point. */
const rawYaml = fc.array(fc.constantFrom('type: ', 'organization', 'title: ', '&a ', '*a ', '<<: ', '- ', '? ', ': ', '"', "'", '[', ']', '{', '}', '|', '>', '#', '!!str ', '!x ', '\n', '\n  ', '\t', '---', '...', '%YAML 1.2', 'x'), { maxLength: 30 }).map((a) => a.join(''));

const frontmatter = fc.oneof(
  { weight: 3, arbitrary: structured.map((y) => `---\n${y}---\n`) },
  { weight: 2, arbitrary: rawYaml.map((y) => `---\n${y}\n---\n`) },
  { weight: 1, arbitrary: fc.constantFrom('', '---\n', '---\n---\n', '---\n- a\n---\n', '---\n42\n---\n') },
);

const PIECES = [
  '[[', ']]', '|', '#', '!', '*', '**', '_', '~~', '`', '```', '~~~', '> ', '- ', '* ', '1. ', '2) ', '    ', '\t', '\n', '\n\n', '\r\n',
  '<div>', '</div>', '<b>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>', '<iframe src=x></iframe>', '<style>*{}</style>', '<base href=//evil>', '<!--', '-->', '<![CDATA[',
  '::graph{focus="A"}', '::graph{nodes="A, B" depth=9}', ':::graph', ':::', ':x[y]{z}', '{', '}', '[^1]', '[^1]: note',
  '| a | b |\n| - | - |\n', '---', '***', '# ', '## ', 'Setext\n===', '[x](javascript:alert(1))', '![i](data:image/png;base64,AA)',
  '<http://x.org>', 'www.x.org', 'a@b.org', '&amp;', '&#0;', '&#x1F600;', '\\', '$$', '\u0000', '\u2028', '\ufeff',
];
const NOTE_LINKS = NAMES.map((n) => `[[${n}]]`).concat(['[[A#h|t]]', '![[B]]', '[[#top]]', '[[]]']);

/** Markdown from meaningful pieces and random text. */
export const markdown = fc.array(fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.constantFrom(...NOTE_LINKS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
), { maxLength: 60 }).map((a) => a.join(''));

/** A whole note: frontmatter, body, and sometimes a BOM or CRLF line endings. */
export const noteText = fc.tuple(frontmatter, markdown, fc.constantFrom('plain', 'bom', 'crlf')).map(([fm, body, form]) => {
  const t = fm + body;
  return form === 'bom' ? `\ufeff${t}` : form === 'crlf' ? t.replace(/\r?\n/g, '\r\n') : t;
});

const fileName = fc.oneof(fc.constantFrom(...NAMES.filter(Boolean)), fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('/')))
  .map((n) => `${n}.md`);

/** One to four notes with distinct file names. */
export const vault = fc.uniqueArray(fc.tuple(fileName, noteText), { minLength: 1, maxLength: 4, selector: ([f]) => f })
  .map((files) => files.map(([file, text]) => ({ file, text })));
