import type { ImageRef } from '../content/index.js';
import type { GalleryPhoto, MediaFile } from '../publications/index.js';

/** The formats every feed is written in. */
export const FEED_FORMATS = { xml: 'rss', atom: 'atom', json: 'json' } as const;
export type FeedFormat = (typeof FEED_FORMATS)[keyof typeof FEED_FORMATS];

/** What each format is sent as. */
export const FEED_MIME: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** A published item as a feed carries it (domain data: site-relative, nothing formatted yet). */
export interface FeedItem {
  id: number;
  type: string;
  slug: string;
  title: string;
  excerpt: string;
  /** sanitized body HTML; '' when the feed carries excerpts only */
  bodyHtml: string;
  sourceLine: string;
  publishedAt: string;
  updatedAt: string;
  createdAt: string;
  categoryId: number | null;
  image: ImageRef | null;
  author: { name: string; slug: string } | null;
  tags: { slug: string; name: string }[];
  details: Record<string, unknown>;
  /** an uploaded video's file or a book's/issue's PDF, when it has one */
  enclosure: MediaFile | null;
  /** a gallery's photos (full-content feeds only) */
  photos: GalleryPhoto[];
}

/** A person or organisation named as an author. */
export interface FeedPerson {
  name: string;
  url?: string;
}

/** A file attached to an entry (RSS enclosure, Atom rel="enclosure", JSON Feed attachment). */
export interface FeedEnclosure {
  url: string;
  type: string;
  length: number;
}

/** One entry of a feed document, every address absolute. */
export interface FeedEntry {
  /** stable across edits of title and slug: a tag: URI built on the item's id */
  id: string;
  url: string;
  title: string;
  /** plain text */
  summary: string;
  /** HTML with absolute addresses; null when the feed carries excerpts only */
  contentHtml: string | null;
  published: string;
  updated: string;
  author: FeedPerson | null;
  /** the item's category and tags: name, and the address of their kind (…/category/, …/tag/) */
  categories: { name: string; scheme: string }[];
  image: string | null;
  enclosures: FeedEnclosure[];
}

/** A whole feed, ready for any of the three writers. */
export interface FeedDocument {
  /** a stable IRI for the feed (its page-one RSS address) */
  id: string;
  title: string;
  description: string;
  /** BCP 47 */
  language: string;
  /** the page this feed follows */
  homeUrl: string;
  /** this document's own address in each format (with ?page= past page one) */
  self: Record<FeedFormat, string>;
  /** the next (older) page in each format, when there is one (RFC 5005) */
  next: Record<FeedFormat, string> | null;
  previous: Record<FeedFormat, string> | null;
  /** the newest `updated` of its entries (the epoch for an empty feed) */
  updated: string;
  /** named on the feed: entries without an author of their own fall back to it */
  author: FeedPerson;
  icon: string | null;
  entries: FeedEntry[];
}
