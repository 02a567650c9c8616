// The engine pipeline: parse -> validate -> resolve -> graph -> layout -> render, timed per stage.
import type { ElementContent } from 'hast';
import { type AttachmentIndex, attachmentHref, buildAttachmentIndex, isFileLink, resolveAttachment } from './attachments.ts';
import type { KgConfig } from './config.ts';
import { countBySeverity, diagnostic, sortDiagnostics } from './diagnostics.ts';
import { buildGraph, type KnowledgeGraph } from './graph.ts';
import { layoutGraph } from './layout.ts';
import { parseMarkdown } from './markdown.ts';
import { qualityDiagnostics } from './quality.ts';
import { brokenNote, parseNote, type ParseOptions } from './parse.ts';
import { renderNote, renderPlain } from './render.ts';
import { anchorsOf, buildNameIndex, type NameIndex, type Resolved, resolveNotes } from './resolve.ts';
import type { Diagnostic, Note } from './types.ts';
import { listVault, readVault, type SourceFile } from './vault.ts';
import { buildViews, renderViewFigure, type GraphView } from './views.ts';

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

/** What the exports (view files, embed pages, preview cards) read of a site: also what worker threads get. */
export type SiteData = Pick<Site, 'config' | 'notes' | 'byId' | 'graph' | 'views'>;

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
}

export function entityHref(base: string, id: string): string {
  return `${base}entity/${encodeURIComponent(id)}/`;
}

/** Builds the site model from files already read (pure: no disk access; what the tests call). */
export function buildFromFiles(config: KgConfig, files: SourceFile[], options: BuildOptions = {}): Site {
  const base = options.base ?? '/';
  const timings: Record<string, number> = {};
  const time = <T>(stage: string, fn: () => T): T => {
    const t0 = performance.now();
    const out = fn();
    timings[stage] = (timings[stage] ?? 0) + performance.now() - t0;
    return out;
  };

  const diagnostics: Diagnostic[] = [];
  const previous = options.previous?.config === config ? options.previous : undefined;
  const cache: BuildCache = { parsed: new Map(), rendered: new Map() };
  /** Notes taken from the previous build: their Markdown tree was changed by rendering, so re-parse before rendering again. */
  const reused = new Set<Note>();
  const parsed = time('parse', () =>
    files.map((f) => {
      if (f.unreadable) { diagnostics.push(f.unreadable); return brokenNote(f.file); }
      const hit = previous?.cache.parsed.get(f.file);
      if (hit && hit.raw === f.text) {
        reused.add(hit.note);
        cache.parsed.set(f.file, hit);
        diagnostics.push(...hit.diagnostics);
        return hit.note;
      }
      const { note, diagnostics: d } = parseNoteSafely(config, f.file, f.text, timings);
      cache.parsed.set(f.file, { raw: f.text, note, diagnostics: d });
      diagnostics.push(...d);
      return note;
    }),
  );

  // `parse` is the Markdown share; `validate` (frontmatter YAML + schema) was timed inside parseNote.
  timings.parse -= timings.validate ?? 0;
  const index = time('resolve', () => buildNameIndex(parsed));
  const attachments = buildAttachmentIndex(options.vaultDir ?? config.contentDir, options.attachments ?? []);
  const resolved = time('resolve', () => resolveNotes(config, parsed, index, attachments));
  diagnostics.push(...resolved.diagnostics);
  const notes = [...index.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const graph = time('graph', () => buildGraph(config, notes, resolved));
  if (options.quality) diagnostics.push(...time('resolve', () => qualityDiagnostics(config, notes, graph)));
  const views = time('views', () => buildViews(config, notes, index, graph, diagnostics));
  const html = new Map<string, string>();
  if (!options.checkOnly) {
    time('layout', () => layoutGraph(graph, config.seed, previous?.graph));
    time('render', () => {
      for (const note of notes) {
        const noteViews = views.get(note.id) ?? [];
        const linkIds = resolved.links.get(note.id) ?? [];
        // The HTML depends on the text, the resolved links and the base URL; graph views on the whole graph.
        // Links to headings also depend on the target's headings (a missing one drops the anchor).
        const headings = note.links.map((l, i) => (l.heading && linkIds[i] ? (index.byId.get(linkIds[i]!)?.headings ?? []).join('\u0001') : '')).join('\u0002');
        const fileHref = (target: string) => {
          const path = resolveAttachment(attachments, note.file, target);
          return path && attachmentHref(attachments, base, path);
        };
        const files = note.links.map((l) => (isFileLink(l.target) ? fileHref(l.target) ?? '' : '')).join('\u0002');
        const key = `${base}\n${linkIds.join('\n')}\n${headings}\n${files}`;
        const hit = previous?.cache.rendered.get(note.id);
        if (hit && noteViews.length === 0 && hit.text === note.text && hit.key === key) {
          html.set(note.id, hit.html);
          cache.rendered.set(note.id, hit);
          continue;
        }
        let out: string;
        try {
          if (reused.has(note)) note.tree = parseMarkdown(note.text);
          out = renderNote(note, {
            linkIds,
            href: (id) => entityHref(base, id),
            fileHref,
            hasAnchor: (id, anchor) => { const n = index.byId.get(id); return !n?.headings || anchorsOf(n).has(anchor); },
            renderView: (i): ElementContent => renderViewFigure(noteViews.find((v) => v.index === i), graph, config, base),
          });
        } catch (err) {
          // A note no renderer stage can handle still gets its page, with its text shown as it is.
          out = renderPlain(note);
          diagnostics.push(diagnostic(note.file, { line: 1, column: 1 }, 'warning', 'render-failed', `This note could not be rendered (${(err as Error).message}); its text is shown unformatted`, 'Simplify the note; please report it as an engine bug.'));
        }
        html.set(note.id, out);
        cache.rendered.set(note.id, { text: note.text, key, html: out });
        // Rendering was the tree's last use (and changed it): let it go, it is most of a note's memory.
        note.tree = { type: 'root', children: [] };
      }
    });
  }

  const sorted = sortDiagnostics(diagnostics);
  const { errors, warnings } = countBySeverity(sorted);
  return { config, notes, byId: index.byId, index, graph, resolved, html, attachments, views, diagnostics: sorted, errors, warnings, timings, cache };
}

/** parseNote that never throws: an engine failure on one note is an error on that note, not a crash of the build. */
export function parseNoteSafely(config: KgConfig, file: string, text: string, timings?: Record<string, number>, options?: ParseOptions): { note: Note; diagnostics: Diagnostic[] } {
  try {
    return parseNote(config, file, text, timings, options);
  } catch (err) {
    return {
      note: brokenNote(file, text),
      diagnostics: [diagnostic(file, { line: 1, column: 1 }, 'error', 'note-failed', `The engine could not read this note: ${(err as Error).message}`, 'Please report this as an engine bug, with the note.')],
    };
  }
}

/** Reads the content folder under `root` and builds the site model. */
export async function buildSite(root: string, config: KgConfig, options: BuildOptions = {}): Promise<Site> {
  const t0 = performance.now();
  const { previous, changed } = options;
  const known = previous && changed ? { texts: new Map([...previous.cache.parsed].map(([file, p]) => [file, p.raw])), changed } : undefined;
  const listing = await listVault(root, config.contentDir, config.ignore);
  const files = await readVault(root, config.contentDir, known, listing);
  const site = buildFromFiles(config, files, { ...options, attachments: listing.attachments, vaultDir: listing.dir });
  site.timings.read = performance.now() - t0 - Object.values(site.timings).reduce((a, b) => a + b, 0);
  return site;
}
