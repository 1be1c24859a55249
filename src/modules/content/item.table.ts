import type { Generated } from 'kysely';

/** Articles, pages and (later) every other content type share this table; `type` tells them apart. */
export interface ItemTable {
  id: Generated<number>;
  edition: string;
  type: string;
  slug: string;
  title: string;
  excerpt: Generated<string>;
  /** draft | pending | scheduled | published */
  status: string;
  /** ISO 8601 UTC; the public date */
  published_at: string;
  created_at: string;
  updated_at: string;
  author_id: number | null;
  source_line: Generated<string>;
  featured_media_id: number | null;
  category_id: number | null;
  parent_id: number | null;
  translation_key: string | null;
  comment_count: Generated<number>;
  /** 1: readers may no longer comment on this item (see comments/) */
  comments_closed: Generated<number>;
  /** 1: heads the edition's home page (WordPress: sticky) */
  pinned: Generated<number>;
  seo_title: string | null;
  seo_description: string | null;
  /** JSON: the fields of the item's type (see item-types.ts); `{}` for articles and pages */
  details: Generated<string>;
}

/** A photo of a gallery, in the gallery's order. */
export interface GalleryPhotoTable {
  id: Generated<number>;
  item_id: number;
  media_id: number;
  position: number;
  caption: Generated<string>;
  credit: Generated<string>;
}

/** An item's body, apart from the item row so listings never read it. */
export interface ItemBodyTable {
  item_id: number;
  /** sanitized HTML */
  body_html: string;
}

export interface ItemTagTable {
  item_id: number;
  tag_id: number;
}

/** One saved state of an item: every field the editor writes, as JSON (see revision.ts). */
export interface ItemRevisionTable {
  id: Generated<number>;
  item_id: number;
  user_id: number | null;
  created_at: string;
  snapshot: string;
}
