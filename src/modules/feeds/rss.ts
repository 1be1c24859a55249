import { escapeHtml } from '#jsx/jsx-runtime';
import type { FeedDocument, FeedEntry } from './feed.types.js';
import { el, renderXml, type XmlElement } from './xml.js';

const NS = { atom: 'http://www.w3.org/2005/Atom', content: 'http://purl.org/rss/1.0/modules/content/', dc: 'http://purl.org/dc/elements/1.1/' };

/** RFC 822 dates, as RSS 2.0 wants them ("Fri, 17 May 2024 10:00:00 GMT"). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

function item(e: FeedEntry): XmlElement {
  const enclosure = e.enclosures[0];
  return el(
    'item', undefined,
    el('title', undefined, e.title),
    el('link', undefined, e.url),
    el('guid', { isPermaLink: 'false' }, e.id),
    el('pubDate', undefined, rfc822(e.published)),
    e.author && el('dc:creator', undefined, e.author.name),
    e.categories.map((c) => el('category', { domain: c.scheme }, c.name)),
    // RSS descriptions are HTML: the plain-text summary goes in escaped, then the writer escapes it as XML.
    e.summary && el('description', undefined, escapeHtml(e.summary)),
    e.contentHtml !== null && el('content:encoded', undefined, e.contentHtml),
    // RSS allows one enclosure per item.
    enclosure && el('enclosure', { url: enclosure.url, length: enclosure.length, type: enclosure.type }),
  );
}

/** A feed as RSS 2.0 (with the content, Dublin Core and Atom namespaces for full text, authors and self/paging links). */
export function renderRss(doc: FeedDocument): string {
  const link = (rel: string, href: string) => el('atom:link', { rel, href, type: 'application/rss+xml' });
  return renderXml(
    el(
      'rss', { version: '2.0', 'xmlns:atom': NS.atom, 'xmlns:content': NS.content, 'xmlns:dc': NS.dc },
      el(
        'channel', undefined,
        el('title', undefined, doc.title),
        el('link', undefined, doc.homeUrl),
        el('description', undefined, doc.description),
        el('language', undefined, doc.language),
        el('lastBuildDate', undefined, rfc822(doc.updated)),
        el('generator', undefined, 'nashr'),
        link('self', doc.self.rss),
        doc.next && link('next', doc.next.rss),
        doc.previous && link('previous', doc.previous.rss),
        doc.entries.map(item),
      ),
    ),
  );
}
