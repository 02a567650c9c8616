// /changes.xml: the Changes page as an Atom feed.
import { getSite } from '../integration/site.ts';
import { getChangeLog } from '../integration/changes.ts';
import { entityHref } from '../kg/build.ts';
import { changesAtom } from '../kg/exports/changes-atom.ts';

export async function GET({ site: astroSite }: { site?: URL }) {
  const site = await getSite();
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const origin = astroSite ?? new URL(site.config.site);
  const url = (path: string) => new URL(path, origin).href;
  const xml = changesAtom(site.config, await getChangeLog(), {
    page: url(`${base}changes/`),
    feed: url(`${base}changes.xml`),
    entity: (id) => (site.graph.hasNode(id) ? url(entityHref(base, id)) : undefined),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
