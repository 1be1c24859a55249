import type { FeedDocument, FeedEntry, FeedPerson } from './feed.types.js';
import { xmlSafeText } from './xml.js';

const person = (p: FeedPerson) => (p.url ? { name: p.name, url: p.url } : { name: p.name });

function item(e: FeedEntry, language: string) {
  return {
    id: e.id,
    url: e.url,
    title: e.title,
    // JSON Feed wants content_html or content_text: the excerpt stands in when the feed carries no full text.
    ...(e.contentHtml !== null ? { content_html: e.contentHtml } : { content_text: e.summary || e.title }),
    ...(e.summary ? { summary: e.summary } : {}),
    ...(e.image ? { image: e.image } : {}),
    date_published: new Date(e.published).toISOString(),
    date_modified: new Date(e.updated).toISOString(),
    ...(e.author ? { authors: [person(e.author)] } : {}),
    ...(e.categories.length ? { tags: e.categories.map((c) => c.name) } : {}),
    language,
    ...(e.enclosures.length ? { attachments: e.enclosures.map((f) => ({ url: f.url, mime_type: f.type, size_in_bytes: f.length })) } : {}),
  };
}

/** A feed as JSON Feed 1.1. Control characters are dropped from text, as in the XML formats, so every format says the same. */
export function renderJsonFeed(doc: FeedDocument): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.self.json,
    ...(doc.description ? { description: doc.description } : {}),
    ...(doc.next ? { next_url: doc.next.json } : {}),
    ...(doc.icon ? { favicon: doc.icon } : {}),
    authors: [person(doc.author)],
    language: doc.language,
    items: doc.entries.map((e) => item(e, doc.language)),
  };
  return JSON.stringify(feed, (_key, value: unknown) => (typeof value === 'string' ? xmlSafeText(value) : value)) + '\n';
}
