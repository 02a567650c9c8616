// Small reference records the page components render: an entity link (title, type, href) and a source citation.
import { entityHref, type Site } from '../../kg/build.ts';

export interface EntityRef {
  id: string;
  title: string;
  type: string;
  href: string;
}

export interface SourceRef extends EntityRef {
  publisher?: string;
  /** YYYY[-MM[-DD]] as written in the note. */
  date?: string;
  /** The original document, when the note gives one (http(s) or site-relative). */
  url?: string;
}

// One collator for every comparison: localeCompare with options builds a new one per call (seconds at 10k pages).
const collator = new Intl.Collator('en', { sensitivity: 'base' });

export const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) =>
  collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function entityRef(site: Site, base: string, id: string): EntityRef {
  const a = site.graph.getNodeAttributes(id);
  return { id, title: a.title, type: a.type, href: entityHref(base, id) };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Only web links and site paths become hrefs: frontmatter is untrusted. */
export function safeUrl(v: unknown): string | undefined {
  const s = text(v);
  return s && /^(https?:\/\/|\/(?!\/))/i.test(s) ? s : undefined;
}

export function sourceRef(site: Site, base: string, id: string): SourceRef {
  const fields = site.byId.get(id)?.fields ?? {};
  return { ...entityRef(site, base, id), publisher: text(fields.publisher), date: text(fields.date), url: safeUrl(fields.url) };
}
