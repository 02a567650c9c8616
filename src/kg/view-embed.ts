// Embedding a view on other sites: the embed page URL, the ready-to-paste <iframe> snippet, its oEmbed document,
// and the "Embed" disclosure shown next to every view (plain HTML; a script adds the copy button's behaviour).
import type { Element } from 'hast';
import { h } from './hast-element.ts';
import type { KgConfig } from './config.ts';

export interface EmbedTarget {
  /** View id: `network`, `entity-<id>` or `<note id>--<n>`. */
  id: string;
  title: string;
  /** Intrinsic size of the view in CSS px; the snippet keeps this aspect ratio at any width. */
  height: number;
  width?: number;
}

export const EMBED_WIDTH = 800;

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Absolute URL of a path under the site (embeds are pasted into other origins). */
export function absoluteUrl(config: KgConfig, base: string, path: string): string {
  return new URL(`${base}${path}`, config.site).href;
}

export const embedPath = (id: string) => `embed/${encodeURIComponent(id)}/`;
export const oembedPath = (id: string) => `${embedPath(id)}oembed.json`;

/** The iframe snippet: a wrapper with the view's aspect ratio, the frame filling it; lazy, titled, borderless. */
export function embedSnippet(t: EmbedTarget, config: KgConfig, base: string): string {
  const width = t.width ?? EMBED_WIDTH;
  const src = absoluteUrl(config, base, embedPath(t.id));
  return `<div style="position:relative;width:100%;max-width:${width}px;aspect-ratio:${width}/${t.height}">`
    + `<iframe src="${attr(src)}" title="${attr(t.title)}" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" `
    + 'style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe></div>';
}

/** oEmbed 1.0 "rich" response for an embed page (https://oembed.com/#section2.3). */
export function oembedDocument(t: EmbedTarget, config: KgConfig, base: string) {
  return {
    version: '1.0',
    type: 'rich',
    title: t.title,
    provider_name: config.title,
    provider_url: absoluteUrl(config, base, ''),
    html: embedSnippet(t, config, base),
    width: t.width ?? EMBED_WIDTH,
    height: t.height,
  };
}

/** `<link rel="alternate">` attributes for oEmbed discovery. */
export function oembedLink(t: EmbedTarget, config: KgConfig, base: string) {
  return { rel: 'alternate', type: 'application/json+oembed', href: absoluteUrl(config, base, oembedPath(t.id)), title: t.title };
}

/** The "Embed" disclosure: the snippet in a read-only text box, and a copy button that scripts reveal. */
export function renderEmbedDetails(t: EmbedTarget, config: KgConfig, base: string): Element {
  return h('details', { class: 'kg-embed', 'data-embed': t.id }, [
    h('summary', 'Embed'),
    h('p', ['Paste this HTML into your page, or ', h('a', { href: `${base}${embedPath(t.id)}` }, 'open the embeddable view'), '.']),
    h('textarea', { class: 'kg-embed-code', readOnly: true, rows: 4, spellCheck: false, 'aria-label': 'Embed code' }, embedSnippet(t, config, base)),
    h('button', { type: 'button', class: 'kg-embed-copy', hidden: true }, 'Copy embed code'),
  ]);
}
