// `npm run check`: every diagnostic for the notes, without building the site. `--json` for tools. Exit 1 on errors.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { buildSite } from '../kg/build.ts';
import { resolveConfig, type KgConfig } from '../kg/config.ts';
import { diagnosticReport } from '../integration/report.ts';

async function loadConfig(root: string): Promise<KgConfig> {
  // The integration's options in astro.config.mjs are the one place the config lives.
  const mod = await import(pathToFileURL(resolve(root, 'astro.config.mjs')).href);
  const kg = (mod.default?.integrations ?? []).flat().find((i: { name?: string }) => i?.name === 'kg');
  return kg?.kgConfig ?? resolveConfig();
}

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
