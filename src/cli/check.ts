// `npm run check`: every diagnostic for the notes, without building the site. `--json` for tools. Exit 1 on errors.
import { diagnosticReport } from '../integration/report.ts';
import { buildSite } from '../kg/build.ts';
import { loadConfig } from './load-config.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dirArg = args.find((a) => !a.startsWith('--'));
const root = process.cwd();
try {
  const config = await loadConfig(root);
  if (dirArg) config.contentDir = dirArg;
  const site = await buildSite(root, config, { checkOnly: true });
  if (json) process.stdout.write(`${JSON.stringify({ errors: site.errors, warnings: site.warnings, diagnostics: site.diagnostics }, null, 2)}\n`);
  else process.stdout.write(`${diagnosticReport(site.diagnostics)}  (${site.notes.length} notes)\n`);
  process.exitCode = site.errors > 0 ? 1 : 0;
} catch (err) {
  // An engine bug, not a note problem: say so in one line rather than a stack trace.
  process.stderr.write(`check failed: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
