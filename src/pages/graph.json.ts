// /graph.json: the compact, sigma-ready network (see src/kg/exports/graph-json.ts).
import { toCompactGraph } from '../kg/exports/graph-json.ts';
import { getSite } from '../integration/site.ts';

export async function GET() {
  const site = await getSite();
  return new Response(JSON.stringify(toCompactGraph(site.graph, site.config)), { headers: { 'Content-Type': 'application/json' } });
}
