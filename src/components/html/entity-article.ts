// An entity page's content (the <article> inside the site's shell): what the note is, its relations with their
// evidence, its neighbourhood graph, who mentions it and what it cites. Built as hast from the engine's result and
// serialised once; `entity/[id].astro` shows it in dev, `src/integration/page-files.ts` writes it at build time.
import { h } from '../../kg/hast-element.ts';
import type { Element, ElementContent } from 'hast';
import { allRelations } from '../../kg/config.ts';
import type { Site } from '../../kg/build.ts';
import { shownAliases } from '../../kg/exports/redirects.ts';
import { firstRing } from '../../kg/neighbourhood.ts';
import { neighbourhoodEntry } from '../../kg/view-catalog.ts';
import { renderViewFigure, viewSvgHtml } from '../../kg/view-svg.ts';
import { bylineAuthors } from '../model/byline.ts';
import { relationsCiting } from '../model/evidence.ts';
import { pageFacts, type FieldRow } from '../model/fields.ts';
import { citedBy, citedSources, mentionedIn, mentions } from '../model/links.ts';
import { entityRef, type EntityRef, type SourceRef } from '../model/refs.ts';
import { relationCount, relationGroups, type RelationGroup } from '../model/relations.ts';
import { nameLang } from '../model/script.ts';
import { tagSlug } from '../model/tags.ts';
import { dateRange, dateTime, depthSwitch, entityLink, sourceCitation, typeBadge } from './parts.ts';

const count = (n: number) => h('span', { className: 'section-heading__count' }, String(n));
const sectionHeading = (id: string, text: string, n?: number) => h('h2', { className: 'section-heading', id }, n === undefined ? text : [`${text} `, count(n)]);
const quote = (text: string) => h('blockquote', { className: ['quote', 'relation__quote'] }, [h('p', text)]);
const withDate = (d: { date?: string; start?: string; end?: string }) => {
  const range = dateRange(d);
  return range ? [h('span', { className: 'relation__date' }, [range])] : [];
};

/** The top of an entity page: type badge, title, names in every script, the one-line summary, byline, tags. */
function entityHeader(site: Site, base: string, self: EntityRef, aliases: string[], lead: ElementContent[]): Element {
  const note = site.byId.get(self.id)!;
  return h('header', { className: 'entity-header' }, [
    h('p', { className: 'entity-header__kicker' }, [typeBadge(site.config, self.type, `${base}types/${self.type}/`)]),
    h('h1', { className: 'entity-header__title' }, self.title),
    ...(aliases.length ? [h('p', { className: 'entity-header__aliases', dataPagefindWeight: '6' }, [
      h('span', { className: 'entity-header__aliases-label' }, 'Also known as'),
      ...aliases.flatMap((a) => [' ', h('span', { className: 'alias', lang: nameLang(a) }, a)]),
    ])] : []),
    ...(note.summary ? [h('p', { className: ['lede', 'entity-header__summary'] }, note.summary)] : []),
    ...lead,
    ...(note.tags.length ? [h('ul', { className: 'tag-list', dataPagefindIgnore: true }, note.tags.map((t) =>
      h('li', [h('a', { className: 'tag', href: `${base}tags/${tagSlug(t)}/` }, [h('span', { className: 'visually-hidden' }, 'Tag: '), t])])))] : []),
  ]);
}

/** An article's byline: authors and publication date. */
function byline(date: unknown, authors: unknown): Element[] {
  const by = bylineAuthors(authors);
  const when = typeof date === 'string' && date ? date : undefined;
  if (!when && !by) return [];
  return [h('p', { className: 'byline' }, [
    ...(by ? [h('span', { className: 'byline__authors' }, by)] : []),
    ...(when ? [dateTime(when, 'byline__date')] : []),
  ])];
}

