// The engine pipeline: parse -> validate -> resolve -> graph -> layout -> render, timed per stage.
import type { AttachmentIndex } from './attachments.ts';
import { buildFromFilesParallel, parallelWorkerFor } from './build-parallel.ts';
import { finishRun, keepParsed, layoutStep, modelOf, parseFile, renderAll, startRun, timed } from './build-steps.ts';
import type { KgConfig } from './config.ts';
import type { KnowledgeGraph } from './graph.ts';
import type { NameIndex, Resolved } from './resolve.ts';
import type { Diagnostic, Note } from './types.ts';
import { listVault, readVault, type SourceFile } from './vault.ts';
import type { GraphView } from './views.ts';

export interface Site {
  config: KgConfig;
  /** Every note that got a node, sorted by id (duplicates dropped, first file wins). */
  notes: Note[];
  byId: Map<string, Note>;
  index: NameIndex;
  graph: KnowledgeGraph;
  resolved: Resolved;
  /** Rendered, sanitised body HTML per note id. */
  html: Map<string, string>;
  /** The vault's images and documents, which notes embed or link (published under `/attachments/`). */
  attachments: AttachmentIndex;
  /** Graph views from `::graph` directives, per note id, in document order. */
  views: Map<string, GraphView[]>;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  timings: Record<string, number>;
  /** What a later build may reuse (dev: one note changed, 9,999 did not). */
  cache: BuildCache;
}

/** Per-file parse results and per-note HTML with the inputs they came from; see `BuildOptions.previous`. */
export interface BuildCache {
  parsed: Map<string, { raw: string; note: Note; diagnostics: Diagnostic[] }>;
  rendered: Map<string, { text: string; key: string; html: string }>;
}

export interface BuildOptions {
  /** URL prefix of note pages: href(id) = `${base}entity/${id}/`. */
  base?: string;
  /** Skip layout and HTML (for `check`, which only needs diagnostics). */
  checkOnly?: boolean;
  /** Add the editorial warnings (no sources, no summary, orphans; see quality.ts): `check` lists them, builds do not. */
  quality?: boolean;
  /**
   * Dev only: the previous result. Unchanged files are not parsed again, unchanged notes not rendered again, and
   * the layout starts from (and keeps) the previous positions. Builds without it are deterministic from the notes.
   */
  previous?: Site;
  /** Attachment files in the vault (project-relative; see attachments.ts), which notes may embed or link. */
  attachments?: string[];
  /** The content folder as those paths start (default: `config.contentDir`; buildSite passes the listed one). */
  vaultDir?: string;
  /** Dev, with `previous`: files changed since it (project-relative paths); the others are not read from disk again. */
  changed?: Set<string>;
  /**
   * buildSite only: parse and render on two threads (see build-parallel.ts). Default: for full builds of vaults of
   * PARALLEL_MIN_FILES notes or more; `true` also for smaller ones (tests), `false` never. Never with `previous` or `checkOnly`.
   */
  parallel?: boolean;
}

export { entityHref } from './render-inputs.ts';
export { parseNoteSafely } from './note-safely.ts';

/** Builds the site model from files already read (pure: no disk access; what the tests call). */
export function buildFromFiles(config: KgConfig, files: SourceFile[], options: BuildOptions = {}): Site {
  const run = startRun(config, options);
  const parsed = timed(run, 'parse', () => files.map((f) => keepParsed(run, f, parseFile(run, f))));
  // `parse` is the Markdown share; `validate` (frontmatter YAML + schema) was timed inside parseNote.
  run.timings.parse -= run.timings.validate ?? 0;
  const model = modelOf(run, parsed);
  if (!options.checkOnly) {
    layoutStep(run, model);
    renderAll(run, model);
  }
  return finishRun(run, model);
}

/** Reads the content folder under `root` and builds the site model. */
export async function buildSite(root: string, config: KgConfig, options: BuildOptions = {}): Promise<Site> {
  const t0 = performance.now();
  const { previous, changed } = options;
  const known = previous && changed ? { texts: new Map([...previous.cache.parsed].map(([file, p]) => [file, p.raw])), changed } : undefined;
  const listing = await listVault(root, config.contentDir, config.ignore);
  // Started before the files are read, so that the worker loads its modules meanwhile.
  const worker = parallelWorkerFor(root, listing.notes.length, options);
  let site: Site;
  try {
    const files = await readVault(root, config.contentDir, known, listing);
    const full = { ...options, attachments: listing.attachments, vaultDir: listing.dir };
    site = worker ? await buildFromFilesParallel(worker, config, files, full) : buildFromFiles(config, files, full);
  } finally {
    worker?.close();
  }
  site.timings.read = performance.now() - t0 - Object.values(site.timings).reduce((a, b) => a + b, 0);
  return site;
}
