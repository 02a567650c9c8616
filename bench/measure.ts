// Runs a command and measures it: wall time, peak RSS of the whole process tree (sampled from /proc), and every
// output line with the time it arrived (Astro's log lines become stage timings, see astro-log.ts).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  code: number | null;
  wallMs: number;
  /** Highest sum of resident memory over the command and all its descendants. */
  peakRssBytes: number;
  /** The processes of the tree at the peak, and each one's share. */
  peakProcesses: { name: string; rssBytes: number }[];
  lines: Array<{ ms: number; text: string }>;
}

/** pid -> parent pid for every process on the machine. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name (which may itself contain spaces).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      out.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* the process ended meanwhile */ }
  }
  return out;
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch { return 0; }
}

/** What a process is, for the memory breakdown: its script (astro.mjs, og-worker.ts) or its program (pagefind). */
function processName(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = args.slice(1).find((a) => /\.(m?js|ts)$/.test(a));
    return (script ?? args[0] ?? '?').split('/').pop()!;
  } catch { return '?'; }
}

/** Resident memory of `root` and every descendant, right now, per process. */
export function treeRssByProcess(root: number): { pid: number; name: string; rssBytes: number }[] {
  const pp = parents();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of pp) if (!tree.has(pid) && tree.has(ppid)) { tree.add(pid); grew = true; }
  }
  return [...tree].map((pid) => ({ pid, name: processName(pid), rssBytes: rssBytes(pid) })).filter((p) => p.rssBytes > 0);
}

/** Resident memory of `root` and every descendant, right now. */
export function treeRss(root: number): number {
  return treeRssByProcess(root).reduce((sum, p) => sum + p.rssBytes, 0);
}

export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; echo?: boolean; sampleMs?: number }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: Measured['lines'] = [];
    let peak = 0;
    let peakProcesses: Measured['peakProcesses'] = [];
    const sample = () => {
      if (!child.pid) return;
      const processes = treeRssByProcess(child.pid);
      const sum = processes.reduce((total, p) => total + p.rssBytes, 0);
      if (sum > peak) [peak, peakProcesses] = [sum, processes.map(({ name, rssBytes }) => ({ name, rssBytes }))];
    };
    const timer = setInterval(sample, options.sampleMs ?? 200);
    const collect = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const ms = performance.now() - t0;
        const parts = (rest + chunk).split('\n');
        rest = parts.pop()!;
        for (const text of parts) {
          lines.push({ ms, text });
          if (options.echo) process.stdout.write(`    ${text}\n`);
        }
      });
      stream.on('end', () => { if (rest) lines.push({ ms: performance.now() - t0, text: rest }); });
    };
    collect(child.stdout!);
    collect(child.stderr!);
    child.on('error', (err) => { clearInterval(timer); reject(err); });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, wallMs: performance.now() - t0, peakRssBytes: peak, peakProcesses, lines });
    });
    sample();
  });
}
