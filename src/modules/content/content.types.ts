/** A responsive image as the site shows it. */
export interface ImageRef {
  path: string;
  alt: string;
  width: number | null;
  height: number | null;
  variants: { path: string; width: number; mime: string }[];
}

/** What a listing card shows of an item. */
export interface ItemSummary {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  /** empty unless asked for (listings that show full bodies) */
  bodyHtml: string;
  publishedAt: string;
  sourceLine: string;
  commentCount: number;
  categoryId: number | null;
  image: ImageRef | null;
  author: { name: string; slug: string } | null;
}

/** What an item's own page shows. */
export interface ItemDetail extends ItemSummary {
  type: string;
  updatedAt: string;
  translationKey: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  tags: { id: number; slug: string; name: string }[];
  /** the fields of the item's type (item-types.ts) */
  details: Record<string, unknown>;
  /** the parent page, or an issue's periodical */
  parentId: number | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  /** whether a page of older items follows */
  hasOlder: boolean;
}

/** The content types of the public site so far. */
export const LISTED_TYPES = ['article'];
