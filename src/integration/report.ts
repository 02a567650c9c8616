// Prints diagnostics the same way for `check` and for `astro build` / `astro dev`.
import { formatDiagnostic } from '../kg/diagnostics.ts';
import type { Diagnostic } from '../kg/types.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function counts(list: Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(list.length - errors, 'warning')}`;
}

/** Every diagnostic (already sorted by file), then `N errors, M warnings`. */
export function diagnosticReport(list: Diagnostic[]): string {
  return [...list.map(formatDiagnostic), counts(list)].join('\n');
}

/**
 * `check`'s report: diagnostics grouped under a heading per file (each line keeps its full `file:line:column`, so
 * terminals and editors can open it), then `3 errors, 2 warnings in 41 notes`.
 */
export function groupedReport(list: Diagnostic[], notes: number): string {
  const groups: string[] = [];
  for (let i = 0; i < list.length;) {
    let j = i;
    while (j < list.length && list[j].file === list[i].file) j++;
    const group = list.slice(i, j);
    groups.push([`${list[i].file}  (${counts(group)})`, ...group.map((d) => `  ${formatDiagnostic(d).replace(/\n/g, '\n  ')}`)].join('\n'));
    i = j;
  }
  return [...groups, `${counts(list)} in ${plural(notes, 'note')}`].join('\n\n');
}
