// Prints diagnostics the same way for `check` and for `astro build` / `astro dev`.
import { formatDiagnostic } from '../kg/diagnostics.ts';
import type { Diagnostic } from '../kg/types.ts';

export function diagnosticReport(list: Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${list.length - errors} warning${list.length - errors === 1 ? '' : 's'}`;
  return [...list.map(formatDiagnostic), summary].join('\n');
}
