import type { FeedDocument, FeedEntry, FeedPerson } from './feed.types.js';
import { el, renderXml, type XmlElement } from './xml.js';

/** RFC 3339 dates in UTC. */
function rfc3339(iso: string): string {
  return new Date(iso).toISOString();
}

function person(name: 'author', p: FeedPerson): XmlElement {
  return el(name, undefined, el('name', undefined, p.name), p.url && el('uri', undefined, p.url));
}

function entry(e: FeedEntry): XmlElement {
  return el(
    'entry', undefined,
    el('id', undefined, e.id),
    el('title', { type: 'text' }, e.title),
    el('link', { rel: 'alternate', type: 'text/html', href: e.url }),
    el('published', undefined, rfc3339(e.published)),
    el('updated', undefined, rfc3339(e.updated)),
    e.author && person('author', e.author),
    e.categories.map((c) => el('category', { term: c.name, scheme: c.scheme })),
    e.summary && el('summary', { type: 'text' }, e.summary),
    e.contentHtml !== null && el('content', { type: 'html' }, e.contentHtml),
    e.enclosures.map((f) => el('link', { rel: 'enclosure', href: f.url, type: f.type, length: f.length })),
  );
}

/** A feed as Atom 1.0 (RFC 4287), in the edition's language (xml:lang), with RFC 5005 paging links. */
export function renderAtom(doc: FeedDocument): string {
  const link = (rel: string, href: string, type = 'application/atom+xml') => el('link', { rel, type, href });
  return renderXml(
    el(
      'feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': doc.language },
      el('id', undefined, doc.id),
      el('title', { type: 'text' }, doc.title),
      doc.description && el('subtitle', { type: 'text' }, doc.description),
      el('updated', undefined, rfc3339(doc.updated)),
      person('author', doc.author),
      link('alternate', doc.homeUrl, 'text/html'),
      link('self', doc.self.atom),
      doc.next && link('next', doc.next.atom),
      doc.previous && link('previous', doc.previous.atom),
      el('generator', undefined, 'nashr'),
      doc.icon && el('icon', undefined, doc.icon),
      doc.entries.map(entry),
    ),
  );
}
