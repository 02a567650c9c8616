// The deliberate allow-list for HTML in notes (raw HTML is untrusted): GitHub's schema plus a few publishing elements.
import { defaultSchema, type Options } from 'rehype-sanitize';

const base = defaultSchema;

export const sanitizeSchema: Options = {
  ...base,
  tagNames: [...(base.tagNames ?? []), 'figure', 'figcaption', 'mark', 'abbr', 'small', 'cite', 'time'],
  attributes: {
    ...base.attributes,
    // One className entry per element: the sanitiser reads only the first.
    a: [...(base.attributes?.a ?? []).filter((x) => !(Array.isArray(x) && x[0] === 'className')), ['className', 'wikilink', 'data-footnote-backref']],
    span: [...(base.attributes?.span ?? []), ['className', 'wikilink-missing']],
    abbr: ['title'],
    time: ['dateTime'],
    // Placeholder for a graph view, replaced after sanitising by trusted, engine-made markup.
    div: [...(base.attributes?.div ?? []), 'dataKgView'],
  },
  // http(s) and relative URLs only: `javascript:`, `data:` and `vbscript:` are dropped.
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'], longDesc: ['http', 'https'] },
};
