// Type-specific frontmatter fields as display rows: labels from the config, dates spelled out, URLs only when safe.
import type { KgConfig } from '../../kg/config.ts';
import { formatDate } from '../../kg/dates.ts';
import { safeUrl } from './refs.ts';

export interface FieldRow {
  name: string;
  label: string;
  /** What to print. */
  text: string;
  /** Machine-readable value for <time datetime> (dates only). */
  datetime?: string;
  href?: string;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "China (CN)" for ISO codes; anything else as written. */
export function countryName(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  const name = regionNames.of(code.toUpperCase());
  return name && name !== code.toUpperCase() ? name : code;
}

function languageName(code: string): string {
  try {
    return /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(code) ? (languageNames.of(code) ?? code) : code;
  } catch {
    return code;
  }
}

/** "example.org" or "example.org/…": long document URLs would wrap over several lines of a facts box. */
export function shortUrl(url: string): string {
  const m = /^https?:\/\/(?:www\.)?([^/?#]+)([^?#]*)/i.exec(url);
  if (!m) return url;
  const path = m[2].replace(/\/$/, '');
  return path ? `${m[1]}/…` : m[1];
}

function row(name: string, label: string, kind: string, value: unknown): FieldRow | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.filter((v) => typeof v === 'string' && v.trim());
    return items.length ? { name, label, text: items.join(', ') } : undefined;
  }
  const s = String(value);
  switch (kind) {
    case 'date': return { name, label, text: formatDate(s), datetime: s };
    case 'url': {
      const href = safeUrl(s);
      return { name, label, text: shortUrl(s), href };
    }
    case 'country': return { name, label, text: countryName(s) };
    default: return { name, label, text: name === 'language' ? languageName(s) : s };
  }
}

/** The facts a note's page lists: articles show their date and authors in the byline instead. */
export function pageFacts(config: KgConfig, type: string, fields: Record<string, unknown>): FieldRow[] {
  return fieldRows(config, type, fields, type === 'article' ? ['date', 'authors'] : []);
}

export function fieldRows(config: KgConfig, type: string, fields: Record<string, unknown>, skip: string[] = []): FieldRow[] {
  const specs = config.types[type]?.fields ?? {};
  const rows: FieldRow[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    if (skip.includes(name)) continue;
    const r = row(name, spec.label, spec.kind, fields[name]);
    if (r) rows.push(r);
  }
  return rows;
}
