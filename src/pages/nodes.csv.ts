// /nodes.csv: one row per note.
import { nodesCsv } from '../kg/exports/csv.ts';
import { getSite } from '../integration/site.ts';

export async function GET() {
  return new Response(nodesCsv((await getSite()).graph), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
