// The small pieces of page markup shared by entity pages and the Astro pages (entity link, type badge, date, citation),
// as hast: entity and embed pages are written straight from these trees at 10k+ notes, the Astro components wrap them.
import { h } from '../../kg/hast-element.ts';
import type { Element, ElementContent } from 'hast';
import type { KgConfig } from '../../kg/config.ts';
import { formatDate } from '../../kg/dates.ts';
import type { EntityRef, SourceRef } from '../model/refs.ts';
import { typeClass } from '../type-colors.ts';

/** A link to an entity page, led by a dot in its type's colour. */
export function entityLink(entity: EntityRef): Element {
  return h('a', { className: ['entity-link', typeClass(entity.type)], href: entity.href }, [h('span', { className: 'type-dot', ariaHidden: 'true' }), entity.title]);
}

/** An entity type's badge: its label with the type colour as a bar, linking to the type's index when `href` is given. */
export function typeBadge(config: KgConfig, type: string, href?: string, small = false): Element {
  const className = ['type-badge', typeClass(type), ...(small ? ['type-badge--small'] : [])];
  const label = config.types[type]?.label ?? type;
  return href ? h('a', { className, href }, label) : h('span', { className }, label);
}

const time = (date: string, className?: string) => h('time', { className, dateTime: date }, formatDate(date));

/** A relation's time: one date, or start–end (either end may be open), as <time> elements; undefined when it has none. */
export function dateRange({ date, start, end }: { date?: string; start?: string; end?: string }): Element | undefined {
  if (date) return time(date);
  if (start && end) return h('span', { className: 'date-range' }, [time(start), '–', time(end)]);
  if (start) return h('span', { className: 'date-range' }, ['since ', time(start)]);
  if (end) return h('span', { className: 'date-range' }, ['until ', time(end)]);
  return undefined;
}

/** A short citation of a source note: publisher and date, linking to the source's page (full title on hover). */
export function sourceCitation(source: SourceRef): ElementContent[] {
  const link = h('a', { className: 'citation', href: source.href, title: source.title }, source.publisher ?? source.title);
  return source.date ? [link, h('span', { className: 'citation__date' }, [', ', time(source.date)])] : [link];
}

/**
 * The hidden depth-1 / depth-2 switch of a neighbourhood (view-island.ts reveals and wires it), when the neighbourhood
 * reaches a second ring; `lead` goes before the buttons (the entity page's "Show").
 */
export function depthSwitch(view: { nodes: string[]; distance: Map<string, number> }, lead: ElementContent[] = []): Element[] {
  if (!view.nodes.some((n) => view.distance.get(n) === 2)) return [];
  return [h('div', { className: 'kg-depth', role: 'group', ariaLabel: 'How far to look', hidden: true }, [
    ...lead,
    h('button', { type: 'button', dataDepth: '1', ariaPressed: 'true' }, 'Direct connections'),
    h('button', { type: 'button', dataDepth: '2', ariaPressed: 'false' }, 'Two steps away'),
  ])];
}

export { time as dateTime };
