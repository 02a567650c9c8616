// The network view's state in the URL hash, so a view can be shared: selection, hidden types and relations, camera,
// the date shown. `#node=hikvision&types=source,note&rels=mentions&cam=0.512,0.431,0.35&asof=2019-10-07`
// (absent = default, empty = nothing hidden; no `asof` = all dates); paths between two entities:
// `&from=wilbur-ross&to=hikvision&via=leads,sanctions` (via absent = the default types).
import { isValidDate } from '../../kg/dates.ts';

export interface NetworkState {
  node: string | null;
  /** Hidden entity types; undefined = the default. */
  hiddenTypes?: string[];
  /** Hidden relation types; undefined = the default. */
  hiddenRelations?: string[];
  camera?: { x: number; y: number; ratio: number };
  /** The graph as it stood on this date (`YYYY-MM-DD`; partial dates are read as their last day); absent = all dates. */
  asof?: string;
  /** The two ends of the paths panel. */
  pathFrom?: string;
  pathTo?: string;
  /** Relation types the paths may go through; undefined = the default. */
  pathVia?: string[];
}

const list = (v: string | null) => (v === null ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean).sort());
const finite = (n: number) => Number.isFinite(n);

/** Parses a location hash; anything malformed is ignored (a shared link must never break the page). */
export function parseState(hash: string): NetworkState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return { node: null };
  }
  const state: NetworkState = { node: params.get('node') || null };
  const types = list(params.get('types'));
  const rels = list(params.get('rels'));
  if (types) state.hiddenTypes = types;
  if (rels) state.hiddenRelations = rels;
  const cam = params.get('cam')?.split(',').map(Number);
  if (cam && cam.length === 3 && cam.every(finite) && cam[2] > 0) state.camera = { x: cam[0], y: cam[1], ratio: cam[2] };
  const asof = params.get('asof');
  if (asof && isValidDate(asof)) state.asof = asof;
  const from = params.get('from'), to = params.get('to'), via = list(params.get('via'));
  if (from) state.pathFrom = from;
  if (to) state.pathTo = to;
  if (via) state.pathVia = via;
  return state;
}

const same = (a: string[] | undefined, b: string[]) => a !== undefined && a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Serialises a state; defaults are left out so plain links stay plain. */
export function formatState(state: NetworkState, defaults: { hiddenTypes: string[]; hiddenRelations: string[]; pathVia?: string[] }): string {
  const params = new URLSearchParams();
  if (state.node) params.set('node', state.node);
  if (state.hiddenTypes && !same(state.hiddenTypes, defaults.hiddenTypes)) params.set('types', [...state.hiddenTypes].sort().join(','));
  if (state.hiddenRelations && !same(state.hiddenRelations, defaults.hiddenRelations)) params.set('rels', [...state.hiddenRelations].sort().join(','));
  if (state.camera) params.set('cam', [state.camera.x, state.camera.y, state.camera.ratio].map(round).join(','));
  if (state.asof) params.set('asof', state.asof);
  if (state.pathFrom) params.set('from', state.pathFrom);
  if (state.pathTo) params.set('to', state.pathTo);
  if ((state.pathFrom || state.pathTo) && state.pathVia && !same(state.pathVia, defaults.pathVia ?? [])) params.set('via', [...state.pathVia].sort().join(','));
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `#${s}` : '';
}
