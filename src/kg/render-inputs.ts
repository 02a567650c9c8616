// What a note's HTML depends on besides its text, as plain data: built here, usable on this thread or a worker thread.
import type { ElementContent } from 'hast';
import { type AttachmentIndex, attachmentHref, isFileLink, resolveAttachment } from './attachments.ts';
import type { RenderContext } from './render.ts';
import { anchorsOf, type NameIndex } from './resolve.ts';
import type { Note } from './types.ts';

export function entityHref(base: string, id: string): string {
  return `${base}entity/${encodeURIComponent(id)}/`;
}

/** Everything renderNote needs besides the note, except graph views (those need the whole graph). */
export interface RenderData {
  /** Ids of the note's body links, in document order (undefined for unresolved ones). */
  linkIds: Array<string | undefined>;
  /** Anchor ids of the notes linked to a heading; a note absent here has no heading list (unreadable): any anchor goes. */
  anchors: Map<string, Set<string>>;
  /** URL of each file-link target that names a vault file. */
  files: Map<string, string>;
}

/**
 * A note's render data and its cache key: the HTML depends on the text, the resolved links and the base URL (graph
 * views on the whole graph). Links to headings also depend on the target's headings (a missing one drops the anchor).
 */
export function renderInputs(note: Note, linkIds: Array<string | undefined>, index: NameIndex, attachments: AttachmentIndex, base: string): { data: RenderData; key: string } {
  const anchors = new Map<string, Set<string>>();
  const files = new Map<string, string>();
  const headings = note.links.map((l, i) => {
    const id = linkIds[i];
    if (!l.heading || !id) return '';
    const target = index.byId.get(id);
    if (target?.headings) anchors.set(id, anchorsOf(target));
    return (target?.headings ?? []).join('\u0001');
  }).join('\u0002');
  const fileHrefs = note.links.map((l) => {
    if (!isFileLink(l.target)) return '';
    const path = resolveAttachment(attachments, note.file, l.target);
    const href = path && attachmentHref(attachments, base, path);
    if (href) files.set(l.target, href);
    return href ?? '';
  }).join('\u0002');
  return { data: { linkIds, anchors, files }, key: `${base}\n${linkIds.join('\n')}\n${headings}\n${fileHrefs}` };
}

/** The render context the data stands for; `renderView` draws graph views (on the thread that has the graph). */
export function renderContext(data: RenderData, base: string, renderView?: (index: number) => ElementContent): RenderContext {
  return {
    linkIds: data.linkIds,
    href: (id) => entityHref(base, id),
    hasAnchor: (id, anchor) => data.anchors.get(id)?.has(anchor) ?? true,
    fileHref: (target) => data.files.get(target),
    ...(renderView ? { renderView } : {}),
  };
}
