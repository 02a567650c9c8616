// /edges.csv: one row per relation, mention and citation.
import { edgesCsv } from '../kg/exports/csv.ts';
import { getSite } from '../integration/site.ts';

export async function GET() {
  return new Response(edgesCsv((await getSite()).graph), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