/** Key facts of an entity (its type-specific fields) as a description list. */
function factList(rows: FieldRow[], heading: string): Element {
  return h('section', { className: 'facts', ariaLabelledby: 'facts-heading' }, [
    h('h2', { className: 'section-heading', id: 'facts-heading', dataPagefindIgnore: true }, heading),
    h('dl', { className: 'facts__list' }, rows.map((r) => h('div', { className: 'facts__row', dataField: r.name }, [
      h('dt', r.label),
      h('dd', [r.href ? h('a', { href: r.href, rel: 'external noopener' }, r.text) : r.datetime ? h('time', { dateTime: r.datetime }, r.text) : r.text]),
    ]))),
  ]);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An entity's relations, grouped by type and direction, each with its date and evidence; the local graph's text version. */
function relationList(groups: RelationGroup[], idPrefix: string): Element {
  return h('div', { className: 'relations' }, groups.map((g) => h('section', { className: 'relation-group', ariaLabelledby: `${idPrefix}-${g.id}`, dataRelation: g.type, dataDirection: g.direction }, [
    h('h3', { className: 'relation-group__label', id: `${idPrefix}-${g.id}` }, [
      h('span', { className: ['rel-line', `rel-line--${g.style}`, `rel-line--${g.direction}`], ariaHidden: 'true' }),
      capitalise(g.label),
      h('span', { className: 'relation-group__count' }, String(g.items.length)),
    ]),
    h('ul', { className: 'relation-list' }, g.items.map((item) => h('li', { className: 'relation' }, [
      h('div', { className: 'relation__head' }, [entityLink(item.other), ...withDate(item)]),
      ...(item.quote ? [quote(item.quote)] : []),
      ...(item.note ? [h('p', { className: 'relation__note' }, item.note)] : []),
      item.sources.length > 0
        ? h('p', { className: 'relation__sources' }, [
          h('span', { className: 'relation__sources-label' }, `${item.sources.length === 1 ? 'Source' : 'Sources'}:`),
          ...item.sources.flatMap((s, i) => [...(i > 0 ? ['; '] : []), ...sourceCitation(s)]),
        ])
        : h('p', { className: ['relation__sources', 'relation__sources--none'] }, 'No source given.'),
    ]))),
  ])));
}

/** For a source page: every relation that gives this source as evidence, as "A — label — B" with its quote. */
function evidenceList(site: Site, base: string, edges: string[]): Element[] {
  if (!edges.length) return [];
  const specs = allRelations(site.config);
  return [h('section', { className: 'evidence-section', ariaLabelledby: 'evidence-heading' }, [
    sectionHeading('evidence-heading', 'Claims this source supports', edges.length),
    h('ul', { className: ['relation-list', 'evidence-list'] }, edges.map((edge) => {
      const a = site.graph.getEdgeAttributes(edge);
      return h('li', { className: 'relation' }, [
        h('div', { className: 'relation__head' }, [
          entityLink(entityRef(site, base, site.graph.source(edge))), ' ',
          h('span', { className: 'relation__verb' }, specs[a.type]?.label ?? a.type.replace(/_/g, ' ')), ' ',
          entityLink(entityRef(site, base, site.graph.target(edge))),
          ...withDate(a),
        ]),
        ...(a.quote ? [quote(a.quote)] : []),
      ]);
    })),
  ])];
}

/** A titled list of entity links (mentions, backlinks, "cited by"), compact and in columns on wide screens. */
function entityRefList(items: EntityRef[], heading: string, id: string, intro?: string): Element[] {
  if (!items.length) return [];
  return [h('section', { className: 'ref-section', ariaLabelledby: id }, [
    sectionHeading(id, heading, items.length),
    ...(intro ? [h('p', { className: ['ref-section__intro', 'muted'] }, intro)] : []),
    h('ul', { className: 'ref-list' }, items.map((e) => h('li', [entityLink(e)]))),
  ])];
}

/** The sources a note cites: title, publisher, date and a link to the original document. */
function sourceList(sources: SourceRef[]): Element[] {
  if (!sources.length) return [];
  return [h('section', { className: 'source-section', ariaLabelledby: 'sources-heading' }, [
    sectionHeading('sources-heading', 'Sources', sources.length),
    h('ol', { className: 'source-list' }, sources.map((s) => h('li', { className: 'source' }, [
      h('a', { className: 'source__title', href: s.href }, s.title),
      h('span', { className: 'source__meta' }, [
        ...(s.publisher ? [h('span', { className: 'source__publisher' }, s.publisher)] : []),
        ...(s.date ? [dateTime(s.date)] : []),
        ...(s.url ? [h('a', { className: 'source__original', href: s.url, rel: 'external noopener' }, ['Original', h('span', { className: 'visually-hidden' }, ` of “${s.title}”`)])] : []),
      ]),
    ]))),
  ])];
}

/**
 * The neighbourhood: a static SVG of the direct connections (readable without JS) with legend, list and embed code;
 * the browser loads the view file and sigma when it scrolls into view (lazy-views.ts) and offers depth 1 / depth 2.
 */
function localGraph(site: Site, base: string, id: string): Element[] {
  const entry = neighbourhoodEntry(site, base, id);
  if (!entry) return [];
  const drawn = firstRing(entry.view, site.graph);
  const headingId = `kg-local-${id}`;
  return [h('section', { className: 'kg-local', ariaLabelledby: headingId }, [
    h('h2', { className: 'section-heading', id: headingId }, 'Connections'),
    renderViewFigure(entry.view, site.graph, site.config, base, {
      drawn,
      svg: { type: 'raw', value: viewSvgHtml(drawn, site.graph, site.config, base) },
      caption: `${entry.title}: ${entry.view.nodes.filter((n) => entry.view.distance.get(n) === 1).length} directly connected`,
      lead: depthSwitch(entry.view, [h('span', 'Show')]),
      className: 'kg-view-local',
    }),
  ])];
}

/** The whole <article> of note `id`'s page. */
export function entityArticle(site: Site, base: string, id: string): Element {
  const note = site.byId.get(id)!;
  const { type, fields } = note;
  const isArticle = type === 'article';
  const isSource = type === 'source';
  const bodyHtml = site.html.get(id) ?? '';
  const self = entityRef(site, base, id);
  const groups = relationGroups(site, base, id);
  // Sources show publisher, date and link in the facts.
  const facts = pageFacts(site.config, type, fields);
  const relationsId = `relations-${id}`;
  return h('article', { className: ['entity', `entity--${isArticle ? 'article' : isSource ? 'source' : 'entity'}`], dataEntity: id }, [
    h('div', { className: ['entity-top', ...(facts.length ? ['entity-top--facts'] : [])], dataPagefindBody: true }, [
      entityHeader(site, base, self, shownAliases(note.aliases), isArticle ? byline(fields.date, fields.authors) : []),
      ...(facts.length ? [h('aside', { className: 'entity-aside', ariaLabel: 'Key facts' }, [factList(facts, isSource ? 'About this source' : 'Facts')])] : []),
      ...(bodyHtml.trim() ? [h('div', { className: ['prose', 'entity-body'] }, [{ type: 'raw', value: bodyHtml } as unknown as ElementContent])] : []),
    ]),
    h('div', { className: 'entity-sections', dataPagefindIgnore: 'all' }, [
      h('div', { className: ['connections-grid', ...(groups.length ? ['connections-grid--split'] : [])] }, [
        ...(groups.length ? [h('section', { className: 'connections', ariaLabelledby: relationsId }, [
          sectionHeading(relationsId, 'Relations', relationCount(groups)),
          relationList(groups, `rel-${id}`),
        ])] : []),
        h('div', { className: 'local-graph-wrap' }, [
          ...localGraph(site, base, id),
          ...(groups.length ? [h('p', { className: ['local-graph-wrap__note', 'muted'] }, ['Text version of this graph: ', h('a', { href: `#${relationsId}` }, 'the list of relations'), '.'])] : []),
        ]),
      ]),
      ...(isSource ? evidenceList(site, base, relationsCiting(site, id)) : []),
      ...(isSource ? entityRefList(citedBy(site, base, id), 'Cited by', 'cited-by-heading') : []),
      ...entityRefList(mentionedIn(site, base, id), 'Mentioned in', 'mentioned-in-heading', `Pages that link to ${isArticle ? 'this article' : 'this page'} in their text.`),
      ...entityRefList(mentions(site, base, id), isArticle ? 'In this article' : 'Mentions', 'mentions-heading'),
      ...sourceList(citedSources(site, base, id)),
    ]),
  ]);
}
