// Live search in the header: typed queries go to Pagefind and the first results show as a list of links under the box.
import { loadPagefind, type PagefindResultData } from './pagefind.ts';

const MAX_RESULTS = 8;

/** Plain text of a Pagefind excerpt (it marks hits with <mark>; we rebuild the marks as DOM nodes, never as HTML). */
export function excerptParts(excerpt: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  const re = /<mark>(.*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(excerpt); m; m = re.exec(excerpt)) {
    if (m.index > last) parts.push({ text: decode(excerpt.slice(last, m.index)), mark: false });
    parts.push({ text: decode(m[1]), mark: true });
    last = m.index + m[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decode(excerpt.slice(last)), mark: false });
  return parts;
}

function decode(html: string): string {
  const el = document.createElement('textarea');
  el.innerHTML = html.replace(/<[^>]*>/g, '');
  return el.value;
}

function resultItem(r: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const a = document.createElement('a');
  a.href = r.url;
  a.className = 'search-result__title';
  a.textContent = r.meta.title ?? r.url;
  li.append(a);
  if (r.meta.type) {
    const badge = document.createElement('span');
    badge.className = `type-badge type-badge--small t-${r.meta.typeId ?? 'note'}`;
    badge.textContent = r.meta.type;
    li.append(' ', badge);
  }
  if (r.meta.aliases) {
    const al = document.createElement('span');
    al.className = 'search-result__aliases';
    al.textContent = r.meta.aliases;
    li.append(al);
  }
  const p = document.createElement('p');
  p.className = 'search-result__excerpt';
  for (const part of excerptParts(r.excerpt)) {
    if (part.mark) { const m = document.createElement('mark'); m.textContent = part.text; p.append(m); }
    else p.append(part.text);
  }
  li.append(p);
  return li;
}

/** Runs one query and fills `list`; returns how many results exist in total. */
export async function runSearch(base: string, query: string, list: HTMLOListElement, max = MAX_RESULTS): Promise<number> {
  const api = await loadPagefind(base);
  const found = await api.search(query);
  const results = found?.results ?? [];
  const data = await Promise.all(results.slice(0, max).map((r) => r.data()));
  list.replaceChildren(...data.map(resultItem));
  return results.length;
}

export function attachSearch(form: HTMLFormElement): void {
  const base = form.dataset.searchBase ?? '/';
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = form.parentElement?.querySelector<HTMLElement>('.site-search__panel');
  const list = panel?.querySelector<HTMLOListElement>('ol');
  const status = panel?.querySelector<HTMLElement>('[role="status"]');
  if (!input || !panel || !list || !status) return;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { panel.hidden = true; list.replaceChildren(); status.textContent = ''; return; }
    panel.hidden = false;
    status.textContent = 'Searching…';
    try {
      const total = await runSearch(base, q, list);
      if (mine !== seq) return; // a newer query is under way
      status.textContent = total === 0 ? `No results for “${q}”.` : `${total} result${total === 1 ? '' : 's'} for “${q}”.`;
    } catch {
      if (mine === seq) status.textContent = 'Search is not available on this copy of the site.';
    }
  };

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(update, 150); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { input.value = ''; void update(); }
    if (e.key === 'ArrowDown') { const first = list.querySelector('a'); if (first) { e.preventDefault(); first.focus(); } }
  });
  list.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' && i >= 0 && i < links.length - 1) { e.preventDefault(); links[i + 1].focus(); }
    if (e.key === 'ArrowUp' && i >= 0) { e.preventDefault(); (i === 0 ? input : links[i - 1]).focus(); }
    if (e.key === 'Escape') { input.focus(); input.value = ''; void update(); }
  });
  // Close the panel when focus and clicks move elsewhere.
  document.addEventListener('click', (e) => { if (!form.parentElement?.contains(e.target as Node)) panel.hidden = true; });
  input.addEventListener('focus', () => { if (input.value.trim() && list.childElementCount) panel.hidden = false; });
}
