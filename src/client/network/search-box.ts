// The network view's search box: an ARIA combobox listing matches by title or alias; Enter or click picks one.
import { matchEntries, type SearchEntry } from './search-match.ts';

export function attachSearch(
  input: HTMLInputElement,
  listbox: HTMLElement,
  entries: () => SearchEntry[],
  describe: (id: string) => string,
  onPick: (id: string) => void,
): void {
  let results: Array<SearchEntry & { via?: string }> = [];
  let active = -1;
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    listbox.querySelectorAll('[role=option]').forEach((el, j) => el.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listbox.id}-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i: number) => {
    const hit = results[i];
    if (!hit) return;
    input.value = hit.title;
    close();
    onPick(hit.id);
  };
  const render = () => {
    results = matchEntries(entries(), input.value);
    listbox.replaceChildren(...results.map((r, i) => {
      const li = document.createElement('li');
      li.id = `${listbox.id}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.node = r.id;
      const title = document.createElement('span');
      title.textContent = r.title;
      const meta = document.createElement('span');
      meta.className = 'kg-search-meta';
      meta.textContent = r.via ? `${describe(r.id)} · “${r.via}”` : describe(r.id);
      li.append(title, meta);
      li.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
      li.addEventListener('click', () => pick(i));
      return li;
    }));
    if (!results.length && input.value.trim()) {
      const li = document.createElement('li');
      li.className = 'kg-search-empty';
      li.textContent = 'No entity by that name';
      listbox.append(li);
    }
    const open = input.value.trim().length > 0;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    highlight(results.length ? 0 : -1);
  };
  input.addEventListener('input', render);
  input.addEventListener('focus', () => { if (input.value.trim()) render(); });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && results.length) { e.preventDefault(); if (listbox.hidden) render(); highlight((active + 1) % results.length); }
    else if (e.key === 'ArrowUp' && results.length) { e.preventDefault(); highlight((active - 1 + results.length) % results.length); }
    else if (e.key === 'Enter') { e.preventDefault(); if (listbox.hidden) render(); pick(Math.max(active, 0)); }
    else if (e.key === 'Escape') { close(); }
  });
  input.form?.addEventListener('submit', (e) => e.preventDefault());
}
