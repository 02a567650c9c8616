// /graph-evidence.json: each edge's dates, quote and sources for the network view's edge cards and side panel,
// loaded on the first edge hover or selection (see src/kg/exports/edge-evidence.ts).
import { toGraphEvidence } from '../kg/exports/graph-json.ts';
import { getSite } from '../integration/site.ts';

export async function GET() {
  const site = await getSite();
  return new Response(JSON.stringify(toGraphEvidence(site.graph, (id) => site.byId.get(id))), { headers: { 'Content-Type': 'application/json' } });
}
