// graph.gexf: the graph for Gephi, with positions, sizes, colours and every attribute as text.
import { write } from 'graphology-gexf';
import type { KnowledgeGraph } from '../graph.ts';

function hexToRgb(hex: string) {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

// XML 1.0 forbids most control characters even when escaped; a note may contain them.
const stripControl = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export function toGexf(graph: KnowledgeGraph): string {
  return write(graph as never, {
    formatNode: (_key: string, a: Record<string, unknown>) => ({
      label: stripControl(String(a.title)),
      x: a.x as number, y: a.y as number, size: a.size as number,
      color: hexToRgb(String(a.color)),
      attributes: {
        type: String(a.type), summary: stripControl(String(a.summary)), aliases: stripControl((a.aliases as string[]).join('; ')),
        tags: stripControl((a.tags as string[]).join('; ')), degree: a.degree as number, community: a.community as number,
      },
    }),
    formatEdge: (_key: string, a: Record<string, unknown>) => ({
      label: String(a.type),
      attributes: {
        kind: String(a.kind), type: String(a.type), date: String(a.date ?? a.start ?? ''), end: String(a.end ?? ''),
        sources: (a.sources as string[]).join('; '), quote: stripControl(String(a.quote ?? '')),
      },
    }),
    version: '1.3',
  } as never);
}
