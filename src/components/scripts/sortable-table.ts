// Sortable tables: header cells with data-sort get a button; clicking it (or Enter / Space) sorts the rows and sets aria-sort.

export type SortKind = 'text' | 'number';
export type SortOrder = 'ascending' | 'descending';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Compares two cell values; empty values sort last in either order. */
export function compareValues(a: string, b: string, kind: SortKind, order: SortOrder): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  const c = kind === 'number' ? Number(a) - Number(b) : collator.compare(a, b);
  return order === 'ascending' ? c : -c;
}

function cellValue(row: HTMLTableRowElement, col: number): string {
  const cell = row.cells[col];
  return cell?.dataset.sortValue ?? cell?.textContent?.trim() ?? '';
}

export function sortRows(table: HTMLTableElement, col: number, kind: SortKind, order: SortOrder): void {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows].map((row, i) => ({ row, i, v: cellValue(row, col) }));
  // Ties keep their current order (stable), so sorting by type after name groups names alphabetically.
  rows.sort((x, y) => compareValues(x.v, y.v, kind, order) || x.i - y.i);
  body.append(...rows.map((r) => r.row));
}

export function makeSortable(table: HTMLTableElement): void {
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]')];
  const status = table.parentElement?.querySelector<HTMLElement>('[data-sort-status]');
  for (const th of headers) {
    const label = th.textContent?.trim() ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = label;
    const icon = document.createElement('span');
    icon.className = 'sort-icon';
    icon.setAttribute('aria-hidden', 'true');
    button.append(icon);
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const current = th.getAttribute('aria-sort');
      const first = (th.dataset.sortFirst as SortOrder | undefined) ?? 'ascending';
      const order: SortOrder = current === 'ascending' ? 'descending' : current === 'descending' ? 'ascending' : first;
      sortRows(table, th.cellIndex, (th.dataset.sort as SortKind) ?? 'text', order);
      for (const other of headers) if (other !== th) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', order);
      if (status) status.textContent = `Sorted by ${label}, ${order}.`;
    });
  }
}
