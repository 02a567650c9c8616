// Rewrites the table in bench/README.md from a results file: `npx node bench/table.ts bench/results/run-….json`.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type BuildRun, markdownTable, resultNotes, updateReadme } from './report.ts';

const file = resolve(process.argv[2]);
const r = JSON.parse(await readFile(file, 'utf8'));
const la = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
const table = markdownTable(r.builds as BuildRun[], `${r.machine}; load average at start ${la(r.loadAverage.start)}, at end ${la(r.loadAverage.end)}`);
const extra = resultNotes(r.browser, r.dev, file.split('/').pop()!);
await updateReadme(join(import.meta.dirname, 'README.md'), table, extra);
console.log(table);
