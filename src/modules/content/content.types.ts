/** A responsive image as the site shows it. */
export interface ImageRef {
  path: string;
  alt: string;
  width: number | null;
  height: number | null;
  variants: { path: string; width: number; mime: string }[];
}

/** What a listing card and an item page show of an item. */
export interface ItemSummary {
  id: number;
  type: string;
  slug: string;
  title: string;
  excerpt: string;
  bodyHtml: string;
  publishedAt: string;
  updatedAt: string;
  sourceLine: string;
  commentCount: number;
  translationKey: string | null;
  image: ImageRef | null;
  category: { id: number; name: string; slug: string } | null;
  author: { name: string; slug: string } | null;
}

export interface ItemDetail extends ItemSummary {
  seoTitle: string | null;
  seoDescription: string | null;
  tags: { id: number; slug: string; name: string }[];
}

export interface Page<T> {
  items: T[];
  page: number;
  /** whether a page of older items follows */
  hasOlder: boolean;
}

/** The content types of the public site so far. */
export const LISTED_TYPES = ['article'];
