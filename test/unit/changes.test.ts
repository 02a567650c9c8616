// The change log: fixture repositories made in a temp folder (tags, commits, a working copy), what changed per version,
// the cases without history, and the Atom feed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, type Site } from '../../src/kg/build.ts';
import { resolveConfig } from '../../src/kg/config.ts';
import type { RelationChange, VersionDiff } from '../../src/kg/changes/diff.ts';
import { type ChangeLog, readChangeLog, type Version } from '../../src/kg/changes/history.ts';
import { changesAtom, escapeMarkup } from '../../src/kg/exports/changes-atom.ts';
import { changesView } from '../../src/components/model/changes.ts';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';

const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

/** A fresh repository with a project folder (`site/`) whose notes are in `site/content/`. */
function repository(): { top: string; root: string; commit: (message: string, date: string) => void; tag: (name: string, message?: string) => void; write: (file: string, text: string) => void; remove: (file: string) => void } {
  const top = mkdtempSync(join(tmpdir(), 'kg-changes-'));
  made.push(top);
  const root = join(top, 'site');
  mkdirSync(join(root, 'content'), { recursive: true });
  const run = (args: string[], env: Record<string, string> = {}) => execFileSync('git', args, { cwd: top, env: { ...process.env, ...env }, stdio: 'pipe' });
  run(['init', '-q', '-b', 'main']);
  run(['config', 'user.email', 'desk@example.org']);
  run(['config', 'user.name', 'Desk']);
  run(['config', 'commit.gpgsign', 'false']);
  run(['config', 'tag.gpgsign', 'false']);
  return {
    top, root,
    write: (file, text) => { mkdirSync(dirname(join(root, 'content', file)), { recursive: true }); writeFileSync(join(root, 'content', file), text); },
    remove: (file) => rmSync(join(root, 'content', file)),
    commit: (message, date) => { run(['add', '-A']); run(['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }); },
    tag: (name, message) => run(message ? ['tag', '-a', name, '-m', message] : ['tag', name]),
  };
}

const org = (title: string, extra = '', body = '') => `---\ntype: organization\ntitle: ${title}\n${extra}---\n${body}\n`;
const AGENCY = `---\ntype: agency\ntitle: Agency\n---\nThe agency.\n`;
const PAPER = `---\ntype: source\ntitle: Paper story\npublisher: The Paper\ndate: 2019-10-08\n---\nA report.\n`;
const sanction = (date: string) => `relations:\n  - type: sanctioned_by\n    to: "[[Agency]]"\n    date: ${date}\n    sources: ["[[Paper]]"]\n`;

const config = resolveConfig({});
async function changeLog(root: string, versions = 10, siteConfig = config): Promise<{ site: Site; log: ChangeLog }> {
  const site = await buildSite(root, siteConfig, { checkOnly: true });
  return { site, log: await readChangeLog(site, { root, versions }) };
}

const ids = (list: Array<{ id: string }>) => list.map((e) => e.id);
const rel = (r: RelationChange) => `${r.from.id} -[${r.type}]-> ${r.to.id}${r.changed ? ` (${r.changed.join(', ')})` : ''}`;
function summary(diff: VersionDiff | undefined) {
  if (!diff) return undefined;
  return {
    added: ids(diff.entities.added), removed: ids(diff.entities.removed),
    modified: diff.entities.modified.map((e) => `${e.id}: ${[...(e.changed ?? []), ...(e.facts ?? []).map((f) => `facts.${f}`)].join(', ')}`),
    relationsAdded: diff.relations.added.map(rel), relationsRemoved: diff.relations.removed.map(rel), relationsModified: diff.relations.modified.map(rel),
    errors: diff.errors,
  };
}
const head = (v: Version) => ({ kind: v.kind, name: v.name, date: v.date, subject: v.subject, since: v.since, notes: v.notes });

describe('change log of a repository with two tagged versions', async () => {
  const repo = repository();
  repo.write('organizations/acme.md', org('Acme Corp', `country: US\n${sanction('2019-10-07')}`, 'Acme makes widgets.'));
  repo.write('agencies/agency.md', AGENCY);
  repo.write('people/bob.md', `---\ntype: person\ntitle: Bob\nrelations:\n  - type: works_for\n    to: "[[Acme Corp]]"\n    start: 2010\n---\nBob.\n`);
  repo.write('sources/paper.md', PAPER);
  repo.write('organizations/old.md', org('Old Co'));
  writeFileSync(join(repo.root, 'README.md'), 'not a note');
  repo.commit('First notes', '2024-01-01T10:00:00Z');
  repo.tag('v1');
  // v2: Acme's summary, country, body and sanction date change; Bob moves to Beta; Old Co goes; Beta arrives.
  repo.write('organizations/acme.md', org('Acme Corp', `summary: Widget maker.\ncountry: CN\n${sanction('2019-10-08')}`, 'Acme makes widgets in China.'));
  repo.write('people/bob.md', `---\ntype: person\ntitle: Bob\nrelations:\n  - type: leads\n    to: "[[Beta & <Sons>]]"\n---\nBob.\n`);
  repo.write('organizations/beta.md', org('Beta & <Sons>', 'aliases: [Beta]\n'));
  repo.remove('organizations/old.md');
  repo.commit('Second round', '2024-02-01T10:00:00Z');
  repo.tag('v2', 'Release 2: <Beta> & more');
  // A code-only commit and a tag on it: not a version of the notes.
  writeFileSync(join(repo.root, 'README.md'), 'still not a note');
  repo.commit('Docs', '2024-02-02T10:00:00Z');
  repo.tag('v2.1');
  // After the last tag: a committed note and an uncommitted edit, both "unreleased".
  repo.write('people/carol.md', `---\ntype: person\ntitle: Carol\nrelations:\n  - type: works_for\n    to: "[[Beta]]"\n---\n`);
  repo.commit('Carol', '2024-03-01T10:00:00Z');
  repo.write('agencies/agency.md', AGENCY.replace('title: Agency', 'title: The Agency\naliases: [Agency]'));
  const { site, log } = await changeLog(repo.root);

  it('lists the tags that changed the notes, newest first, with unreleased changes on top', () => {
    expect(site.errors).toBe(0);
    expect(log.mode).toBe('tags');
    expect(log.more).toBe(false);
    expect(log.versions.map(head)).toEqual([
      { kind: 'unreleased', name: '', date: '2024-03-01T10:00:00Z', subject: '', since: 'v2', notes: undefined },
      { kind: 'tag', name: 'v2', date: '2024-02-01T10:00:00Z', subject: 'Release 2: <Beta> & more', since: 'v1', notes: undefined },
      { kind: 'tag', name: 'v1', date: '2024-01-01T10:00:00Z', subject: 'First notes', since: undefined, notes: 5 },
    ]);
    expect(log.versions.map((v) => v.anchor)).toEqual(['unreleased', 'tag-v2', 'tag-v1']);
  });

  it('lists what changed between v1 and v2', () => {
    expect(summary(log.versions[1].diff)).toEqual({
      added: ['beta'], removed: ['old'],
      modified: ['acme: summary, facts, body, facts.country'],
      relationsAdded: ['bob -[leads]-> beta'], relationsRemoved: ['bob -[works_for]-> acme'],
      // Written on Acme as `sanctioned_by`: the edge runs from the agency.
      relationsModified: ['agency -[sanctions]-> acme (dates)'],
      errors: 0,
    });
    const beta = log.versions[1].diff!.entities.added[0];
    expect(beta).toEqual({ id: 'beta', title: 'Beta & <Sons>', type: 'organization' });
    expect(log.versions[1].diff!.entities.removed[0]).toEqual({ id: 'old', title: 'Old Co', type: 'organization' });
    // Relations carry their dates at the newer version and their ends' titles: a note outside the changed files has its
    // current title (the Agency is "The Agency" now).
    expect(log.versions[1].diff!.relations.modified[0]).toMatchObject({ from: { id: 'agency', title: 'The Agency', type: 'agency' }, to: { id: 'acme', title: 'Acme Corp' }, date: '2019-10-08' });
  });

  it('lists what the notes being built change since the last tag', () => {
    expect(summary(log.versions[0].diff)).toEqual({
      added: ['carol'], removed: [], modified: ['agency: title, aliases'],
      relationsAdded: ['carol -[works_for]-> beta'], relationsRemoved: [], relationsModified: [], errors: 0,
    });
    expect(log.versions[0].diff!.entities.modified[0]).toMatchObject({ title: 'The Agency', previousTitle: 'Agency' });
  });

  it('reads the same log again (no build clock, sorted lists)', async () => {
    expect((await changeLog(repo.root)).log).toEqual(log);
  });

  it('keeps the newest versions when capped, comparing the oldest shown with the tag before it', async () => {
    const capped = (await changeLog(repo.root, 1)).log;
    expect(capped.versions.map((v) => [v.kind, v.name, v.since])).toEqual([['unreleased', '', 'v2'], ['tag', 'v2', 'v1']]);
    expect(capped.more).toBe(true);
    expect((await changeLog(repo.root, 0)).log).toMatchObject({ mode: 'none', reason: 'disabled', versions: [] });
  });
  it('shows removed entities as text and existing ones as links on the page', () => {
    const view = changesView(site, '/', log);
    expect(view.message).toBeUndefined();
    expect(view.versions.map((v) => [v.title, v.label, v.dateText])).toEqual([
      ['Unreleased changes since v2', 'Not in a tagged version yet', '1 March 2024'],
      ['v2', 'Tag v2', '1 February 2024'],
      ['v1', 'Tag v1', '1 January 2024'],
    ]);
    const v2 = view.versions[1];
    expect(v2.subject).toBe('Release 2: <Beta> & more');
    expect(v2.summary).toBe('3 entities (1 added, 1 removed, 1 modified); 3 relations (1 added, 1 removed, 1 modified).');
    const section = (id: string) => v2.sections.find((s) => s.id === `tag-v2-${id}`)!;
    expect(section('entities-added').items).toEqual([{ entity: { id: 'beta', title: 'Beta & <Sons>', type: 'organization', href: '/entity/beta/' } }]);
    expect(section('entities-removed').items).toEqual([{ entity: { id: 'old', title: 'Old Co', type: 'organization' } }]);
    expect(section('entities-modified').items).toEqual([{ entity: { id: 'acme', title: 'Acme Corp', type: 'organization', href: '/entity/acme/' }, detail: 'changed: summary, country, text' }]);
    expect(section('relations-modified').items).toMatchObject([{ from: { href: '/entity/agency/' }, label: 'sanctions', to: { href: '/entity/acme/' }, date: '2019-10-08', detail: 'changed: date' }]);
    expect(view.versions[0].sections.find((s) => s.kind === 'entities' && s.heading === 'Entities modified')!.items).toEqual([
      { entity: { id: 'agency', title: 'The Agency', type: 'agency', href: '/entity/agency/' }, detail: 'changed: title, aliases', previousTitle: 'Agency' },
    ]);
    expect(view.versions[2].summary).toBe('The first tagged version, with 5 notes.');
  });

  it('publishes an Atom feed that parses, is escaped, dated by commits and has stable ids', () => {
    const links = { page: 'https://example.org/changes/', feed: 'https://example.org/changes.xml', entity: (id: string) => (site.graph.hasNode(id) ? `https://example.org/entity/${id}/` : undefined) };
    const xml = changesAtom(config, log, links);
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xml, 'application/xml');
    expect(errors).toEqual([]);
    const feed = doc.documentElement!;
    expect(feed.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    const child = (el: XmlElement, name: string) => Array.from(el.childNodes).filter((n) => n.nodeName === name) as XmlElement[];
    expect(child(feed, 'updated')[0].textContent).toBe('2024-03-01T10:00:00Z');
    expect(child(feed, 'id')[0].textContent).toBe('https://example.org/changes.xml');
    const entries = child(feed, 'entry');
    expect(entries.map((e) => child(e, 'title')[0].textContent)).toEqual(['Unreleased changes since v2', 'v2: Release 2: <Beta> & more', 'v1: First notes']);
    expect(entries.map((e) => child(e, 'id')[0].textContent)).toEqual([
      'https://example.org/changes/#unreleased-since-v2', 'https://example.org/changes/#tag-v2', 'https://example.org/changes/#tag-v1',
    ]);
    expect(entries.map((e) => child(e, 'updated')[0].textContent)).toEqual(['2024-03-01T10:00:00Z', '2024-02-01T10:00:00Z', '2024-01-01T10:00:00Z']);
    // The content is HTML, escaped once for XML: parsed, it is markup whose text is escaped again.
    const html = child(entries[1], 'content')[0].textContent!;
    expect(child(entries[1], 'content')[0].getAttribute('type')).toBe('html');
    expect(html).toContain('<a href="https://example.org/entity/beta/">Beta &amp; &lt;Sons&gt;</a>');
    expect(html).toContain('<li>Old Co</li>');
    expect(html).toContain('<a href="https://example.org/entity/acme/">Acme Corp</a> (changed: summary, country, text)');
    expect(html).not.toMatch(/<Sons>|<Beta>/);
    expect(xml).not.toContain('<Sons>');
    expect(changesAtom(config, log, links)).toBe(xml);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeMarkup('<script>alert("x")</script> & \'q\'\u0007')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
  });
});

describe('change log from commits when there are no tags', async () => {
  const repo = repository();
  repo.write('a.md', org('Alpha'));
  repo.commit('Alpha', '2024-01-01T00:00:00Z');
  repo.write('b.md', org('Beta', 'relations:\n  - type: owns\n    to: "[[Alpha]]"\n'));
  repo.commit('Beta owns Alpha', '2024-01-02T00:00:00Z');
  // A version whose notes have errors: bad YAML in one note, a link to nothing in another.
  repo.write('c.md', '---\ntype: organization\ntitle: [unclosed\n---\n');
  repo.write('b.md', org('Beta', 'relations:\n  - type: owns\n    to: "[[Nobody]]"\n'));
  repo.commit('Broken', '2024-01-03T00:00:00Z');
  repo.write('c.md', org('Gamma'));
  repo.write('b.md', org('Beta'));
  repo.commit('Fixed', '2024-01-04T00:00:00Z');
  const { site, log } = await changeLog(repo.root);

  it('lists the commits that changed the notes, each compared with the one before', () => {
    expect(log.mode).toBe('commits');
    expect(log.versions.map((v) => [v.kind, v.subject, v.date])).toEqual([
      ['commit', 'Fixed', '2024-01-04T00:00:00Z'], ['commit', 'Broken', '2024-01-03T00:00:00Z'],
      ['commit', 'Beta owns Alpha', '2024-01-02T00:00:00Z'], ['commit', 'Alpha', '2024-01-01T00:00:00Z'],
    ]);
    expect(log.versions.every((v) => v.kind !== 'commit' || /^[0-9a-f]{7}$/.test(v.name))).toBe(true);
    expect(log.versions[0].since).toBe(log.versions[1].name);
    expect(log.versions[3].notes).toBe(1);
    expect(log.versions[3].since).toBeUndefined();
    expect(summary(log.versions[2].diff)).toMatchObject({ added: ['b'], relationsAdded: ['b -[owns]-> a'] });
  });

  it('reports a version whose notes have errors instead of failing', () => {
    const broken = log.versions[1].diff!;
    expect(broken.errors).toBe(2);
    expect(broken.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['content/b.md unknown-target', 'content/c.md yaml-syntax']);
    expect(summary(broken)).toMatchObject({ added: ['c'], relationsRemoved: ['b -[owns]-> a'] });
    expect(broken.entities.added[0]).toMatchObject({ id: 'c' });
    // Fixed: the note that could not be read now can, and Beta's relation to nobody is simply gone.
    const fixed = log.versions[0].diff!;
    expect(fixed.errors).toBe(0);
    expect(fixed.entities.modified.map((e) => [e.id, e.unreadable])).toEqual([['c', 'before']]);
    expect(fixed.relations).toEqual({ added: [], removed: [], modified: [] });
    // The page says which entries could not be read, and lists the errors.
    const view = changesView(site, '/', log);
    expect(view.versions[1].sections[0].items).toEqual([{ entity: { id: 'c', title: 'c', type: 'note', href: '/entity/c/' }, detail: 'could not be read in this version' }]);
    expect(view.versions[1].errors).toBe(2);
    expect(view.versions[0].sections[0].items).toMatchObject([{ detail: 'could not be read in the version before' }]);
  });

  it('caps the commits read and compares the oldest shown with its parent', async () => {
    const capped = (await changeLog(repo.root, 2)).log;
    expect(capped.versions.map((v) => v.subject)).toEqual(['Fixed', 'Broken']);
    expect(capped.more).toBe(true);
    expect(capped.versions[1].diff!.entities.added.map((e) => e.id)).toEqual(['c']);
  });

  it('shows uncommitted changes, including new files, as unreleased', async () => {
    repo.write('d.md', org('Delta'));
    const { log: open } = await changeLog(repo.root);
    expect(open.versions[0]).toMatchObject({ kind: 'unreleased', since: log.versions[0].name, date: '2024-01-04T00:00:00Z' });
    expect(summary(open.versions[0].diff)).toMatchObject({ added: ['d'], removed: [], modified: [] });
    repo.remove('d.md');
  });
});

describe('what the graph shows', () => {
  it('a relation written again on its other note is the same edge (its sources join); skipped folders hold no notes', async () => {
    const repo = repository();
    repo.write('acme.md', org('Acme', sanction('2019-10-07')));
    repo.write('agency.md', AGENCY);
    repo.write('paper.md', PAPER);
    repo.write('wire.md', PAPER.replace('Paper story', 'Wire story'));
    repo.commit('Acme', '2024-01-01T00:00:00Z');
    // The agency's note writes the same sanction from its end (as `check --fix --add-inverses` does), citing the wire too.
    repo.write('agency.md', AGENCY.replace('---\nThe', 'relations:\n  - type: sanctions\n    to: "[[Acme]]"\n    date: 2019-10-07\n    sources: ["[[Wire story]]"]\n---\nThe'));
    repo.commit('Inverse', '2024-01-02T00:00:00Z');
    // A template in the vault's ignored folder is not a note.
    repo.write('Templates/Entity.md', org('{{title}}'));
    repo.commit('Template', '2024-01-03T00:00:00Z');
    const { site, log } = await changeLog(repo.root, 10, resolveConfig({ ignore: ['Templates'] }));
    expect(site.graph.edges().filter((e) => site.graph.getEdgeAttribute(e, 'kind') === 'relation')).toHaveLength(1);
    const inverse = log.versions.find((v) => v.subject === 'Inverse')!;
    expect(summary(inverse.diff)).toMatchObject({ relationsAdded: [], relationsRemoved: [], relationsModified: ['agency -[sanctions]-> acme (sources)'] });
    expect(summary(log.versions.find((v) => v.subject === 'Template')!.diff)).toMatchObject({ added: [], modified: [], relationsAdded: [] });
  });
});

describe('tags', () => {
  it('that slugify alike keep distinct anchors; a lightweight tag’s subject is its commit’s', async () => {
    const repo = repository();
    repo.write('a.md', org('Alpha'));
    repo.commit('One', '2024-01-01T00:00:00Z');
    repo.tag('r.1');
    repo.write('a.md', org('Alpha', 'summary: Changed.\n'));
    repo.commit('Two', '2024-01-02T00:00:00Z');
    repo.tag('r-1');
    const { log } = await changeLog(repo.root);
    expect(log.versions.map((v) => [v.name, v.subject])).toEqual([['r-1', 'Two'], ['r.1', 'One']]);
    expect(log.versions[1].anchor).toBe('tag-r-1');
    expect(log.versions[0].anchor).toMatch(/^tag-r-1-[0-9a-f]{7}$/);
    expect(summary(log.versions[0].diff)).toMatchObject({ modified: ['a: summary'] });
  });
});

describe('no history', () => {
  it('says so outside a repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-nogit-'));
    made.push(dir);
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content', 'a.md'), org('Alpha'));
    const { site, log } = await changeLog(dir);
    expect(log).toEqual({ mode: 'none', reason: 'not-a-repository', versions: [], limit: 10, more: false });
    expect(changesView(site, '/', log)).toMatchObject({ message: expect.stringMatching(/not kept in a git repository/), versions: [] });
    // The feed is still valid Atom: no entries, a fixed date instead of the build's clock.
    const xml = changesAtom(config, log, { page: 'https://example.org/changes/', feed: 'https://example.org/changes.xml', entity: () => undefined });
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('entry').length).toBe(0);
    expect(doc.getElementsByTagName('updated')[0].textContent).toBe('1970-01-01T00:00:00Z');
  });

  it('says so in a shallow clone', async () => {
    const repo = repository();
    repo.write('a.md', org('Alpha'));
    repo.commit('One', '2024-01-01T00:00:00Z');
    repo.write('a.md', org('Alpha', 'summary: Changed.\n'));
    repo.commit('Two', '2024-01-02T00:00:00Z');
    const clone = mkdtempSync(join(tmpdir(), 'kg-shallow-'));
    made.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.top}`, join(clone, 'r')], { stdio: 'pipe' });
    expect((await changeLog(join(clone, 'r', 'site'))).log).toMatchObject({ mode: 'none', reason: 'shallow' });
  });

  it('says so when git ignores the content folder, or no commit has touched it', async () => {
    const repo = repository();
    writeFileSync(join(repo.top, 'README.md'), 'x');
    repo.commit('Code only', '2024-01-01T00:00:00Z');
    repo.write('a.md', org('Alpha'));
    expect((await changeLog(repo.root)).log).toMatchObject({ mode: 'none', reason: 'no-commits' });
    writeFileSync(join(repo.top, '.gitignore'), 'site/content/\n');
    expect((await changeLog(repo.root)).log).toMatchObject({ mode: 'none', reason: 'ignored' });
  });

  it('says so in a repository without commits', async () => {
    const repo = repository();
    repo.write('a.md', org('Alpha'));
    expect((await changeLog(repo.root)).log).toMatchObject({ mode: 'none', reason: 'no-commits' });
  });
});
