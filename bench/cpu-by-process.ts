// `npx node bench/cpu-by-process.ts <command> [args…]`: runs a command and prints the CPU time (user, system) and page
// faults of every process in its tree, read from /proc/<pid>/stat every 200 ms and summed per program (the build, the
// preview-card processes, Pagefind). Linux only; a process that lives less than 200 ms is missed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const [cmd, ...args] = process.argv.slice(2);
const t0 = Date.now();
const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'], env: process.env });
const kids = (pid: number): number[] => { try { return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number); } catch { return []; } };
const tree = (pid: number): number[] => [pid, ...kids(pid).flatMap(tree)];
const seen = new Map<number, { name: string; user: number; sys: number; flt: number }>();
const timer = setInterval(() => {
  for (const p of tree(child.pid!)) {
    try {
      const st = readFileSync(`/proc/${p}/stat`, 'utf8'); const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      let label = name;
      try { const c = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0'); label = c.find((a) => /og-worker|pagefind|astro\.mjs/.test(a))?.split('/').pop() ?? name; } catch {}
      seen.set(p, { name: label, user: +f[11] / 100, sys: +f[12] / 100, flt: +f[7] });
    } catch {}
  }
}, 200);
child.on('exit', (code) => {
  clearInterval(timer);
  const by = new Map<string, { n: number; user: number; sys: number; flt: number }>();
  for (const v of seen.values()) { const b = by.get(v.name) ?? { n: 0, user: 0, sys: 0, flt: 0 }; b.n++; b.user += v.user; b.sys += v.sys; b.flt += v.flt; by.set(v.name, b); }
  console.log(`exit ${code} wall ${((Date.now() - t0) / 1000).toFixed(1)} s (CPU seen up to the last sample of each process)`);
  for (const [k, v] of by) console.log(`${k.padEnd(24)} x${v.n} user ${v.user.toFixed(1)} s sys ${v.sys.toFixed(1)} s minflt ${v.flt}`);
});
