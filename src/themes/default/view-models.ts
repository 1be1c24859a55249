import type { Html } from '#jsx/jsx-runtime';
import type { Translator } from '../../i18n/translator.js';
import type { PageMetaVM } from './meta-view-models.js';

/** Plain data the templates render; built by the HTTP layer, never containing a database handle. */

export interface LinkVM {
  label: string;
  url: string;
}

export interface MenuLinkVM extends LinkVM {
  current: boolean;
  children: MenuLinkVM[];
}

export interface ImageVM {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  /** srcsets, "url 480w, url 800w"; empty when the image has no variant in that format */
  avifSrcset: string;
  webpSrcset: string;
  jpegSrcset: string;
}

export interface ShareLinkVM {
  network: string;
  /** the network's short name, shown */
  name: string;
  /** "Share on …", for assistive technology */
  label: string;
  /** ready for an href: percent-encoded, with `&` written as `&amp;` */
  url: Html;
}

export interface CardVM {
  title: string;
  url: string;
  /** sanitized excerpt paragraph or full body */
  summary: Html;
  image: ImageVM | null;
  category: LinkVM | null;
  author: LinkVM | null;
  sourceLine: string;
  date: string;
  datetime: string;
  commentsLabel: string;
  share: ShareLinkVM[];
}

/** A feed a page announces in its head (`<link rel="alternate" type=…>`). */
export interface FeedLinkVM {
  type: string;
  title: string;
  href: string;
}

export interface EditionLinkVM {
  code: string;
  nativeName: string;
  url: string;
  dir: 'ltr' | 'rtl';
  current: boolean;
}

/** Everything around the page's own content: head, header, sidebar, footer. */
export interface ChromeVM {
  t: Translator;
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  description: string;
  siteTitle: string;
  tagline: string;
  homeUrl: string;
  searchUrl: string;
  searchQuery: string;
  canonical: string | null;
  alternates: { hreflang: string; href: string }[];
  /** the edition's feeds, then the feeds of the page's category or section */
  feeds: FeedLinkVM[];
  /** the same array on every page that marks no entry current (its rendering is reused) */
  menu: MenuLinkVM[];
  editions: EditionLinkVM[];
  /** shared by an edition's pages: the sidebar renders once per array */
  recent: { title: string; url: string; date: string; datetime: string }[];
  /** shared by an edition's pages: the footer (these links and the copyright) renders once per array */
  social: { network: string; label: string; url: string }[];
  copyright: string;
  assets: { css: string; js: string; icon: string };
  noindex: boolean;
  /** Open Graph, Twitter card and JSON-LD (none on error and search pages) */
  meta: PageMetaVM;
}

export interface PaginationVM {
  newer: string | null;
  older: string | null;
  label: string;
}

export interface ListingVM {
  heading: string | null;
  description: string | null;
  /** sub-categories, for a category archive */
  children: LinkVM[];
  cards: CardVM[];
  pagination: PaginationVM;
  /** shown when the listing is empty */
  emptyTitle: string;
  emptyText: string;
}

export interface ArticleVM extends CardVM {
  body: Html;
  tags: LinkVM[];
  breadcrumbs: LinkVM[];
  related: CardVM[];
}

export interface StaticPageVM {
  title: string;
  body: Html;
}

export interface MessageVM {
  title: string;
  text: string;
  homeUrl: string;
}
