// /graph.gexf: the whole graph for Gephi.
import { toGexf } from '../kg/exports/gexf.ts';
import { getSite } from '../integration/site.ts';

export async function GET() {
  return new Response(toGexf((await getSite()).graph), { headers: { 'Content-Type': 'application/gexf+xml' } });
}
