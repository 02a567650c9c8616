// `npm run check`: every diagnostic for the notes, without building the site. `--json` for tools. Exit 1 on errors.
// `--fix` first applies the unambiguous fixes (a single "did you mean" for a field, type, relation type or link
// target; a link's case as its note spells it), rewriting notes atomically, and prints each change; then reports what
// is left. `--add-inverses` also writes one-sided relations on their other note.
import { groupedReport } from '../integration/report.ts';
import { buildSite } from '../kg/build.ts';
import { formatDiagnostic } from '../kg/diagnostics.ts';
import { type FixReport, fixNotes } from './fix.ts';
import { planInverseFixes } from './fix-inverses.ts';
import { planLinkCaseFixes } from './fix-link-case.ts';
import { loadConfig } from './load-config.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
// `--add-inverses` (with or without `--fix`) also writes each one-sided relation on the note at its other end.
const addInverses = args.includes('--add-inverses');
const fix = args.includes('--fix') || addInverses;
const dirArg = args.find((a) => !a.startsWith('--'));
const root = process.cwd();
try {
  const config = await loadConfig(root);
  if (dirArg) config.contentDir = dirArg;
  const check = () => buildSite(root, config, { checkOnly: true, quality: true });
  let site = await check();
  if (fix) {
    // A fix can uncover the next one (a relation with a misspelt type is checked for its target only once the type
    // is right), so fix again while something was fixed, a few rounds at most.
    const report: FixReport = { applied: [], skipped: [] };
    for (let round = 0; round < 5; round++) {
      const texts = new Map([...site.cache.parsed].map(([file, p]) => [file, p.raw.replace(/^\uFEFF/, '')]));
      const inverses = addInverses ? planInverseFixes(site, texts) : { fixes: [], skipped: [] };
      const r = fixNotes(root, config, texts, site.diagnostics, [...planLinkCaseFixes(site, texts), ...inverses.fixes]);
      r.skipped.push(...inverses.skipped);
      report.applied.push(...r.applied);
      report.skipped.push(...r.skipped.filter((s) => !report.skipped.some((x) => x.file === s.file && x.reason === s.reason)));
      if (r.applied.length === 0) break;
      site = await check();
    }
    const lines = [
      ...report.applied.map((f) => {
        const what = f.code === 'add-inverse' ? `added ${f.to.match(/^\s*- type: \S+/gm)!.map((l) => l.trim().slice(8)).join(', ')} (inverse relations)` : `"${f.from}" -> "${f.to}"`;
        return `fixed ${formatDiagnostic({ file: f.file, line: f.line, column: f.column, severity: 'error', code: f.code, message: what }).replace('  error  ', '  ')}`;
      }),
      ...report.skipped.map((s) => `not fixed ${s.file}: ${s.reason}`),
      `${report.applied.length} fix(es) applied in ${new Set(report.applied.map((f) => f.file)).size} file(s)`,
    ];
    (json ? process.stderr : process.stdout).write(`${lines.join('\n')}\n${json ? '' : '\n'}`);
  }
  if (json) process.stdout.write(`${JSON.stringify({ errors: site.errors, warnings: site.warnings, diagnostics: site.diagnostics }, null, 2)}\n`);
  else process.stdout.write(`${groupedReport(site.diagnostics, site.notes.length)}\n`);
  process.exitCode = site.errors > 0 ? 1 : 0;
} catch (err) {
  // An engine bug, not a note problem: say so in one line rather than a stack trace.
  process.stderr.write(`check failed: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
