// The small JSON files every view has: `views/<id>.json` (its data, loaded when it scrolls into view) and
// `embed/<id>/oembed.json` (its oEmbed document); and the edges' evidence files `evidence/<n>.json` they share. Tens of thousands at scale, so the integration writes them itself
// (and serves them in dev) instead of sending each through Astro's page pipeline.
import type { Site } from '../build.ts';
import { NETWORK_ID, viewEntry, viewIds } from '../view-catalog.ts';
import { oembedDocument } from '../view-embed.ts';
import { evidenceShard, evidenceShardCount } from './edge-evidence.ts';
import { toNeighbourhoodData, toViewData } from './view-json.ts';

/** Every view file's path under the site root (ids as they are, not URL-encoded), in a fixed order. */
export function viewFilePaths(site: Site): string[] {
  const out: string[] = [];
  for (const id of viewIds(site)) {
    if (id !== NETWORK_ID) out.push(`views/${id}.json`);
    out.push(`embed/${id}/oembed.json`);
  }
  for (let n = 0; n < evidenceShardCount(site.graph); n++) out.push(`evidence/${n}.json`);
  return out;
}

/** The content of one view file, or undefined when `path` is not one. */
export function viewFile(site: Site, base: string, path: string): string | undefined {
  const data = /^views\/(.+)\.json$/.exec(path);
  if (data) {
    const entry = data[1] === NETWORK_ID ? undefined : viewEntry(site, base, data[1]);
    if (!entry || entry.kind === 'network') return undefined;
    return JSON.stringify(entry.kind === 'entity'
      ? toNeighbourhoodData(entry.view, site.graph, site.config, entry.page)
      : toViewData(entry.view, site.graph, site.config, entry.page));
  }
  const shard = /^evidence\/(0|[1-9]\d*)\.json$/.exec(path);
  if (shard) {
    const n = Number(shard[1]);
    return n < evidenceShardCount(site.graph) ? JSON.stringify(evidenceShard(site.graph, (id) => site.byId.get(id), n)) : undefined;
  }
  const oembed = /^embed\/([^/]+)\/oembed\.json$/.exec(path);
  const entry = oembed && viewEntry(site, base, oembed[1]);
  return entry ? JSON.stringify(oembedDocument(entry, site.config, base)) : undefined;
}
