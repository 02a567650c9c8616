// /graph-details.json: summaries and aliases for the network view's panels and search, loaded after the first frame.
import { toGraphDetails } from '../kg/exports/graph-json.ts';
import { getSite } from '../integration/site.ts';

export async function GET() {
  const site = await getSite();
  return new Response(JSON.stringify(toGraphDetails(site.graph)), { headers: { 'Content-Type': 'application/json' } });
}
