// The /search/ page: runs the ?q= query through Pagefind and lists every result (the header box shows only the first few).
import { runSearch } from './search-box.ts';

const MAX = 50;

export function attachSearchPage(root: HTMLElement): void {
  const base = root.dataset.searchBase ?? '/';
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  if (!input || !status || !list) return;
  const q = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = q;
  if (!q) { status.textContent = 'Type a name, an alias or a word.'; return; }
  status.textContent = 'Searching…';
  runSearch(base, q, list, MAX)
    .then((total) => {
      status.textContent = total === 0 ? `No results for “${q}”.`
        : `${total} result${total === 1 ? '' : 's'} for “${q}”${total > MAX ? `; the first ${MAX} are shown` : ''}.`;
    })
    .catch(() => { status.textContent = 'Search is not available on this copy of the site.'; });
}
