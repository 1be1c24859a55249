import { absolutizeHtml, type FeedDocument, type FeedEntry, type FeedFormat, type FeedItem } from '../../modules/feeds/index.js';
import type { CategoryTree } from '../../modules/taxonomy/index.js';
import { mediaUrl } from './cards.js';
import type { EditionSite } from './edition-site.js';
import { feedContentHtml, feedSummary } from './feed-content.js';
import { FEED_FILES } from './feed-links.js';

/** What a feed follows: the path of its page inside the edition (ending in '/'), its title and description. */
export interface FeedPlace {
  base: string;
  title: string;
  description: string;
}

const EXT: Record<FeedFormat, string> = { rss: FEED_FILES[0].file, atom: FEED_FILES[1].file, json: FEED_FILES[2].file };

/** The addresses of one page of a feed in every format (page one has no ?page=). */
function pageUrls(site: EditionSite, base: string, page: number): Record<FeedFormat, string> {
  const at = (file: string) => site.baseUrl + site.url(`${base}${file}`) + (page > 1 ? `?page=${page}` : '');
  return { rss: at(EXT.rss), atom: at(EXT.atom), json: at(EXT.json) };
}

/**
 * An entry's id: a tag: URI (RFC 4151) on the site's host, the day the item was made and its
 * database id. Neither a new title nor a new slug changes it, so readers never see an edited
 * item twice.
 */
function entryId(site: EditionSite, item: FeedItem): string {
  return `tag:${new URL(site.baseUrl).hostname},${new Date(item.createdAt).toISOString().slice(0, 10)}:item/${item.id}`;
}

function entryOf(site: EditionSite, tree: CategoryTree, item: FeedItem, full: boolean): FeedEntry {
  const abs = (path: string) => site.baseUrl + path;
  const url = abs(site.item(item.slug));
  const node = item.categoryId !== null ? tree.get(item.categoryId) : undefined;
  let content: string | null = null;
  if (full) {
    const html = absolutizeHtml(feedContentHtml(site, item), url);
    // A right-to-left edition's text keeps its direction in readers that show it outside the site.
    content = site.edition.dir === 'rtl' ? `<div dir="rtl">${html}</div>` : html;
  }
  const published = new Date(item.publishedAt).toISOString();
  const updated = new Date(Math.max(Date.parse(item.updatedAt), Date.parse(item.publishedAt))).toISOString();
  return {
    id: entryId(site, item),
    url,
    title: item.title,
    summary: feedSummary(item),
    contentHtml: content,
    published,
    updated,
    author: item.author ? { name: item.author.name, url: abs(site.author(item.author.slug)) } : null,
    categories: [
      ...(node ? [{ name: node.name, scheme: abs(site.url('/category/')) }] : []),
      ...item.tags.map((t) => ({ name: t.name, scheme: abs(site.url('/tag/')) })),
    ],
    image: item.image ? abs(mediaUrl(item.image.path)) : null,
    enclosures: item.enclosure ? [{ url: abs(mediaUrl(item.enclosure.path)), type: item.enclosure.mime, length: item.enclosure.sizeBytes }] : [],
  };
}

/** One page of a feed as a document every writer can render. */
export function feedDocument(site: EditionSite, tree: CategoryTree, icon: string, place: FeedPlace, items: FeedItem[], page: number, hasOlder: boolean, full: boolean): FeedDocument {
  const entries = items.map((i) => entryOf(site, tree, i, full));
  const newest = entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0).toISOString());
  return {
    id: pageUrls(site, place.base, 1).atom,
    title: place.title,
    description: place.description,
    language: site.edition.code,
    homeUrl: site.baseUrl + site.url(place.base),
    self: pageUrls(site, place.base, page),
    next: hasOlder ? pageUrls(site, place.base, page + 1) : null,
    previous: page > 1 ? pageUrls(site, place.base, page - 1) : null,
    updated: newest,
    author: { name: site.edition.title, url: site.baseUrl + site.home() },
    icon: site.baseUrl + icon,
    entries,
  };
}
